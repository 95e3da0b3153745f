import { Simulation } from '../simulation.ts'
import { runSessionCommand } from './sessionCommand.ts'
import type { SessionLog } from './sessionFormat.ts'

export { newSessionLog, SESSION_FORMAT, SESSION_VERSION, type SessionLog } from './sessionFormat.ts'

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
