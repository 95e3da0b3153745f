import type { Pod } from '../../api/types.ts'
import type { CycleState } from '../cycleState.ts'
import type { FilterPlugin, ScorePlugin } from '../plugin.ts'
import { unfit } from '../plugin.ts'
import {
  HOSTNAME_LABEL,
  hasAllTopologyKeys,
  matchingPodsPerNode,
  nodeIncluded,
  selfMatches,
  spreadConstraints,
  type SpreadConstraint,
} from '../spreadConstraints.ts'

export const CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints"
export const NODE_LABEL_NOT_MATCH = `${CONSTRAINTS_NOT_MATCH} (missing required label)`

interface PreFilterState {
  constraints: SpreadConstraint[]
  /** Per constraint: matching pods per domain (topology value) over the eligible nodes. */
  perDomain: Map<string, number>[]
}

function preFilter(pod: Pod, state: CycleState): PreFilterState {
  const { constraints } = spreadConstraints(pod, state.store, 'DoNotSchedule')
  const perDomain = constraints.map(() => new Map<string, number>())
  if (constraints.length === 0) return { constraints, perDomain }
  const counts = constraints.map((c) => matchingPodsPerNode(state.store, c, pod.metadata.namespace))
  for (const { node } of state.nodes) {
    // A node that lacks any of the topology keys is no domain of any constraint.
    if (!hasAllTopologyKeys(node, constraints)) continue
    constraints.forEach((c, i) => {
      if (!nodeIncluded(c, pod, node)) return
      const value = node.metadata.labels![c.topologyKey]
      perDomain[i].set(value, (perDomain[i].get(value) ?? 0) + (counts[i].get(node.metadata.name) ?? 0))
    })
  }
  return { constraints, perDomain }
}

/** The global minimum of matching pods over the domains; 0 while there are fewer domains than minDomains. */
function minMatch(domains: Map<string, number>, minDomains: number): number {
  if (domains.size < minDomains) return 0
  let min = Number.POSITIVE_INFINITY
  for (const n of domains.values()) min = Math.min(min, n)
  return min
}

/** DoNotSchedule: placing the pod here must keep (matching pods in this domain + itself − global minimum) ≤ maxSkew. */
export const podTopologySpreadFilter: FilterPlugin = {
  name: 'PodTopologySpread',
  filter(pod, info, _store, state) {
    const s = state.memo('PodTopologySpread/preFilter', () => preFilter(pod, state))
    const labels = info.node.metadata.labels ?? {}
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i]
      const value = labels[c.topologyKey]
      if (value === undefined) return unfit(NODE_LABEL_NOT_MATCH, true)
      const skew = (s.perDomain[i].get(value) ?? 0) + (selfMatches(c, pod) ? 1 : 0) - minMatch(s.perDomain[i], c.minDomains)
      if (skew > c.maxSkew) return unfit(CONSTRAINTS_NOT_MATCH, false)
    }
    return null
  },
}

interface PreScoreState {
  constraints: SpreadConstraint[]
  /** Nodes without every topology key, when the pod states its constraints: they score 0. */
  ignored: Set<string>
  /** Per constraint: matching pods per domain; hostname domains are counted per node instead. */
  perDomain: Map<string, number>[]
  /** Per constraint: log(domains + 2), so constraints over many domains weigh more. */
  normalizingWeight: number[]
  /** Per hostname constraint: matching pods per node. */
  perNode: Map<string, number>[]
}

function preScore(pod: Pod, feasible: readonly { node: import('../../api/types.ts').Node }[], state: CycleState): PreScoreState | undefined {
  const { constraints, systemDefaulted } = spreadConstraints(pod, state.store, 'ScheduleAnyway')
  if (constraints.length === 0) return undefined
  const requireAll = !systemDefaulted
  const ignored = new Set<string>()
  const perDomain = constraints.map(() => new Map<string, number>())
  const sizes = constraints.map(() => 0)
  for (const { node } of feasible) {
    if (requireAll && !hasAllTopologyKeys(node, constraints)) {
      ignored.add(node.metadata.name)
      continue
    }
    constraints.forEach((c, i) => {
      if (c.topologyKey === HOSTNAME_LABEL) return
      const value = node.metadata.labels?.[c.topologyKey] ?? ''
      if (!perDomain[i].has(value)) {
        perDomain[i].set(value, 0)
        sizes[i] += 1
      }
    })
  }
  const normalizingWeight = constraints.map((c, i) => Math.log((c.topologyKey === HOSTNAME_LABEL ? feasible.length - ignored.size : sizes[i]) + 2))
  const perNode = constraints.map((c) => matchingPodsPerNode(state.store, c, pod.metadata.namespace))
  // Matching pods on every node count for the domains a feasible node is in.
  for (const { node } of state.nodes) {
    if (requireAll && !hasAllTopologyKeys(node, constraints)) continue
    constraints.forEach((c, i) => {
      if (c.topologyKey === HOSTNAME_LABEL || !nodeIncluded(c, pod, node)) return
      const value = node.metadata.labels?.[c.topologyKey] ?? ''
      const current = perDomain[i].get(value)
      if (current !== undefined) perDomain[i].set(value, current + (perNode[i].get(node.metadata.name) ?? 0))
    })
  }
  return { constraints, ignored, perDomain, normalizingWeight, perNode }
}

/** ScheduleAnyway: fewer matching pods in the node's domains scores higher. */
export const podTopologySpreadScore: ScorePlugin = {
  name: 'PodTopologySpread',
  weight: 2,
  preScore(pod, feasible, state) {
    state.write('PodTopologySpread/preScore', preScore(pod, feasible, state))
  },
  score(_pod, info, state) {
    const s = state.read<PreScoreState>('PodTopologySpread/preScore')
    if (!s || s.ignored.has(info.node.metadata.name)) return 0
    const labels = info.node.metadata.labels ?? {}
    let score = 0
    s.constraints.forEach((c, i) => {
      const value = labels[c.topologyKey]
      if (value === undefined) return
      const count = c.topologyKey === HOSTNAME_LABEL ? (s.perNode[i].get(info.node.metadata.name) ?? 0) : (s.perDomain[i].get(value) ?? 0)
      score += count * s.normalizingWeight[i] + (c.maxSkew - 1)
    })
    return Math.round(score)
  },
  normalize(raw, state, feasible) {
    const s = state.read<PreScoreState>('PodTopologySpread/preScore')
    // Skipped (no soft constraints): the plugin gives every node nothing.
    if (!s) return raw.map(() => 0)
    let min = Number.POSITIVE_INFINITY
    let max = 0
    raw.forEach((score, i) => {
      if (s.ignored.has(feasible[i].node.metadata.name)) return
      min = Math.min(min, score)
      max = Math.max(max, score)
    })
    return raw.map((score, i) => {
      if (s.ignored.has(feasible[i].node.metadata.name)) return 0
      if (max === 0) return 100
      return Math.trunc((100 * (max + min - score)) / max)
    })
  },
}
