import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkLab, parseAttempt } from '../../src/labs/checkLab.ts'
import { parseLab } from '../../src/labs/parseLab.ts'

const LIBRARY = join(__dirname, '../../src/labs/library')

/** Each library lab, and the step its wrong attempt (NN-slug.wrong.kss) must fail on. */
const WRONG_ATTEMPT_FAILS_ON: Record<string, number> = {
  '01-first-pod': 1,
  '02-deployment-self-healing': 2,
  '03-scaling': 1,
  '04-rollout-rollback': 3,
  '05-crashloop': 3,
  '06-imagepullbackoff': 3,
  '07-pending-requests': 4,
  '08-labels-selectors': 4,
  '09-namespaces': 2,
  '10-taints-tolerations': 3,
  '11-node-affinity': 2,
  '12-rollout-strategies': 3,
  '13-liveness-probe': 3,
  '14-readiness-probe': 3,
  '15-clusterip-dns': 1,
  '16-nodeport': 1,
  '17-ingress': 3,
  '18-configmap-env': 2,
  '19-secrets': 4,
  '20-jobs': 1,
  '21-cronjobs': 1,
  '22-daemonset': 3,
  '23-statefulset': 4,
  '24-node-failure': 2,
  '25-cordon-drain': 2,
  '26-oomkilled-limits': 2,
  '27-hpa-under-load': 2,
  '28-statefulset-storage': 2,
  '29-configmap-volume': 3,
  '30-drain-pdb': 1,
  '31-topology-spread': 2,
}

const read = (name: string) => readFileSync(join(LIBRARY, name), 'utf8')
const labs = Object.keys(WRONG_ATTEMPT_FAILS_ON)
// Each lab runs its cluster twice (solutions, then the wrong attempt): a busy machine needs time.
const SLOW = 120_000

describe('the lab library', () => {
  it('holds 31 labs numbered 01 to 31, each with its wrong attempt, and nothing else', () => {
    const files = readdirSync(LIBRARY).sort()
    expect(files).toEqual(labs.flatMap((l) => [`${l}.md`, `${l}.wrong.kss`]).sort())
    expect(labs.map((l) => l.slice(0, 2))).toEqual(Array.from({ length: 31 }, (_, i) => String(i + 1).padStart(2, '0')))
  })

  it.each(labs)('%s parses: 5–15 minutes; every step has 1–3 hints, a solution and checks', (name) => {
    const lab = parseLab(read(`${name}.md`))
    expect(lab.minutes).toBeGreaterThanOrEqual(5)
    expect(lab.minutes).toBeLessThanOrEqual(15)
    expect(lab.intro.trim()).not.toBe('')
    for (const step of lab.steps) {
      expect(step.hints.length, `${name}: "${step.title}" hints`).toBeGreaterThanOrEqual(1)
      expect(step.hints.length, `${name}: "${step.title}" hints`).toBeLessThanOrEqual(3)
      expect(step.solution, `${name}: "${step.title}" solution`).toBeDefined()
      expect(step.checks.length, `${name}: "${step.title}" checks`).toBeGreaterThan(0)
    }
  })

  it.each(labs)('%s passes with its solutions', (name) => {
    const lab = parseLab(read(`${name}.md`))
    const { output, exitCode } = checkLab(lab)
    expect(output).toBe([...lab.steps.map((s, i) => `PASS  ${i + 1}  ${s.title}`), `${lab.steps.length}/${lab.steps.length} steps passed`, ''].join('\n'))
    expect(exitCode).toBe(0)
  }, SLOW)

  it.each(labs)('%s fails its wrong attempt on the expected step', (name) => {
    const source = read(`${name}.wrong.kss`)
    const step = WRONG_ATTEMPT_FAILS_ON[name]
    // The attempt's first line says which step it fails on, for the teacher reading it.
    expect(source.split('\n')[0]).toMatch(new RegExp(`^# Fails on step ${step}: `))
    const lab = parseLab(read(`${name}.md`))
    const { output, exitCode } = checkLab(lab, { attempt: parseAttempt(source) })
    const lines = output.trimEnd().split('\n')
    lab.steps.forEach((s, i) => {
      if (i + 1 < step) expect(lines[i]).toBe(`PASS  ${i + 1}  ${s.title}`)
      else if (i + 1 === step) expect(lines[i]).toMatch(new RegExp(`^FAIL  ${step}  .*: (kubectl|history) `))
      else expect(lines[i]).toBe(`FAIL  ${i + 1}  ${s.title}: not reached`)
    })
    expect(lines.at(-1)).toBe(`${step - 1}/${lab.steps.length} steps passed`)
    expect(exitCode).toBe(1)
  }, SLOW)
})
