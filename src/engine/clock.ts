/**
 * The simulated clock. The engine never reads wall-clock time: every timestamp is
 * EPOCH_MS plus the milliseconds simulated so far, so runs are reproducible.
 */
export const EPOCH_MS = Date.UTC(2026, 0, 5, 9, 0, 0)

export class SimClock {
  private elapsedMs = 0
  /** The last second formatted: most writes in a run stamp the same few seconds. */
  private formattedSecond = -1
  private formatted = ''
  /** The last microTime written: every kubelet renews its lease at the same instants. */
  private lastMicro: [number, string] = [NaN, '']

  /** Milliseconds since the simulation started. */
  get now(): number {
    return this.elapsedMs
  }

  /** Moves time forward; the event queue is the only caller. */
  setNow(ms: number): void {
    if (ms < this.elapsedMs) throw new Error(`clock cannot go back (${ms} < ${this.elapsedMs})`)
    this.elapsedMs = ms
  }

  /** RFC 3339 timestamp with second precision, as Kubernetes writes metadata times. */
  rfc3339(ms: number = this.elapsedMs): string {
    const second = Math.floor(ms / 1000)
    if (second !== this.formattedSecond) {
      this.formattedSecond = second
      this.formatted = new Date(EPOCH_MS + second * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
    }
    return this.formatted
  }

  /** RFC 3339 with microseconds (metav1.MicroTime), as Lease renew times are written. */
  microTime(ms: number = this.elapsedMs): string {
    if (this.lastMicro[0] !== ms) this.lastMicro = [ms, new Date(EPOCH_MS + ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z')]
    return this.lastMicro[1]
  }
}

/** The last timestamp parsed: the same renew time is read for every node's lease in a row. */
let lastParsed: [string, number] = ['', NaN]

/** Milliseconds since the simulation started, for an RFC 3339 timestamp the clock wrote. */
export function parseSimTime(timestamp: string): number {
  if (timestamp !== lastParsed[0]) lastParsed = [timestamp, Date.parse(timestamp) - EPOCH_MS]
  return lastParsed[1]
}
