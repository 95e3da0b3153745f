import type { Pod } from '../api/types.ts'
import { parseSimTime } from '../clock.ts'
import { isPodReady } from './podReadiness.ts'

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 }

function restarts(pod: Pod): number {
  return (pod.status.containerStatuses ?? []).reduce((n, c) => n + c.restartCount, 0)
}

/**
 * Orders pods for scale-down the way controller.ActivePods does: unscheduled, then
 * pending, then not ready, then lower deletion cost, then more restarts, then newest.
 */
export function rankPodsForDeletion(pods: Pod[]): Pod[] {
  return [...pods].sort((a, b) => {
    const sa = a.spec.nodeName ? 1 : 0
    const sb = b.spec.nodeName ? 1 : 0
    if (sa !== sb) return sa - sb
    const pa = PHASE_RANK[a.status.phase] ?? 3
    const pb = PHASE_RANK[b.status.phase] ?? 3
    if (pa !== pb) return pa - pb
    const ra = isPodReady(a) ? 1 : 0
    const rb = isPodReady(b) ? 1 : 0
    if (ra !== rb) return ra - rb
    const cost = (p: Pod) => Number(p.metadata.annotations?.['controller.kubernetes.io/pod-deletion-cost'] ?? 0)
    if (cost(a) !== cost(b)) return cost(a) - cost(b)
    if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a)
    const ta = parseSimTime(a.metadata.creationTimestamp)
    const tb = parseSimTime(b.metadata.creationTimestamp)
    if (ta !== tb) return tb - ta
    return a.metadata.name < b.metadata.name ? -1 : 1
  })
}
