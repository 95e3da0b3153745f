import type { SimClock } from '../clock.ts'
import { type PdbStatus, type PodDisruptionBudget, setDisruptionAllowed } from '../controllers/disruptionController.ts'
import { isPodReady } from '../controllers/podReadiness.ts'
import { selectorMatches } from '../util/labels.ts'
import { ApiError } from './errors.ts'
import type { ApiServer } from './server.ts'
import type { ApiStore } from './store.ts'
import type { KubeObject, Pod } from './types.ts'

/** More evictions than this not yet confirmed by the disruption controller, and the budget refuses (MaxDisruptedPodSize). */
const MAX_DISRUPTED_POD_SIZE = 2000
export const EVICTION_REFUSED = "Cannot evict pod as it would violate the pod's disruption budget."

/** canIgnorePDB: a pod finished, not yet started, or already going is deleted without asking its budget. */
function canIgnorePdb(pod: Pod): boolean {
  return pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed' || pod.status.phase === 'Pending' || !!pod.metadata.deletionTimestamp
}

/** getPodDisruptionBudgets: here a nil or empty selector selects nothing, and a pod without labels has no budget. */
function budgetsFor(store: ApiStore, pod: Pod): PodDisruptionBudget[] {
  if (Object.keys(pod.metadata.labels ?? {}).length === 0) return []
  return store.list<PodDisruptionBudget>('PodDisruptionBudget', pod.metadata.namespace).filter((pdb) => {
    const s = pdb.spec.selector
    const empty = !s || (Object.keys(s.matchLabels ?? {}).length === 0 && (s.matchExpressions ?? []).length === 0)
    return !empty && selectorMatches(s, pod.metadata.labels)
  })
}

/** The 429 with its DisruptionBudget cause, as the server words it. */
function tooManyRequests(cause: string): ApiError {
  return new ApiError('TooManyRequests', EVICTION_REFUSED, undefined, 'DisruptionBudget', { causes: [{ field: '', message: cause }] })
}

/** disruptionDeniedMessage: why a budget with no disruption left refuses. */
function deniedMessage(pdb: PodDisruptionBudget, status: PdbStatus): string {
  const condition = status.conditions?.find((c) => c.type === 'DisruptionAllowed')
  const name = pdb.metadata.name
  if (condition?.status === 'False' && condition.message && condition.reason === 'SyncFailed') return `The disruption budget ${name} does not allow evicting pods currently because it failed sync: ${condition.message}`
  if (status.currentHealthy <= status.desiredHealthy) return `The disruption budget ${name} needs ${status.desiredHealthy} healthy pods and has ${status.currentHealthy} currently`
  if (condition?.status === 'False' && condition.message) return `The disruption budget ${name} does not allow evicting pods currently (${condition.reason}): ${condition.message}`
  return `The disruption budget ${name} does not allow evicting pods currently`
}

/**
 * checkAndDecrement: takes one disruption from the budget and records the pod in
 * status.disruptedPods, so the disruption controller does not count it healthy meanwhile.
 */
function checkAndDecrement(api: ApiServer, clock: SimClock, pdb: PodDisruptionBudget, podName: string): void {
  const status: PdbStatus = structuredClone(pdb.status ?? { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 })
  if ((status.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0)) throw tooManyRequests(`The disruption budget ${pdb.metadata.name} is still being processed by the server.`)
  if (status.disruptionsAllowed < 0) throw new ApiError('Forbidden', `poddisruptionbudgets.policy "${pdb.metadata.name}" is forbidden: pdb disruptions allowed is negative`)
  if (Object.keys(status.disruptedPods ?? {}).length > MAX_DISRUPTED_POD_SIZE) {
    throw new ApiError('Forbidden', `poddisruptionbudgets.policy "${pdb.metadata.name}" is forbidden: DisruptedPods map too big - too many evictions not confirmed by PDB controller`)
  }
  if (status.disruptionsAllowed === 0) throw tooManyRequests(deniedMessage(pdb, status))
  status.disruptionsAllowed--
  if (status.disruptionsAllowed === 0) setDisruptionAllowed(status, clock.rfc3339(clock.now), 'InsufficientPods')
  status.disruptedPods = { ...(status.disruptedPods ?? {}), [podName]: clock.rfc3339(clock.now) }
  api.updateStatus(pdb, status)
}

/**
 * POST pods/NAME/eviction (pkg/registry/core/pod/storage/eviction.go): a delete the
 * server refuses, with 429 TooManyRequests, when the pod's PodDisruptionBudget has no
 * disruption left. An unready pod may go without spending the budget when the budget
 * is met anyway, or always under unhealthyPodEvictionPolicy: AlwaysAllow.
 */
export function evictPod(api: ApiServer, store: ApiStore, clock: SimClock, namespace: string, name: string, opts: { gracePeriodSeconds?: number }): { object: KubeObject; gone: boolean } {
  const pod = store.get<Pod>('Pod', namespace, name)
  if (!pod) throw new ApiError('NotFound', `pods "${name}" not found`)
  const remove = () => api.delete('Pod', namespace, name, { gracePeriodSeconds: opts.gracePeriodSeconds, uid: pod.metadata.uid })
  if (canIgnorePdb(pod)) return remove()
  const pdbs = budgetsFor(store, pod)
  if (pdbs.length > 1) throw new ApiError('Unknown', 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.')
  if (pdbs.length === 0) return remove()
  const pdb = pdbs[0]
  if (!isPodReady(pod)) {
    if (pdb.spec.unhealthyPodEvictionPolicy === 'AlwaysAllow') return remove()
    const s = pdb.status
    if (s && s.currentHealthy >= s.desiredHealthy && s.desiredHealthy > 0) return remove()
  }
  checkAndDecrement(api, clock, pdb, pod.metadata.name)
  return remove()
}
