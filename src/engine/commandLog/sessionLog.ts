import { Simulation } from '../simulation.ts'
import { runSessionCommand } from './sessionCommand.ts'
import type { LoggedCommand } from './sessionCommand.ts'
import type { SessionLog } from './sessionFormat.ts'

export { newSessionLog, SESSION_FORMAT, SESSION_VERSION, type SessionLab, type SessionLog } from './sessionFormat.ts'

/**
 * What a host adds to a replay: a lab builds its cluster from its file and watches the
 * commands and chosen moments go by to re-evaluate its checks. Without hooks the log's
 * seed and cluster are the start, and nothing watches.
 */
export interface ReplayHooks {
  /** The cluster before the first command. */
  start?(log: SessionLog): Simulation
  /** A command has run (and settled), at its time. */
  ran?(cmd: LoggedCommand): void
  /** Moments to stop at on the way, ascending: `stop` is called when the clock reaches each (before commands given then). */
  stops?: readonly number[]
  stop?(time: number): void
}

/**
 * Replays a log into a fresh Simulation, forward only: `advanceTo(t)` runs every command
 * given at or before `t`, each at its own time, and leaves the clock at `t`.
 */
export class SessionReplay {
  readonly sim: Simulation
  /** How many of the log's commands the simulation has run. */
  applied = 0
  /** How many of the hooks' stops have been reached. */
  private stopped = 0

  constructor(
    readonly log: SessionLog,
    private readonly hooks: ReplayHooks = {},
  ) {
    this.sim = hooks.start ? hooks.start(log) : new Simulation({ seed: log.seed, cluster: log.cluster })
  }

  advanceTo(time: number): void {
    const { sim, log } = this
    const commands = log.commands
    while (this.applied < commands.length && commands[this.applied].at <= time) {
      const logged = commands[this.applied++]
      this.stopUntil(logged.at)
      const { at, ...cmd } = logged
      sim.advance(at - sim.now)
      // A step's time passes as the replay advances to the next command (or `time`).
      if (cmd.type !== 'step') runSessionCommand(sim, cmd)
      this.hooks.ran?.(logged)
    }
    this.stopUntil(time)
    sim.advance(time - sim.now)
  }

  /** Visits the stops up to `time`, the clock at each. */
  private stopUntil(time: number): void {
    const stops = this.hooks.stops ?? []
    while (this.stopped < stops.length && stops[this.stopped] <= time) {
      const at = stops[this.stopped++]
      if (at < this.sim.now) continue
      this.sim.advance(at - this.sim.now)
      this.hooks.stop?.(at)
    }
  }
}

/** The cluster as it was at `time` (the end of the log when left out). */
export function replaySession(log: SessionLog, time = log.time, hooks?: ReplayHooks): Simulation {
  const replay = new SessionReplay(log, hooks)
  replay.advanceTo(time)
  return replay.sim
}
