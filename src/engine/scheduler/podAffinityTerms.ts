import type { ApiStore } from '../api/store.ts'
import type { LabelSelector, Pod } from '../api/types.ts'
import { selectorMatches } from '../util/labels.ts'
import { occupiesNode } from './nodeInfo.ts'

/** A PodAffinityTerm as the API spells it. */
export interface PodAffinityTermSpec {
  labelSelector?: LabelSelector
  namespaces?: string[]
  namespaceSelector?: LabelSelector
  topologyKey: string
}

interface WeightedTermSpec {
  weight: number
  podAffinityTerm: PodAffinityTermSpec
}

interface PodAffinitySpec {
  requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTermSpec[]
  preferredDuringSchedulingIgnoredDuringExecution?: WeightedTermSpec[]
}

/**
 * A processed term (framework.AffinityTerm): the namespaces it names (the owner's own when
 * it names none and has no namespaceSelector), its namespace selector, its pod selector.
 */
export interface AffinityTerm {
  namespaces: Set<string>
  namespaceSelector?: LabelSelector
  selector?: LabelSelector
  topologyKey: string
  weight: number
}

export interface PodAffinityTerms {
  requiredAffinity: AffinityTerm[]
  requiredAntiAffinity: AffinityTerm[]
  preferredAffinity: AffinityTerm[]
  preferredAntiAffinity: AffinityTerm[]
}

function term(owner: Pod, spec: PodAffinityTermSpec, weight: number): AffinityTerm {
  const namespaces = new Set(spec.namespaces ?? [])
  if (namespaces.size === 0 && !spec.namespaceSelector) namespaces.add(owner.metadata.namespace ?? 'default')
  return { namespaces, namespaceSelector: spec.namespaceSelector, selector: spec.labelSelector, topologyKey: spec.topologyKey, weight }
}

/** A pod's terms never change after creation, so they are processed once per spec. */
const termsCache = new WeakMap<object, PodAffinityTerms>()

export function affinityTermsOf(pod: Pod): PodAffinityTerms {
  let cached = termsCache.get(pod.spec)
  if (cached) return cached
  const affinity = pod.spec.affinity as { podAffinity?: PodAffinitySpec; podAntiAffinity?: PodAffinitySpec } | undefined
  const required = (a?: PodAffinitySpec) => (a?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => term(pod, t, 1))
  const preferred = (a?: PodAffinitySpec) => (a?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w) => term(pod, w.podAffinityTerm, w.weight))
  cached = {
    requiredAffinity: required(affinity?.podAffinity),
    requiredAntiAffinity: required(affinity?.podAntiAffinity),
    preferredAffinity: preferred(affinity?.podAffinity),
    preferredAntiAffinity: preferred(affinity?.podAntiAffinity),
  }
  termsCache.set(pod.spec, cached)
  return cached
}

/** Does `pod` (in a namespace labelled `nsLabels`) match the term (AffinityTerm.Matches)? */
export function termMatches(t: AffinityTerm, pod: Pod, nsLabels: Record<string, string> | undefined): boolean {
  const ns = pod.metadata.namespace ?? 'default'
  if (!t.namespaces.has(ns) && !(t.namespaceSelector && selectorMatches(t.namespaceSelector, nsLabels))) return false
  return selectorMatches(t.selector, pod.metadata.labels)
}

export function namespaceLabels(store: ApiStore, namespace: string | undefined): Record<string, string> | undefined {
  return store.get('Namespace', undefined, namespace ?? 'default')?.metadata.labels
}

/**
 * The pods on nodes that a term of the incoming pod selects, found through the store's
 * label index rather than by reading every pod: the cost follows the matches.
 */
export function podsMatchingTerm(store: ApiStore, t: AffinityTerm): Pod[] {
  if (!t.selector) return []
  const namespaces = new Set(t.namespaces)
  if (t.namespaceSelector) {
    for (const ns of store.list('Namespace')) if (selectorMatches(t.namespaceSelector, ns.metadata.labels)) namespaces.add(ns.metadata.name)
  }
  const out: Pod[] = []
  for (const ns of namespaces) {
    for (const pod of store.select<Pod>('Pod', ns, t.selector)) if (pod.spec.nodeName && occupiesNode(pod)) out.push(pod)
  }
  return out
}
