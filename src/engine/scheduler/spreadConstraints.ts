import type { ApiStore } from '../api/store.ts'
import type { LabelSelector, LabelSelectorRequirement, Node, Pod } from '../api/types.ts'
import { selectorMatches } from '../util/labels.ts'
import { matchesNodeSelectorAndAffinity } from './plugins/nodeAffinity.ts'
import { tolerates } from './plugins/taintToleration.ts'

export const HOSTNAME_LABEL = 'kubernetes.io/hostname'
export const ZONE_LABEL = 'topology.kubernetes.io/zone'

/** A topologySpreadConstraint as the API spells it. */
export interface TopologySpreadConstraintSpec {
  maxSkew: number
  topologyKey: string
  whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway'
  labelSelector?: LabelSelector
  minDomains?: number
  nodeAffinityPolicy?: 'Honor' | 'Ignore'
  nodeTaintsPolicy?: 'Honor' | 'Ignore'
  matchLabelKeys?: string[]
}

/** A constraint ready to evaluate: matchLabelKeys folded into the selector, policies defaulted. */
export interface SpreadConstraint {
  maxSkew: number
  topologyKey: string
  selector?: LabelSelector
  minDomains: number
  honorNodeAffinity: boolean
  honorNodeTaints: boolean
}

/**
 * The spreading kube-scheduler applies to a pod that states none but belongs to a
 * Service, ReplicaSet, StatefulSet or ReplicationController (systemDefaultConstraints).
 */
const SYSTEM_DEFAULT_CONSTRAINTS: TopologySpreadConstraintSpec[] = [
  { topologyKey: HOSTNAME_LABEL, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 3 },
  { topologyKey: ZONE_LABEL, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 5 },
]

function withMatchLabelKeys(spec: TopologySpreadConstraintSpec, podLabels: Record<string, string>): LabelSelector | undefined {
  const keys = (spec.matchLabelKeys ?? []).filter((k) => podLabels[k] !== undefined)
  if (!spec.labelSelector || keys.length === 0) return spec.labelSelector
  const extra: LabelSelectorRequirement[] = keys.map((k) => ({ key: k, operator: 'In', values: [podLabels[k]] }))
  return { ...spec.labelSelector, matchExpressions: [...(spec.labelSelector.matchExpressions ?? []), ...extra] }
}

function processed(spec: TopologySpreadConstraintSpec, selector: LabelSelector | undefined): SpreadConstraint {
  return {
    maxSkew: spec.maxSkew,
    topologyKey: spec.topologyKey,
    selector,
    minDomains: spec.minDomains ?? 1,
    honorNodeAffinity: (spec.nodeAffinityPolicy ?? 'Honor') === 'Honor',
    honorNodeTaints: (spec.nodeTaintsPolicy ?? 'Ignore') === 'Honor',
  }
}

/** The pod's constraints of one kind (`DoNotSchedule` filters, `ScheduleAnyway` scores), or the system defaults. */
export function spreadConstraints(pod: Pod, store: ApiStore, when: 'DoNotSchedule' | 'ScheduleAnyway'): { constraints: SpreadConstraint[]; systemDefaulted: boolean } {
  const own = (pod.spec.topologySpreadConstraints as TopologySpreadConstraintSpec[] | undefined) ?? []
  const labels = pod.metadata.labels ?? {}
  if (own.length > 0) {
    return { constraints: own.filter((c) => c.whenUnsatisfiable === when).map((c) => processed(c, withMatchLabelKeys(c, labels))), systemDefaulted: false }
  }
  const defaults = SYSTEM_DEFAULT_CONSTRAINTS.filter((c) => c.whenUnsatisfiable === when)
  if (defaults.length === 0) return { constraints: [], systemDefaulted: true }
  const selector = defaultSelector(pod, store)
  return { constraints: selector ? defaults.map((c) => processed(c, selector)) : [], systemDefaulted: true }
}

/**
 * helper.DefaultSelector: the selectors of the Services that select the pod, merged, and
 * its controller's (ReplicaSet, StatefulSet, ReplicationController) selector. None: no spreading.
 */
export function defaultSelector(pod: Pod, store: ApiStore): LabelSelector | undefined {
  const ns = pod.metadata.namespace
  const labels = pod.metadata.labels ?? {}
  const matchLabels: Record<string, string> = {}
  const matchExpressions: LabelSelectorRequirement[] = []
  for (const svc of store.list('Service', ns)) {
    const sel = (svc.spec as { selector?: Record<string, string> } | undefined)?.selector
    // A Service without a selector selects nothing, not everything.
    if (!sel) continue
    if (Object.entries(sel).every(([k, v]) => labels[k] === v)) Object.assign(matchLabels, sel)
  }
  const owner = pod.metadata.ownerReferences?.find((r) => r.controller)
  if (owner && ['ReplicaSet', 'StatefulSet', 'ReplicationController'].includes(owner.kind)) {
    const controller = store.get(owner.kind, ns, owner.name)
    const sel = (controller?.spec as { selector?: unknown } | undefined)?.selector
    if (owner.kind === 'ReplicationController' && sel) Object.assign(matchLabels, sel as Record<string, string>)
    else if (sel) {
      const s = sel as LabelSelector
      Object.assign(matchLabels, s.matchLabels ?? {})
      matchExpressions.push(...(s.matchExpressions ?? []))
    }
  }
  if (Object.keys(matchLabels).length === 0 && matchExpressions.length === 0) return undefined
  return { matchLabels, ...(matchExpressions.length ? { matchExpressions } : {}) }
}

/** Does the node count for the constraint's domains (nodeAffinityPolicy, nodeTaintsPolicy)? */
export function nodeIncluded(c: SpreadConstraint, pod: Pod, node: Node): boolean {
  if (c.honorNodeAffinity && !matchesNodeSelectorAndAffinity(pod, node)) return false
  if (c.honorNodeTaints) {
    const tolerations = pod.spec.tolerations ?? []
    for (const taint of node.spec.taints ?? []) {
      if (taint.effect === 'PreferNoSchedule') continue
      if (!tolerations.some((t) => tolerates(t, taint))) return false
    }
  }
  return true
}

export function hasAllTopologyKeys(node: Node, constraints: SpreadConstraint[]): boolean {
  const labels = node.metadata.labels ?? {}
  return constraints.every((c) => labels[c.topologyKey] !== undefined)
}

/**
 * Pods the constraint's selector matches in the pod's namespace, per node: bound, not
 * terminating and not finished (countPodsMatchSelector). Found through the store's label
 * index, so the cost follows the matching pods, not the cluster.
 */
export function matchingPodsPerNode(store: ApiStore, c: SpreadConstraint, namespace: string | undefined): Map<string, number> {
  const counts = new Map<string, number>()
  // An empty selector counts nothing (selector.Empty()).
  if (!c.selector || (Object.keys(c.selector.matchLabels ?? {}).length === 0 && (c.selector.matchExpressions ?? []).length === 0)) return counts
  for (const p of store.select<Pod>('Pod', namespace ?? 'default', c.selector)) {
    const node = p.spec.nodeName
    if (!node || p.metadata.deletionTimestamp || p.status.phase === 'Succeeded' || p.status.phase === 'Failed') continue
    counts.set(node, (counts.get(node) ?? 0) + 1)
  }
  return counts
}

export function selfMatches(c: SpreadConstraint, pod: Pod): boolean {
  return selectorMatches(c.selector, pod.metadata.labels)
}
