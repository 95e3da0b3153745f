import { execFileSync, spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runScript } from '../../src/cli/runScript.ts'
import { parseScript, ScriptError } from '../../src/cli/scriptParser.ts'

const EXAMPLES = join(__dirname, '../../../shared/spec/examples')
const BIN = join(__dirname, '../../bin/kubesim.mjs')

const run = (script: string, seed = 1) => runScript(parseScript(script), { seed, readPath: () => undefined })

const crashScript = [
  'cluster --workers 2 --cpu 2 --memory 4Gi',
  'kubectl apply -f - <<YAML',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  replicas: 3',
  '  selector:',
  '    matchLabels: {app: web}',
  '  template:',
  '    metadata:',
  '      labels: {app: web}',
  '    spec:',
  '      containers:',
  '      - name: nginx',
  '        image: nginx:1.27',
  '---',
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: crash',
  'spec:',
  '  containers:',
  '  - name: main',
  '    image: ubuntu',
  'YAML',
  'advance 3m',
  'kubectl get pods -o wide',
  'kubectl describe pod crash',
  'kubectl get events',
  '',
].join('\n')

describe('kubesim run: the scenario-script contract', () => {
  const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.kss'))

  it.each(examples)('%s gives its expected transcript byte for byte', (file) => {
    const script = readFileSync(join(EXAMPLES, file), 'utf8')
    const expected = readFileSync(join(EXAMPLES, file.replace(/\.kss$/, '.expected')), 'utf8')
    expect(run(script)).toBe(expected)
  })

  it('is deterministic: same script and seed, same transcript; another seed, other names', () => {
    const a = run(crashScript)
    expect(run(crashScript)).toBe(a)
    expect(a).toMatch(/crash\s+0\/1\s+(CrashLoopBackOff|Completed)\s+\d+ \(\d+s ago\)/)
    const b = run(crashScript, 2)
    expect(b).not.toBe(a)
    const podNames = (t: string) => [...t.matchAll(/web-\w+-\w{5}/g)].map((m) => m[0]).sort()
    expect(podNames(b)).not.toEqual(podNames(a))
  })

  it('rejects malformed scripts with the line number', () => {
    expect(() => parseScript('advance 10s\nfrobnicate\n')).toThrow(new ScriptError(2, 'unknown command "frobnicate"'))
    expect(() => parseScript('kubectl apply -f - <<EOF\nkind: Pod\n')).toThrow(/line 1: unterminated heredoc/)
    expect(() => parseScript('advance soon')).toThrow(/line 1: advance needs one duration/)
    expect(() => parseScript('kubectl get pods\ncluster --workers 1')).toThrow(/line 2: `cluster` must come before/)
  })

  it('runs as `npx kubesim run`: exit 0 with kubectl errors in the transcript, 2 for a malformed script', () => {
    const ok = execFileSync(process.execPath, [BIN, 'run', '-'], { input: 'kubectl get pod nope\n', encoding: 'utf8' })
    expect(ok).toBe('$ kubectl get pod nope\nError from server (NotFound): pods "nope" not found\n')
    const bad = spawnSync(process.execPath, [BIN, 'run', '-'], { input: 'kubectl get pods\nexplode now\n', encoding: 'utf8' })
    expect(bad.status).toBe(2)
    expect(bad.stdout).toBe('')
    expect(bad.stderr.trim()).toBe('kubesim: line 2: unknown command "explode"')
  })

  it('reads -f paths relative to the script folder', () => {
    const out = execFileSync(process.execPath, [BIN, 'run', join(EXAMPLES, 'deployment.kss'), '--seed', '7'], { encoding: 'utf8' })
    expect(out).toContain('deployment.apps/web created')
  })
})
