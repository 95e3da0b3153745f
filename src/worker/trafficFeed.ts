import { TrafficLog, type RequestRecord } from '../engine/network/trafficLog.ts'
import type { EngineContext } from '../engine/context.ts'

/** Requests per second are averaged over this many whole simulated seconds. */
export const RATE_WINDOW_SECONDS = 5
/** Requests sent to the UI in one batch at most (the newest). */
export const MAX_REQUESTS_PER_BATCH = 50

export interface TrafficUpdate {
  /** Requests recorded since the previous update, oldest first. */
  requests: RequestRecord[]
  /** Every pod's rate when one changed (`namespace/name` → requests/s; absent means 0), else undefined. */
  podRates: Record<string, number> | undefined
}

/**
 * What the network view needs from the TrafficLog, as deltas: the requests recorded since
 * the last batch and the per-pod request rates when they changed. Reads only the log's
 * recent list and the pods that served lately, never the cluster.
 */
export class TrafficFeed {
  /** The newest request already sent (identity: the log keeps its records). */
  private lastSent: RequestRecord | undefined
  private lastRates: Record<string, number> = {}

  /** Whether a request came in since the last update. */
  hasNewRequests(ctx: EngineContext): boolean {
    const recent = TrafficLog.of(ctx).recent()
    return recent.length > 0 && recent[recent.length - 1] !== this.lastSent
  }

  take(ctx: EngineContext, now: number): TrafficUpdate {
    const log = TrafficLog.of(ctx)
    const recent = log.recent()
    const seen = this.lastSent ? recent.lastIndexOf(this.lastSent) : -1
    const fresh = recent.slice(seen + 1).slice(-MAX_REQUESTS_PER_BATCH)
    this.lastSent = recent[recent.length - 1]

    // Whole seconds only: the current second is still filling up and would make rates flicker.
    const until = now - 1000
    const rates: Record<string, number> = {}
    for (const key of log.servedWithin(now, (RATE_WINDOW_SECONDS + 1) * 1000)) {
      const slash = key.indexOf('/')
      const rate = log.requestRate(key.slice(0, slash), key.slice(slash + 1), until, RATE_WINDOW_SECONDS * 1000)
      if (rate > 0) rates[key] = rate
    }
    const changed = !sameRates(rates, this.lastRates)
    if (changed) this.lastRates = rates
    return { requests: fresh, podRates: changed ? rates : undefined }
  }
}

function sameRates(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k])
}
