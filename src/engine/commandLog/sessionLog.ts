import { DEFAULT_CLUSTER, Simulation, type ClusterSpec } from '../simulation.ts'
import { runSessionCommand, type LoggedCommand } from './sessionCommand.ts'

export const SESSION_FORMAT = 'kubesim-session'
/** Bump when a stored log can no longer be read as it is; readSessionLog refuses other versions. */
export const SESSION_VERSION = 1

/**
 * A cluster as data: the seed and the machines it started with, and every command given
 * since, stamped with its simulated time. The engine is deterministic, so replaying this
 * rebuilds the same objects, names, resourceVersions and events.
 */
export interface SessionLog {
  format: typeof SESSION_FORMAT
  version: typeof SESSION_VERSION
  seed: number
  cluster: ClusterSpec
  commands: LoggedCommand[]
  /** Simulated milliseconds the session reached: the end of its timeline. */
  time: number
}

export function newSessionLog(seed: number, cluster: Partial<ClusterSpec> = {}): SessionLog {
  return { format: SESSION_FORMAT, version: SESSION_VERSION, seed, cluster: { ...DEFAULT_CLUSTER, ...cluster }, commands: [], time: 0 }
}

/**
 * Replays a log into a fresh Simulation, forward only: `advanceTo(t)` runs every command
 * given at or before `t`, each at its own time, and leaves the clock at `t`.
 */
export class SessionReplay {
  readonly sim: Simulation
  /** How many of the log's commands the simulation has run. */
  applied = 0

  constructor(readonly log: SessionLog) {
    this.sim = new Simulation({ seed: log.seed, cluster: log.cluster })
  }

  advanceTo(time: number): void {
    const { sim, log } = this
    const commands = log.commands
    while (this.applied < commands.length && commands[this.applied].at <= time) {
      const { at, ...cmd } = commands[this.applied++]
      sim.advance(at - sim.now)
      // A step's time passes as the replay advances to the next command (or `time`).
      if (cmd.type !== 'step') runSessionCommand(sim, cmd)
    }
    sim.advance(time - sim.now)
  }
}

/** The cluster as it was at `time` (the end of the log when left out). */
export function replaySession(log: SessionLog, time = log.time): Simulation {
  const replay = new SessionReplay(log)
  replay.advanceTo(time)
  return replay.sim
}
