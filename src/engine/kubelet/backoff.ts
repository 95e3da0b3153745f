/**
 * The kubelet's per-container back-off (k8s.io/client-go/util/flowcontrol.Backoff as
 * the kubelet configures it): 10s initial, doubling, capped at 300s, forgotten once a
 * container has stayed up for 10 minutes.
 */
export const BACKOFF_INITIAL_MS = 10_000
export const BACKOFF_MAX_MS = 300_000
/** A container that ran this long without a problem starts over at 10s. */
export const BACKOFF_RESET_AFTER_MS = 600_000

export class Backoff {
  private delays = new Map<string, number>()

  /** Delay before the next restart of `key`; undefined means restart now (first crash). */
  current(key: string): number | undefined {
    return this.delays.get(key)
  }

  /** Called when a restart goes ahead: the next crash waits twice as long (capped). */
  next(key: string): void {
    const current = this.delays.get(key)
    this.delays.set(key, current === undefined ? BACKOFF_INITIAL_MS : Math.min(current * 2, BACKOFF_MAX_MS))
  }

  reset(key: string): void {
    this.delays.delete(key)
  }
}
