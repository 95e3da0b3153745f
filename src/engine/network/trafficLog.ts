import type { EngineContext } from '../context.ts'

/**
 * One step of a request's way: client → DNS → Service → endpoint → pod, or through an
 * ingress controller: … → pod (the controller) → ingress (the rule that matched, or its
 * default backend) → service → endpoint → pod. A pod hop whose detail is
 * `dropped by NetworkPolicy` is where a policy dropped the request.
 */
export interface Hop {
  kind: 'client' | 'dns' | 'service' | 'nodePort' | 'loadBalancer' | 'endpoint' | 'pod' | 'ingress'
  /** `default/web-7d4b9c8f5-abcde`, `10.96.12.7:80`, `web.default.svc.cluster.local` … */
  label: string
  detail?: string
}

export interface RequestRecord {
  /** Simulated ms. */
  at: number
  from: string
  url: string
  hops: Hop[]
  /** `200`, `refused`, `timeout`, `nxdomain`. */
  outcome: string
  /** The pod that answered, `namespace/name`. */
  servedBy?: string
}

/** How many recent requests are kept for the UI. */
export const RECENT_REQUESTS = 100
/** Per-pod counts are kept per simulated second, this many seconds back. */
const WINDOW_SECONDS = 300
/** Pods tracked at most; the least recently served are dropped first. */
const MAX_PODS = 2000

interface PodCounter {
  total: number
  /** second → requests served in it. */
  perSecond: Map<number, number>
}

/**
 * What traffic the cluster has carried: per-pod served-request counts over simulated
 * time (for request rates an autoscaler can read) and the last requests' paths (for
 * the network view). Bounded in both directions. Also keeps kube-proxy's
 * sessionAffinity table, which is per-cluster state of the same kind.
 */
export class TrafficLog {
  private static byContext = new WeakMap<object, TrafficLog>()

  static of(ctx: EngineContext): TrafficLog {
    let log = TrafficLog.byContext.get(ctx.store)
    if (!log) TrafficLog.byContext.set(ctx.store, (log = new TrafficLog()))
    return log
  }

  private pods = new Map<string, PodCounter>()
  private recentRequests: RequestRecord[] = []
  /** Pod key → simulated ms it last served, least recently served first (pruned from the front). */
  private lastServed = new Map<string, number>()
  /** `svcKey|clientIP` → endpoint IP and the time it was last used. */
  private affinity = new Map<string, { ip: string; lastUsed: number }>()

  /** One request: kept among the recent ones and counted for the pod that served it. */
  record(request: RequestRecord): void {
    this.recordSample(request)
    if (request.servedBy) this.countServed(request.servedBy, request.at, 1)
  }

  /**
   * Keeps a request among the recent ones without counting it: a load generator's
   * sample of the many requests it counts in bulk with countServed.
   */
  recordSample(request: RequestRecord): void {
    this.recentRequests.push(request)
    if (this.recentRequests.length > RECENT_REQUESTS) this.recentRequests.splice(0, this.recentRequests.length - RECENT_REQUESTS)
  }

  /** Counts `count` requests the pod (`namespace/name`) served at `at` (simulated ms), in one step. */
  countServed(podKey: string, at: number, count: number): void {
    if (count <= 0) return
    let counter = this.pods.get(podKey)
    if (counter) this.pods.delete(podKey)
    else counter = { total: 0, perSecond: new Map() }
    // Re-inserted last: the map's order is least recently served first.
    this.pods.set(podKey, counter)
    counter.total += count
    this.lastServed.delete(podKey)
    this.lastServed.set(podKey, at)
    const second = Math.floor(at / 1000)
    counter.perSecond.set(second, (counter.perSecond.get(second) ?? 0) + count)
    for (const s of counter.perSecond.keys()) {
      if (s > second - WINDOW_SECONDS) break
      counter.perSecond.delete(s)
    }
    if (this.pods.size > MAX_PODS) this.pods.delete(this.pods.keys().next().value!)
  }

  /** Requests the pod has served in all. */
  totalServed(namespace: string, name: string): number {
    return this.pods.get(`${namespace}/${name}`)?.total ?? 0
  }

  /** Requests per second the pod served over the `windowMs` before `now` (at most 300 s). */
  requestRate(namespace: string, name: string, now: number, windowMs = 60_000): number {
    const counter = this.pods.get(`${namespace}/${name}`)
    if (!counter) return 0
    const seconds = Math.max(1, Math.min(WINDOW_SECONDS, Math.round(windowMs / 1000)))
    const last = Math.floor(now / 1000)
    let sum = 0
    for (const [s, n] of counter.perSecond) if (s > last - seconds && s <= last) sum += n
    return sum / seconds
  }

  /**
   * Pods that served a request in the `windowMs` before `now` (keys `namespace/name`), least
   * recently served first. Forgets older ones as it goes, so its cost follows the pods that
   * serve, not every pod that ever did (the network view asks for their rates every frame).
   */
  servedWithin(now: number, windowMs: number): string[] {
    for (const [key, at] of this.lastServed) {
      if (at > now - windowMs) break
      this.lastServed.delete(key)
    }
    return [...this.lastServed.keys()]
  }

  /** The last requests, oldest first. */
  recent(): readonly RequestRecord[] {
    return this.recentRequests
  }

  /** The endpoint a client is pinned to, if the pin has not timed out. */
  pinned(svcKey: string, clientIP: string, now: number, timeoutMs: number): string | undefined {
    const pin = this.affinity.get(`${svcKey}|${clientIP}`)
    return pin && now - pin.lastUsed <= timeoutMs ? pin.ip : undefined
  }

  pin(svcKey: string, clientIP: string, ip: string, now: number): void {
    this.affinity.set(`${svcKey}|${clientIP}`, { ip, lastUsed: now })
  }
}
