import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { aliasBomb } from '../helpers.ts'

const BIN = join(__dirname, '../../bin/kubesim.mjs')

describe('npx kubesim run with YAML kubectl cannot decode', () => {
  it('prints kubectl’s one-line error for an alias bomb and runs the rest of the script', () => {
    const script = [
      'kubectl apply -f - <<EOF',
      aliasBomb().trimEnd(),
      'EOF',
      'kubectl apply -f - <<EOF',
      'a: &x {b: *x}',
      'EOF',
      'kubectl run web --image=nginx:1.27',
      'advance 10s',
      'kubectl get pods',
      '',
    ].join('\n')
    const run = spawnSync(process.execPath, [BIN, 'run', '-'], { input: script, encoding: 'utf8' })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toBe(
      [
        '$ kubectl apply -f - <<EOF',
        'error: error parsing STDIN: error converting YAML to JSON: yaml: document contains excessive aliasing',
        '$ kubectl apply -f - <<EOF',
        "error: error parsing STDIN: error converting YAML to JSON: yaml: anchor 'x' value contains itself",
        '$ kubectl run web --image=nginx:1.27',
        'pod/web created',
        '$ advance 10s',
        '$ kubectl get pods',
        'NAME   READY   STATUS    RESTARTS   AGE',
        'web    1/1     Running   0          10s',
        '',
      ].join('\n'),
    )
  })
})
