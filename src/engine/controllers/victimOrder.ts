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
  // Each pod's keys are computed once, not once per comparison: a scale-down of a large set sorts thousands.
  const ranked = pods.map((pod) => ({
    pod,
    scheduled: pod.spec.nodeName ? 1 : 0,
    phase: PHASE_RANK[pod.status.phase] ?? 3,
    ready: isPodReady(pod) ? 1 : 0,
    cost: Number(pod.metadata.annotations?.['controller.kubernetes.io/pod-deletion-cost'] ?? 0),
    restarts: restarts(pod),
    created: parseSimTime(pod.metadata.creationTimestamp),
  }))
  ranked.sort((a, b) => {
    if (a.scheduled !== b.scheduled) return a.scheduled - b.scheduled
    if (a.phase !== b.phase) return a.phase - b.phase
    if (a.ready !== b.ready) return a.ready - b.ready
    if (a.cost !== b.cost) return a.cost - b.cost
    if (a.restarts !== b.restarts) return b.restarts - a.restarts
    if (a.created !== b.created) return b.created - a.created
    return a.pod.metadata.name < b.pod.metadata.name ? -1 : 1
  })
  return ranked.map((r) => r.pod)
}
