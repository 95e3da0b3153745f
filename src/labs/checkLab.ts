import type { ScriptIO } from '../cli/runScript.ts'
import { parseScript, ScriptError, type ScriptStep } from '../cli/scriptParser.ts'
import { firstFailing } from './assertions.ts'
import { LabError, type Lab } from './lab.ts'
import { runAsStudent, startLab } from './labRun.ts'
import { LabSession } from './labSession.ts'

/** How a step ended in a headless check: passed, or failed with the reason printed. */
type StepResult = { passed: true } | { passed: false; reason: string }

const NO_CLUSTER = 'an attempt has no cluster line: the lab builds the cluster'

/** Parses a student's attempt: a scenario script without a `cluster` line (the lab builds the cluster). */
export function parseAttempt(source: string): ScriptStep[] {
  let steps: ScriptStep[]
  try {
    steps = parseScript(source)
  } catch (e) {
    if (!(e instanceof ScriptError)) throw e
    // A cluster line after other lines is refused by the script parser too; say why for an attempt.
    const clusterLine = /^\s*cluster(\s|$)/.test(source.split(/\r?\n/)[e.line - 1] ?? '')
    throw new LabError(e.line, clusterLine ? NO_CLUSTER : e.message.replace(/^line \d+: /, ''))
  }
  const cluster = steps.find((s) => s.kind === 'cluster')
  if (cluster) throw new LabError(cluster.line, NO_CLUSTER)
  return steps
}

/** Without an attempt: each step's solution in turn, its checks evaluated right before (they must not hold yet) and right after. */
function checkSolutions(lab: Lab, seed: number): StepResult[] {
  const run = startLab(lab, seed)
  return lab.steps.map((step): StepResult => {
    const passesBefore = !firstFailing(step.checks, run)
    // The solution runs whatever happened before: later steps build on it.
    for (const line of step.solution ?? []) runAsStudent(run, line)
    if (passesBefore) return { passed: false, reason: 'passes before the student acts' }
    const failing = firstFailing(step.checks, run)
    return failing ? { passed: false, reason: failing.text } : { passed: true }
  })
}

/** With an attempt: checks evaluated right after setup and after each line, as the app does after each command. */
function checkAttempt(lab: Lab, attempt: ScriptStep[], seed: number, io: ScriptIO): StepResult[] {
  const run = startLab(lab, seed)
  const session = new LabSession(lab)
  session.evaluate(run)
  for (const line of attempt) {
    if (session.done) break
    runAsStudent(run, line, io)
    session.evaluate(run)
  }
  return lab.steps.map((_, i): StepResult => {
    if (session.isPassed(i)) return { passed: true }
    if (i > session.current) return { passed: false, reason: 'not reached' }
    return { passed: false, reason: session.lastFailing?.text ?? 'not reached' }
  })
}

/**
 * The headless checker (shared/spec/labs.md): runs the lab's solutions, or a student's
 * attempt, and reports one line a step and a summary. Deterministic for a seed.
 */
export function checkLab(lab: Lab, opts: { seed?: number; attempt?: ScriptStep[]; io?: ScriptIO } = {}): { output: string; exitCode: 0 | 1 } {
  const seed = opts.seed ?? 1
  const results = opts.attempt ? checkAttempt(lab, opts.attempt, seed, opts.io ?? {}) : checkSolutions(lab, seed)
  let output = ''
  results.forEach((r, i) => {
    const title = lab.steps[i].title
    output += r.passed ? `PASS  ${i + 1}  ${title}\n` : `FAIL  ${i + 1}  ${title}: ${r.reason}\n`
  })
  const passed = results.filter((r) => r.passed).length
  output += `${passed}/${results.length} steps passed\n`
  return { output, exitCode: passed === results.length ? 0 : 1 }
}
