import type { LoggedCommand, SessionCommand } from '../engine/commandLog/sessionCommand.ts'
import { newSessionLog, SessionReplay, type SessionLab, type SessionLog } from '../engine/commandLog/sessionLog.ts'
import type { ClusterSpec, Simulation } from '../engine/simulation.ts'
import type { LabHost } from './labHost.ts'
import { labReplay } from './labReplay.ts'

/**
 * The host's command log and where on it the cluster stands. Live, the simulation is at
 * the end of the log. After a seek to an earlier moment it is a replay paused there, and
 * the later commands are kept (seeking forward again replays them) until the person acts:
 * then they are discarded and the log continues from that moment.
 */
export class SessionTimeline {
  private log: SessionLog
  /** Set while looking at the past: the replay the simulation comes from, and the log's end. */
  private past: { replay: SessionReplay; end: number } | undefined
  /** The lab checking the simulation the last seek or restore returned, when the log is a lab's. */
  private replayedLab: LabHost | undefined

  constructor(seed: number, cluster: Partial<ClusterSpec> | undefined, lab?: SessionLab) {
    this.log = lab ? { ...newSessionLog(seed, cluster), lab } : newSessionLog(seed, cluster)
  }

  /** The lab under way on the simulation the last seek or restore returned (a new one when it replayed). */
  get lab(): LabHost | undefined {
    return this.replayedLab
  }

  /** A step of the log's lab passed at `at`: replay evaluates the checks there too. */
  notePassed(at: number): void {
    const lab = this.log.lab
    if (!lab) return
    this.continueFrom()
    this.log = { ...this.log, lab: { ...lab, passed: [...(lab.passed ?? []), at] } }
  }

  /** The student left the log's lab: its cluster stays, its checks stop. */
  noteLeft(): void {
    const lab = this.log.lab
    if (lab && !lab.left) this.log = { ...this.log, lab: { ...lab, left: true } }
  }

  private newReplay(log: SessionLog): SessionReplay {
    const { hooks, lab } = labReplay(log)
    const replay = new SessionReplay(log, hooks)
    this.replayedLab = lab()
    return replay
  }

  get viewingPast(): boolean {
    return this.past !== undefined
  }

  /** The log as of simulated time `now` (the simulation's). */
  snapshot(now: number): SessionLog {
    return { ...this.log, commands: [...this.log.commands], time: this.past?.end ?? now }
  }

  /** The person acts at `now`: if that is in the past, the commands after it are dropped. */
  continueFrom(): boolean {
    if (!this.past) return false
    const { applied, sim } = this.past.replay
    const lab = this.log.lab && { ...this.log.lab, passed: (this.log.lab.passed ?? []).filter((at) => at <= sim.now) }
    this.log = { ...this.log, commands: this.log.commands.slice(0, applied), ...(lab ? { lab } : {}) }
    this.past = undefined
    return true
  }

  record(at: number, cmd: SessionCommand): void {
    this.continueFrom()
    this.log.commands.push({ at, ...cmd } as LoggedCommand)
  }

  /**
   * Rebuilds the cluster as it was at `time` (clamped to the log), or moves the current
   * replay forward when that is enough. Returns the simulation to show; a new one when
   * it had to replay from the start.
   */
  seek(current: Simulation, time: number): Simulation {
    const end = this.past?.end ?? current.now
    const target = Math.max(0, Math.min(Math.floor(time), end))
    const log = { ...this.log, time: end }
    let replay = this.past?.replay
    if (!replay || replay.sim !== current || target < current.now) {
      if (!this.past && target === end) return current
      replay = this.newReplay(log)
    }
    replay.advanceTo(target)
    // At the very end nothing is left to discard: back to live.
    this.past = target === end && replay.applied === log.commands.length ? undefined : { replay, end }
    return replay.sim
  }

  /** Starts from a stored or shared log, at `time` (its end when left out). */
  static restore(log: SessionLog, time = log.time): { timeline: SessionTimeline; sim: Simulation } {
    const timeline = new SessionTimeline(log.seed, log.cluster)
    timeline.log = { ...log, commands: [...log.commands] }
    const replay = timeline.newReplay({ ...log, commands: timeline.log.commands })
    const target = Math.max(0, Math.min(time, log.time))
    replay.advanceTo(target)
    if (target < log.time || replay.applied < log.commands.length) timeline.past = { replay, end: log.time }
    return { timeline, sim: replay.sim }
  }
}
