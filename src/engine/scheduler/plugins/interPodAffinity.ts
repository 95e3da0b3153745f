import type { Pod } from '../../api/types.ts'
import type { CycleState } from '../cycleState.ts'
import type { NodeInfo } from '../nodeInfo.ts'
import type { FilterPlugin, ScorePlugin } from '../plugin.ts'
import { unfit } from '../plugin.ts'
import { affinityTermsOf, namespaceLabels, podsMatchingTerm, termMatches, type AffinityTerm } from '../podAffinityTerms.ts'

export const AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules"
export const ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules"
export const EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't satisfy existing pods anti-affinity rules"

/** The weight an existing pod's required affinity term counts for when scoring (hardPodAffinityWeight). */
const HARD_POD_AFFINITY_WEIGHT = 1

/** Counts by topology pair (`key`, `value`), as the plugin's topologyToMatchedTermCount. */
type PairCounts = Map<string, number>
const pair = (key: string, value: string) => `${key}\u0000${value}`
const bump = (m: PairCounts, k: string, by: number) => m.set(k, (m.get(k) ?? 0) + by)

interface PreFilterState {
  /** Existing pods whose required anti-affinity the incoming pod matches, by their node's topology pair. */
  existingAntiAffinity: PairCounts
  /** Pods matching all of the incoming pod's required affinity terms. */
  affinity: PairCounts
  /** Pods matching one of the incoming pod's required anti-affinity terms. */
  antiAffinity: PairCounts
}

/** Nodes by name, for looking up where a pod found through the store runs. */
export function nodesByName(state: CycleState): Map<string, NodeInfo> {
  return state.memo('nodesByName', () => new Map(state.nodes.map((i) => [i.node.metadata.name, i])))
}

function preFilter(pod: Pod, state: CycleState): PreFilterState {
  const s: PreFilterState = { existingAntiAffinity: new Map(), affinity: new Map(), antiAffinity: new Map() }
  const nsLabels = namespaceLabels(state.store, pod.metadata.namespace)
  // Only pods that state affinity can hold an anti-affinity term against this one.
  for (const info of state.nodes) {
    const labels = info.node.metadata.labels ?? {}
    for (const existing of info.podsWithAffinity) {
      for (const t of affinityTermsOf(existing).requiredAntiAffinity) {
        if (labels[t.topologyKey] !== undefined && termMatches(t, pod, nsLabels)) bump(s.existingAntiAffinity, pair(t.topologyKey, labels[t.topologyKey]), 1)
      }
    }
  }
  const terms = affinityTermsOf(pod)
  const nodes = nodesByName(state)
  if (terms.requiredAffinity.length > 0) {
    // A pod counts when it matches every term; the first term's matches are the candidates.
    for (const other of podsMatchingTerm(state.store, terms.requiredAffinity[0])) {
      const labels = nodes.get(other.spec.nodeName!)?.node.metadata.labels
      if (!labels || !podMatchesAll(terms.requiredAffinity, other, state)) continue
      for (const t of terms.requiredAffinity) if (labels[t.topologyKey] !== undefined) bump(s.affinity, pair(t.topologyKey, labels[t.topologyKey]), 1)
    }
  }
  for (const t of terms.requiredAntiAffinity) {
    for (const other of podsMatchingTerm(state.store, t)) {
      const labels = nodes.get(other.spec.nodeName!)?.node.metadata.labels
      if (labels?.[t.topologyKey] !== undefined) bump(s.antiAffinity, pair(t.topologyKey, labels[t.topologyKey]), 1)
    }
  }
  return s
}

function podMatchesAll(terms: AffinityTerm[], pod: Pod, state: CycleState): boolean {
  if (terms.length === 0) return false
  const nsLabels = namespaceLabels(state.store, pod.metadata.namespace)
  return terms.every((t) => termMatches(t, pod, nsLabels))
}

/** Required affinity: every term's topology has a matching pod, or no pod anywhere matches and the pod matches itself (the first of a group). */
function satisfiesAffinity(pod: Pod, s: PreFilterState, labels: Record<string, string>, state: CycleState): boolean {
  const terms = affinityTermsOf(pod).requiredAffinity
  let podsExist = true
  for (const t of terms) {
    const value = labels[t.topologyKey]
    if (value === undefined) return false
    if ((s.affinity.get(pair(t.topologyKey, value)) ?? 0) <= 0) podsExist = false
  }
  if (podsExist) return true
  return s.affinity.size === 0 && podMatchesAll(terms, pod, state)
}

function satisfiesAntiAffinity(pod: Pod, s: PreFilterState, labels: Record<string, string>): boolean {
  if (s.antiAffinity.size === 0) return true
  for (const t of affinityTermsOf(pod).requiredAntiAffinity) {
    const value = labels[t.topologyKey]
    if (value !== undefined && (s.antiAffinity.get(pair(t.topologyKey, value)) ?? 0) > 0) return false
  }
  return true
}

function satisfiesExistingAntiAffinity(s: PreFilterState, labels: Record<string, string>): boolean {
  if (s.existingAntiAffinity.size === 0) return true
  for (const [key, value] of Object.entries(labels)) if ((s.existingAntiAffinity.get(pair(key, value)) ?? 0) > 0) return false
  return true
}

/** InterPodAffinity's Filter: the pod's required (anti-)affinity, and existing pods' anti-affinity towards it. */
export const interPodAffinityFilter: FilterPlugin = {
  name: 'InterPodAffinity',
  filter(pod, info, _store, state) {
    const s = state.memo('InterPodAffinity/preFilter', () => preFilter(pod, state))
    const labels = info.node.metadata.labels ?? {}
    if (!satisfiesAffinity(pod, s, labels, state)) return unfit(AFFINITY_RULES_NOT_MATCH, true)
    if (!satisfiesAntiAffinity(pod, s, labels)) return unfit(ANTI_AFFINITY_RULES_NOT_MATCH, false)
    if (!satisfiesExistingAntiAffinity(s, labels)) return unfit(EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH, false)
    return null
  },
}

/** Scores by topology key, then value: what a node in that domain gains (preScoreState.topologyScore). */
type TopologyScore = Map<string, Map<string, number>>

function addScore(scores: TopologyScore, t: AffinityTerm, weight: number, labels: Record<string, string> | undefined) {
  const value = labels?.[t.topologyKey]
  if (value === undefined) return
  let byValue = scores.get(t.topologyKey)
  if (!byValue) scores.set(t.topologyKey, (byValue = new Map()))
  byValue.set(value, (byValue.get(value) ?? 0) + weight)
}

function preScore(pod: Pod, state: CycleState): TopologyScore {
  const scores: TopologyScore = new Map()
  const terms = affinityTermsOf(pod)
  const nodes = nodesByName(state)
  // The incoming pod's preferred terms: pods they select pull (or push) their domains.
  for (const [list, sign] of [[terms.preferredAffinity, 1], [terms.preferredAntiAffinity, -1]] as const) {
    for (const t of list) {
      for (const other of podsMatchingTerm(state.store, t)) addScore(scores, t, sign * t.weight, nodes.get(other.spec.nodeName!)?.node.metadata.labels)
    }
  }
  // Existing pods' terms that the incoming pod matches: symmetry.
  const nsLabels = namespaceLabels(state.store, pod.metadata.namespace)
  for (const info of state.nodes) {
    const labels = info.node.metadata.labels
    if (info.podsWithAffinity.length === 0 || !labels) continue
    for (const existing of info.podsWithAffinity) {
      const theirs = affinityTermsOf(existing)
      for (const t of theirs.requiredAffinity) if (termMatches(t, pod, nsLabels)) addScore(scores, t, HARD_POD_AFFINITY_WEIGHT, labels)
      for (const t of theirs.preferredAffinity) if (termMatches(t, pod, nsLabels)) addScore(scores, t, t.weight, labels)
      for (const t of theirs.preferredAntiAffinity) if (termMatches(t, pod, nsLabels)) addScore(scores, t, -t.weight, labels)
    }
  }
  return scores
}

/** InterPodAffinity's Score: the sum over the node's domains, normalised between the lowest and highest node. */
export const interPodAffinityScore: ScorePlugin = {
  name: 'InterPodAffinity',
  weight: 2,
  preScore(pod, _feasible, state) {
    state.write('InterPodAffinity/preScore', preScore(pod, state))
  },
  score(_pod, info, state) {
    const scores = state.read<TopologyScore>('InterPodAffinity/preScore')
    if (!scores) return 0
    const labels = info.node.metadata.labels ?? {}
    let score = 0
    for (const [key, byValue] of scores) {
      const value = labels[key]
      if (value !== undefined) score += byValue.get(value) ?? 0
    }
    return score
  },
  normalize(raw, state) {
    if ((state.read<TopologyScore>('InterPodAffinity/preScore')?.size ?? 0) === 0) return raw
    const min = Math.min(...raw)
    const max = Math.max(...raw)
    const diff = max - min
    return raw.map((s) => (diff > 0 ? Math.trunc((100 * (s - min)) / diff) : 0))
  },
}
