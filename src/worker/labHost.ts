/**
 * A guided lab running in the worker beside the cluster (shared/spec/labs.md, "The
 * runner in the app"): the student's history, the step session, and live checks after
 * every command and as simulated time passes. The UI gets a view of the lab to render
 * (it does not parse labs itself, which would pull the engine into the page) and its
 * progress.
 */
import { runScriptStep } from '../cli/runScript.ts'
import type { Lab } from '../labs/lab.ts'
import type { LabRun } from '../labs/labRun.ts'
import { LabSession } from '../labs/labSession.ts'
import type { LabState, LabView, TranscriptEntry } from './protocol.ts'

/** Checks are evaluated at least this often in simulated time while the clock runs. */
const EVALUATE_EVERY_SIM_MS = 1000

export function labView(lab: Lab): LabView {
  return {
    title: lab.title,
    ...(lab.level ? { level: lab.level } : {}),
    ...(lab.minutes !== undefined ? { minutes: lab.minutes } : {}),
    topics: lab.topics,
    intro: lab.intro,
    steps: lab.steps.map((s) => ({ title: s.title, instructions: s.instructions, hints: s.hints, ...(s.solutionText !== undefined ? { solution: s.solutionText } : {}) })),
  }
}

export class LabHost {
  private readonly session: LabSession
  private readonly view: LabView
  /** A command ran since the last evaluation. */
  private dirty = true
  private evaluatedAt = -Infinity

  constructor(
    readonly lab: Lab,
    /** The lab's source and seed, to start it again on reset. */
    readonly source: string,
    readonly seed: number,
    private readonly run: LabRun,
  ) {
    this.session = new LabSession(lab)
    this.view = labView(lab)
  }

  /** A kubectl command line the student ran (terminal, Apply, a UI action), as written. */
  record(line: string): void {
    this.run.history.push(line)
    this.dirty = true
  }

  /** Runs the current step's solution as the student would; returns what each line printed. */
  applySolution(): TranscriptEntry[] {
    const step = this.lab.steps[this.session.current]
    const entries: TranscriptEntry[] = []
    for (const line of step?.solution ?? []) {
      if (line.kind === 'kubectl') this.record(line.text)
      const output = runScriptStep(this.run.sim, line)
      if (line.kind === 'kubectl') entries.push({ command: line.text, output })
    }
    this.dirty = true
    return entries
  }

  /** Evaluates when a command ran or enough simulated time passed; true when a step passed. */
  evaluateIfDue(): boolean {
    const now = this.run.sim.now
    if (this.session.done || (!this.dirty && now - this.evaluatedAt < EVALUATE_EVERY_SIM_MS)) return false
    this.dirty = false
    this.evaluatedAt = now
    return this.session.evaluate(this.run).length > 0
  }

  state(): LabState {
    return { view: this.view, current: this.session.current, done: this.session.done }
  }
}
