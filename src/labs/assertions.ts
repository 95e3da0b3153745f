import { splitCommandLine } from '../engine/kubectl/args.ts'
import { runKubectl } from '../engine/kubectl/runKubectl.ts'
import type { Kubeconfig } from '../engine/kubeconfig.ts'
import type { Simulation } from '../engine/simulation.ts'
import { checkCommandProblem, kubectlVerb } from './checkCommandPolicy.ts'
import { isolated } from './checkIsolation.ts'
import { LabError } from './lab.ts'

/** One line of a `check` block (see the assertion table in shared/spec/labs.md). */
export type Assertion =
  | { kind: 'kubectl'; line: number; text: string; argv: string[]; op: '=='; expected: string }
  | { kind: 'kubectl'; line: number; text: string; argv: string[]; op: '=~' | '!~'; regex: RegExp }
  | { kind: 'history'; line: number; text: string; regex: RegExp }

const OPERATORS = [' == ', ' =~ ', ' !~ '] as const

/** The first operator on the line, spaces on both sides; a trailing ` ==` compares with empty output. */
function splitAtOperator(text: string): { command: string; op: '==' | '=~' | '!~'; operand: string } | undefined {
  let best: { at: number; op: (typeof OPERATORS)[number] } | undefined
  for (const op of OPERATORS) {
    const at = text.indexOf(op)
    if (at >= 0 && (!best || at < best.at)) best = { at, op }
  }
  if (best) return { command: text.slice(0, best.at), op: best.op.trim() as '==' | '=~' | '!~', operand: text.slice(best.at + best.op.length) }
  if (text.endsWith(' ==')) return { command: text.slice(0, -3), op: '==', operand: '' }
  return undefined
}

function compile(source: string, line: number): RegExp {
  try {
    return new RegExp(source)
  } catch (e) {
    throw new LabError(line, `invalid regular expression /${source}/: ${(e as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '')}`)
  }
}

/** Parses one assertion line (already trimmed, not blank, not a comment). */
export function parseAssertion(text: string, line: number): Assertion {
  const split = splitAtOperator(text)
  const form = 'an assertion is `kubectl ARGS == TEXT`, `kubectl ARGS =~ REGEX`, `kubectl ARGS !~ REGEX` or `history =~ REGEX`'
  if (!split) throw new LabError(line, `no ==, =~ or !~ between spaces: ${form}`)
  const words = splitCommandLine(split.command)
  if (words.length === 1 && words[0] === 'history') {
    if (split.op !== '=~') throw new LabError(line, `history takes =~ only: ${form}`)
    return { kind: 'history', line, text, regex: compile(split.operand, line) }
  }
  if (words[0] !== 'kubectl') throw new LabError(line, `unknown assertion "${split.command}": ${form}`)
  const argv = words.slice(1)
  const problem = checkCommandProblem(argv)
  if (problem) throw new LabError(line, problem)
  if (split.op === '==') return { kind: 'kubectl', line, text, argv, op: '==', expected: split.operand.trim() }
  return { kind: 'kubectl', line, text, argv, op: split.op, regex: compile(split.operand, line) }
}

/** What checks are judged against: the cluster, the context the lab started in, and the student's kubectl lines. */
export interface CheckEnv {
  sim: Simulation
  /** The kubeconfig right after setup: checks run in it whatever context the student switched to. */
  startingKubeconfig: Kubeconfig
  history: readonly string[]
}

/** Reads that are about the kubeconfig itself see the student's, as a check of `kubectl config` would mean. */
const readsKubeconfig = (argv: string[]) => kubectlVerb(argv) === 'config'

/**
 * Runs a check's kubectl command read-only: in the lab's starting context, without
 * moving time. The command policy admits only reads; the clock is checked as a guard.
 */
export function runCheckCommand(env: CheckEnv, argv: string[]): string {
  const { sim } = env
  const studentConfig = sim.kubeconfig
  const before = sim.now
  if (!readsKubeconfig(argv)) sim.kubeconfig = structuredClone(env.startingKubeconfig)
  try {
    return isolated(sim, () => runKubectl(sim, argv, { waitAdvancesTime: false }))
  } finally {
    sim.kubeconfig = studentConfig
    if (sim.now !== before) throw new Error(`kubesim: check "kubectl ${argv.join(' ')}" moved simulated time`)
  }
}

const lines = (output: string) => output.replace(/\n$/, '').split('\n')

/** Whether the assertion holds now. */
export function holds(assertion: Assertion, env: CheckEnv): boolean {
  if (assertion.kind === 'history') return env.history.some((l) => assertion.regex.test(l))
  const output = runCheckCommand(env, assertion.argv)
  if (assertion.op === '==') return output.trim() === assertion.expected
  const matched = lines(output).some((l) => assertion.regex.test(l))
  return assertion.op === '=~' ? matched : !matched
}

/** The first assertion that does not hold now, or undefined when they all do. */
export function firstFailing(assertions: readonly Assertion[], env: CheckEnv): Assertion | undefined {
  return assertions.find((a) => !holds(a, env))
}
