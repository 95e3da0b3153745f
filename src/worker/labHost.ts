/**
 * A guided lab running in the worker beside the cluster (shared/spec/labs.md, "The
 * runner in the app"): the student's history, the step session, and live checks after
 * every command and as simulated time passes. The UI gets a view of the lab to render
 * (it does not parse labs itself, which would pull the engine into the page) and its
 * progress.
 */
import type { ScriptStep } from '../cli/scriptParser.ts'
import type { SessionCommand } from '../engine/commandLog/sessionCommand.ts'
import type { SessionLab } from '../engine/commandLog/sessionLog.ts'
import type { Lab } from '../labs/lab.ts'
import type { LabRun } from '../labs/labRun.ts'
import { LabSession } from '../labs/labSession.ts'
import type { LabState, LabView } from './protocol.ts'

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
    /** The file or catalog entry it came from, kept with the session for the app's progress. */
    readonly origin?: string,
  ) {
    this.session = new LabSession(lab)
    this.view = labView(lab)
  }

  /** A kubectl command line the student ran (terminal, Apply, a UI action), as written. */
  record(line: string): void {
    this.run.history.push(line)
    this.dirty = true
  }

  /** The current step's solution as the commands the app runs and logs for the student. */
  solutionCommands(): SessionCommand[] {
    const step = this.lab.steps[this.session.current]
    return (step?.solution ?? []).flatMap(solutionCommand)
  }

  /** Evaluates when a command ran or enough simulated time passed; true when a step passed. */
  evaluateIfDue(): boolean {
    const now = this.run.sim.now
    if (this.session.done || (!this.dirty && now - this.evaluatedAt < EVALUATE_EVERY_SIM_MS)) return false
    this.dirty = false
    this.evaluatedAt = now
    return this.session.evaluate(this.run).length > 0
  }

  /** Evaluates now whatever ran since; the indexes of the steps that passed. */
  evaluateNow(): number[] {
    this.dirty = false
    this.evaluatedAt = this.run.sim.now
    return this.session.done ? [] : this.session.evaluate(this.run)
  }

  state(): LabState {
    return { view: this.view, current: this.session.current, done: this.session.done, ...(this.origin !== undefined ? { origin: this.origin } : {}) }
  }

  /** What the session log keeps of the lab, to build it again on replay. */
  sessionLab(): SessionLab {
    return { source: this.source, ...(this.origin !== undefined ? { origin: this.origin } : {}) }
  }
}

/** The line a command counts as in a lab's history (terminal, Apply and UI actions alike), if any. */
export function labHistoryLine(cmd: SessionCommand): string | undefined {
  if (cmd.type === 'apply') return `kubectl apply -f ${cmd.source}`
  if (cmd.type === 'kubectl') return `kubectl ${cmd.args.trim()}`
  return undefined
}

/** A solution's script line as a session command, so the log replays what it did. */
function solutionCommand(line: ScriptStep): SessionCommand[] {
  switch (line.kind) {
    case 'cluster':
      return []
    case 'kubectl': {
      const text = line.stdin === undefined ? line.text : line.text.slice(0, line.text.indexOf('<<'))
      return [{ type: 'kubectl', args: text.trim().replace(/^kubectl\s*/, ''), ...(line.stdin !== undefined ? { stdin: line.stdin } : {}), scripted: true }]
    }
    case 'advance':
      return [{ type: 'step', ms: line.ms }]
    case 'fault':
      return [{ type: 'fault', action: line.action, node: line.node }]
    case 'node-add':
    case 'node-remove':
      // The app's machine line is the script's `node …` line, parsed the same way.
      return [{ type: 'machine', line: line.text }]
  }
}
