import type { Node, Pod } from '../../api/types.ts'
import type { FilterPlugin } from '../plugin.ts'
import { unfit } from '../plugin.ts'

export interface NodeSelectorRequirement {
  key: string
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt'
  values?: string[]
}

/** A matchExpressions requirement reads the node's labels; a matchFields one its fields (only `metadata.name` is supported). */
function requirementMatches(req: NodeSelectorRequirement, node: Node, on: 'labels' | 'fields'): boolean {
  const value = on === 'labels' ? node.metadata.labels?.[req.key] : req.key === 'metadata.name' ? node.metadata.name : undefined
  const values = req.values ?? []
  switch (req.operator) {
    case 'In':
      return value !== undefined && values.includes(value)
    case 'NotIn':
      return value === undefined || !values.includes(value)
    case 'Exists':
      return value !== undefined
    case 'DoesNotExist':
      return value === undefined
    case 'Gt':
      return value !== undefined && Number(value) > Number(values[0])
    case 'Lt':
      return value !== undefined && Number(value) < Number(values[0])
  }
  return false
}

/** nodeSelector and requiredDuringSchedulingIgnoredDuringExecution node affinity. */
export function matchesNodeSelectorAndAffinity(pod: Pod, node: Node): boolean {
  for (const [k, v] of Object.entries(pod.spec.nodeSelector ?? {})) if (node.metadata.labels?.[k] !== v) return false
  const affinity = pod.spec.affinity as
    | { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: { matchExpressions?: NodeSelectorRequirement[]; matchFields?: NodeSelectorRequirement[] }[] } } }
    | undefined
  const terms = affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms
  if (!terms || terms.length === 0) return true
  return matchesNodeSelectorTerms(terms, node)
}

/** A required node selector (also a PersistentVolume's node affinity): terms are ORed, the requirements inside a term ANDed. */
export function matchesNodeSelectorTerms(terms: { matchExpressions?: NodeSelectorRequirement[]; matchFields?: NodeSelectorRequirement[] }[], node: Node): boolean {
  return terms.some((term) => {
    const expressions = term.matchExpressions ?? []
    const fields = term.matchFields ?? []
    // A term with no requirements matches no node (nodeaffinity.NodeSelector).
    if (expressions.length === 0 && fields.length === 0) return false
    return expressions.every((req) => requirementMatches(req, node, 'labels')) && fields.every((req) => requirementMatches(req, node, 'fields'))
  })
}

export const nodeAffinity: FilterPlugin = {
  name: 'NodeAffinity',
  filter(pod, { node }) {
    return matchesNodeSelectorAndAffinity(pod, node) ? null : unfit("node(s) didn't match Pod's node affinity/selector", true)
  },
}
