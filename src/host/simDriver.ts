import type { Simulation } from '../engine/simulation.ts'

/** Real time and a repeating timer: performance.now and setInterval in a worker or Node, fakes in tests. */
export interface RealTime {
  /** Real milliseconds. */
  now(): number
  setInterval(fn: () => void, ms: number): unknown
  clearInterval(handle: unknown): void
}

/** How often simulated time is moved while running. */
export const TICK_MS = 50
/** Real time credited per tick at most, so a throttled timer doesn't cause huge jumps. */
const MAX_REAL_MS_PER_TICK = 1000

/**
 * Drives a simulation's clock from real time: while running, every tick advances it by
 * the real time elapsed × speed (fractions carried over); paused, it stands still and
 * only explicit advances move it. Shared by the browser's worker host and `kubesim serve`.
 */
export class SimDriver {
  private running = false
  private speedFactor = 1
  private timer: unknown
  private lastTick = 0
  /** Fractional simulated milliseconds carried between ticks. */
  private carry = 0

  constructor(
    private readonly realTime: RealTime,
    /** The simulation to move, looked up on each tick (a host may swap it). */
    private readonly sim: () => Simulation | undefined,
    /** Called after each tick's advance (to stream what changed); a throw stops the driver. */
    private readonly afterTick: () => void = () => {},
    private readonly onFatal: (err: unknown) => void = (err) => {
      throw err
    },
  ) {}

  get isRunning(): boolean {
    return this.running
  }

  get speed(): number {
    return this.speedFactor
  }

  /** Changes the speed from now on (time run so far counts at the old speed). Ignores non-positive values. */
  setSpeed(speed: number): void {
    if (!Number.isFinite(speed) || speed <= 0) return
    this.catchUp()
    this.speedFactor = speed
  }

  setRunning(running: boolean): void {
    if (running === this.running) return
    if (running) {
      this.running = true
      this.lastTick = this.realTime.now()
      this.timer = this.realTime.setInterval(() => this.tick(), TICK_MS)
    } else {
      // Pausing drops the part of a tick not yet credited, as the worker always has.
      this.running = false
      this.realTime.clearInterval(this.timer)
      this.timer = undefined
    }
  }

  /** Timer callback: advance by real elapsed time × speed, then let the host react. */
  tick(): void {
    try {
      this.catchUp()
      this.afterTick()
    } catch (err) {
      this.setRunning(false)
      this.onFatal(err)
    }
  }

  /** Credits the real time elapsed since the last tick, so a speed change or pause starts from the right instant. */
  catchUp(): void {
    const sim = this.sim()
    if (!this.running || !sim) return
    const now = this.realTime.now()
    const real = Math.min(MAX_REAL_MS_PER_TICK, Math.max(0, now - this.lastTick))
    this.lastTick = now
    const simMs = real * this.speedFactor + this.carry
    const whole = Math.floor(simMs)
    this.carry = simMs - whole
    if (whole > 0) sim.advance(whole)
  }

  /** A new simulation owes no fraction of a millisecond. */
  resetCarry(): void {
    this.carry = 0
  }

  dispose(): void {
    if (this.timer !== undefined) this.realTime.clearInterval(this.timer)
    this.timer = undefined
    this.running = false
  }
}
