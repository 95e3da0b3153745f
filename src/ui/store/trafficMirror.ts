/**
 * The UI's view of cluster traffic, folded from patch batches: the newest requests (for the
 * network view's animation), the last few per Service (for its details), and each pod's
 * requests per second. Bounded whatever the request rate.
 */
import type { RequestRecord } from '../../engine/network/trafficLog.ts'
import type { PatchBatch } from '../../worker/protocol.ts'

/** Requests kept for the whole cluster, and per Service. */
export const RECENT_KEPT = 100
export const PER_SERVICE_KEPT = 10

export interface TrafficMirror {
  /** Newest last; `seq` numbers them across batches so the view can tell new ones. */
  recent: (RequestRecord & { seq: number })[]
  /** Service `namespace/name` → its last requests, newest last. */
  byService: Record<string, RequestRecord[]>
  /** Pod `namespace/name` → requests/s (absent: none). */
  podRates: Record<string, number>
  /** Sequence number of the newest request. */
  seq: number
}

export const EMPTY_TRAFFIC: TrafficMirror = { recent: [], byService: {}, podRates: {}, seq: 0 }

const SERVICE_HOPS = new Set(['service', 'nodePort', 'loadBalancer'])

/**
 * The Services a request went through (`namespace/name`), in order: one, or through an
 * ingress controller, the controller's and then the backend's.
 */
export function servicesOf(request: RequestRecord): string[] {
  return request.hops.filter((h) => SERVICE_HOPS.has(h.kind)).map((h) => h.label)
}

export function mirrorTraffic(state: TrafficMirror, batch: PatchBatch): TrafficMirror {
  const base = batch.reset ? EMPTY_TRAFFIC : state
  const requests = batch.requests ?? []
  if (requests.length === 0 && !batch.podRates) return base
  let { recent, byService, seq } = base
  if (requests.length > 0) {
    const numbered = requests.map((r) => ({ ...r, seq: ++seq }))
    recent = [...recent, ...numbered].slice(-RECENT_KEPT)
    byService = { ...byService }
    for (const r of requests) {
      for (const svc of new Set(servicesOf(r))) byService[svc] = [...(byService[svc] ?? []), r].slice(-PER_SERVICE_KEPT)
    }
  }
  return { recent, byService, seq, podRates: batch.podRates ?? base.podRates }
}
