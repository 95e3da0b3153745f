import type { KubeObject, LabelSelector, Pod } from '../api/types.ts'
import { parseSimTime } from '../clock.ts'
import type { EngineContext } from '../context.ts'
import { selectorMatches } from '../util/labels.ts'
import { controllerRef } from './ownership.ts'
import { isPodReady } from './podReadiness.ts'
import { nsKey, splitKey, WorkQueue } from './workQueue.ts'

/** An eviction not followed by the pod's deletion within this long stops counting (DeletionTimeout). */
export const DELETION_TIMEOUT_MS = 2 * 60 * 1000
const SOURCE = { component: 'controllermanager' }

export interface PdbCondition {
  type: string
  status: 'True' | 'False'
  observedGeneration?: number
  lastTransitionTime: string
  reason: string
  message: string
}

export interface PdbStatus {
  observedGeneration?: number
  disruptedPods?: Record<string, string>
  disruptionsAllowed: number
  currentHealthy: number
  desiredHealthy: number
  expectedPods: number
  conditions?: PdbCondition[]
}

export interface PodDisruptionBudget extends KubeObject {
  spec: { minAvailable?: number | string; maxUnavailable?: number | string; selector?: LabelSelector; unhealthyPodEvictionPolicy?: 'IfHealthyBudget' | 'AlwaysAllow' }
  status?: PdbStatus
}

/** intstr.GetScaledValueFromIntOrPercent: a percentage of total, rounded as asked. */
function scaled(value: number | string, total: number, roundUp: boolean): number | string {
  if (typeof value === 'number') return value
  const m = /^(\d+)%$/.exec(value)
  if (!m) return `invalid value for IntOrString: invalid value "${value}": strconv.Atoi: parsing "${value.replace(/%$/, '')}": invalid syntax`
  const exact = (Number(m[1]) * total) / 100
  return roundUp ? Math.ceil(exact) : Math.floor(exact)
}

/** The pods a budget selects: a nil selector selects nothing, an empty one everything (policy/v1). */
export function podsForPdb(ctx: EngineContext, pdb: PodDisruptionBudget): Pod[] {
  if (!pdb.spec.selector) return []
  return ctx.store.select<Pod>('Pod', pdb.metadata.namespace, pdb.spec.selector)
}

/** apimeta.SetStatusCondition for the DisruptionAllowed condition: the time moves only when the status flips. */
export function setDisruptionAllowed(status: PdbStatus, now: string, reason: string, message = ''): void {
  const allowed: PdbCondition['status'] = reason === 'SufficientPods' ? 'True' : 'False'
  const old = status.conditions?.find((c) => c.type === 'DisruptionAllowed')
  const condition: PdbCondition = {
    type: 'DisruptionAllowed',
    status: allowed,
    observedGeneration: status.observedGeneration,
    lastTransitionTime: old && old.status === allowed ? old.lastTransitionTime : now,
    reason,
    message,
  }
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== 'DisruptionAllowed'), condition]
}

/**
 * The disruption controller (pkg/controller/disruption): keeps each PodDisruptionBudget's
 * status — how many selected pods are healthy, how many must be, and so how many the
 * Eviction API may take now. Evictions it has not yet seen through (status.disruptedPods)
 * do not count as healthy for two minutes.
 */
export class DisruptionController {
  private queue: WorkQueue

  constructor(private readonly ctx: EngineContext) {
    this.queue = new WorkQueue(ctx, 'disruption-controller', (key) => this.sync(key))
    ctx.store.watch((_type, obj, old) => {
      if (obj.kind === 'PodDisruptionBudget') return this.queue.add(nsKey(obj.metadata.namespace, obj.metadata.name))
      // A pod's budgets: those selecting it now, or before a relabel.
      for (const pdb of ctx.store.list<PodDisruptionBudget>('PodDisruptionBudget', obj.metadata.namespace)) {
        if (selectorMatches(pdb.spec.selector, obj.metadata.labels) || (old && selectorMatches(pdb.spec.selector, old.metadata.labels))) {
          this.queue.add(nsKey(pdb.metadata.namespace, pdb.metadata.name))
        }
      }
    }, ['PodDisruptionBudget', 'Pod'])
  }

  private sync(key: string): void {
    const [namespace, name] = splitKey(key)
    const pdb = this.ctx.store.get<PodDisruptionBudget>('PodDisruptionBudget', namespace, name)
    if (!pdb || pdb.metadata.deletionTimestamp) return
    const pods = podsForPdb(this.ctx, pdb)
    if (pods.length === 0) this.ctx.recorder.normal(pdb, SOURCE, 'NoPods', 'No matching pods found')
    const expected = this.expectedPodCount(pdb, pods)
    if (typeof expected === 'string') {
      this.ctx.recorder.warning(pdb, SOURCE, 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: ${expected}`)
      return this.failSafe(pdb, expected)
    }
    if (expected.unmanaged.length > 0) {
      this.ctx.recorder.warning(
        pdb,
        SOURCE,
        'UnmanagedPods',
        `Pods selected by this PodDisruptionBudget (selector: ${selectorString(pdb.spec.selector)}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.`,
      )
    }
    const now = this.ctx.clock.now
    const { disrupted, recheckAt } = this.disruptedPods(pdb, pods, now)
    const currentHealthy = pods.filter((p) => !p.metadata.deletionTimestamp && !disrupted[p.metadata.name] && isPodReady(p)).length
    this.writeStatus(pdb, currentHealthy, expected.desiredHealthy, expected.count, disrupted)
    if (recheckAt !== undefined) this.queue.add(key, recheckAt - now)
  }

  /** getExpectedPodCount: an integer minAvailable counts pods; percentages and maxUnavailable count the controllers' replicas. */
  private expectedPodCount(pdb: PodDisruptionBudget, pods: Pod[]): { count: number; desiredHealthy: number; unmanaged: string[] } | string {
    const { minAvailable, maxUnavailable } = pdb.spec
    if (maxUnavailable !== undefined) {
      const scale = this.expectedScale(pods)
      if (typeof scale === 'string') return scale
      const max = scaled(maxUnavailable, scale.count, true)
      if (typeof max === 'string') return max
      return { count: scale.count, desiredHealthy: Math.max(0, scale.count - max), unmanaged: scale.unmanaged }
    }
    if (typeof minAvailable === 'number') return { count: pods.length, desiredHealthy: minAvailable, unmanaged: [] }
    if (typeof minAvailable === 'string') {
      const scale = this.expectedScale(pods)
      if (typeof scale === 'string') return scale
      const min = scaled(minAvailable, scale.count, true)
      if (typeof min === 'string') return min
      return { count: scale.count, desiredHealthy: min, unmanaged: scale.unmanaged }
    }
    return { count: 0, desiredHealthy: 0, unmanaged: [] }
  }

  /** getExpectedScale: the replicas of each distinct controller of the pods (a ReplicaSet's Deployment stands for it). */
  private expectedScale(pods: Pod[]): { count: number; unmanaged: string[] } | string {
    const scales = new Map<string, number>()
    const unmanaged: string[] = []
    for (const pod of pods) {
      const ref = controllerRef(pod)
      if (!ref) {
        unmanaged.push(pod.metadata.name)
        continue
      }
      if (scales.has(ref.uid)) continue
      const found = this.controllerScale(pod.metadata.namespace, ref.kind, ref.name, ref.uid)
      if (!found) return `found no controllers for pod "${pod.metadata.name}"`
      scales.set(found.uid, found.replicas)
      if (found.uid !== ref.uid) scales.set(ref.uid, 0)
    }
    let count = 0
    for (const n of scales.values()) count += n
    return { count, unmanaged }
  }

  private controllerScale(namespace: string | undefined, kind: string, name: string, uid: string): { uid: string; replicas: number } | undefined {
    if (!['ReplicaSet', 'ReplicationController', 'StatefulSet', 'Deployment'].includes(kind)) return undefined
    const owner = this.ctx.store.get<KubeObject & { spec: { replicas?: number } }>(kind, namespace, name)
    if (!owner || owner.metadata.uid !== uid) return undefined
    if (kind === 'ReplicaSet') {
      const dref = controllerRef(owner)
      if (dref?.kind === 'Deployment') {
        const found = this.controllerScale(namespace, 'Deployment', dref.name, dref.uid)
        if (found) return found
      }
    }
    return { uid, replicas: owner.spec.replicas ?? 1 }
  }

  /** buildDisruptedPodMap: evictions still awaited, and when the soonest of them expires. */
  private disruptedPods(pdb: PodDisruptionBudget, pods: Pod[], now: number): { disrupted: Record<string, string>; recheckAt?: number } {
    const known = pdb.status?.disruptedPods ?? {}
    const disrupted: Record<string, string> = {}
    let recheckAt: number | undefined
    for (const pod of pods) {
      if (pod.metadata.deletionTimestamp) continue
      const at = known[pod.metadata.name]
      if (at === undefined) continue
      const expires = parseSimTime(at) + DELETION_TIMEOUT_MS
      if (expires < now) {
        this.ctx.recorder.warning(pod, SOURCE, 'NotDeleted', `Pod was expected by PDB ${pdb.metadata.namespace}/${pdb.metadata.name} to be deleted but it wasn't`)
      } else {
        disrupted[pod.metadata.name] = at
        if (recheckAt === undefined || expires < recheckAt) recheckAt = expires
      }
    }
    return { disrupted, recheckAt }
  }

  private writeStatus(pdb: PodDisruptionBudget, currentHealthy: number, desiredHealthy: number, expectedPods: number, disrupted: Record<string, string>): void {
    let disruptionsAllowed = currentHealthy - desiredHealthy
    if (expectedPods <= 0 || disruptionsAllowed <= 0) disruptionsAllowed = 0
    const status: PdbStatus = {
      observedGeneration: pdb.metadata.generation,
      ...(Object.keys(disrupted).length > 0 ? { disruptedPods: disrupted } : {}),
      disruptionsAllowed,
      currentHealthy,
      desiredHealthy,
      expectedPods,
      conditions: pdb.status?.conditions,
    }
    setDisruptionAllowed(status, this.ctx.clock.rfc3339(this.ctx.clock.now), disruptionsAllowed > 0 ? 'SufficientPods' : 'InsufficientPods')
    if (JSON.stringify(status) === JSON.stringify(pdb.status)) return
    this.ctx.api.updateStatus(pdb, status)
  }

  /** failSafe: when the status cannot be computed, no disruption is allowed, and the condition says why. */
  private failSafe(pdb: PodDisruptionBudget, message: string): void {
    const status: PdbStatus = { ...(pdb.status ?? { currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 }), disruptionsAllowed: 0 }
    setDisruptionAllowed(status, this.ctx.clock.rfc3339(this.ctx.clock.now), 'SyncFailed', message)
    if (JSON.stringify(status) === JSON.stringify(pdb.status)) return
    this.ctx.api.updateStatus(pdb, status)
  }
}

/** A selector as labels.Selector prints it in the event (`app=web`). */
function selectorString(selector: LabelSelector | undefined): string {
  if (!selector) return '&LabelSelector{MatchLabels:map[string]string{},MatchExpressions:[]LabelSelectorRequirement{},}'
  const labels = Object.entries(selector.matchLabels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))
  const exprs = (selector.matchExpressions ?? []).map((e) => `LabelSelectorRequirement{Key:${e.key},Operator:${e.operator},Values:[${(e.values ?? []).join(' ')}],}`)
  return `&LabelSelector{MatchLabels:map[string]string{${labels.map(([k, v]) => `${k}: ${v},`).join('')}},MatchExpressions:[]LabelSelectorRequirement{${exprs.join(',')}},}`
}
