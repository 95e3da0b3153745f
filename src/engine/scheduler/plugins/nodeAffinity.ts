import type { Node, Pod } from '../../api/types.ts'
import type { FilterPlugin } from '../plugin.ts'
import { unfit } from '../plugin.ts'

interface NodeSelectorRequirement {
  key: string
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt'
  values?: string[]
}

function requirementMatches(req: NodeSelectorRequirement, node: Node): boolean {
  const value = req.key === 'metadata.name' ? node.metadata.name : node.metadata.labels?.[req.key]
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
  // Terms are ORed; the requirements inside a term are ANDed.
  return terms.some((term) =>
    [...(term.matchExpressions ?? []), ...(term.matchFields ?? [])].every((req) => requirementMatches(req, node)),
  )
}

export const nodeAffinity: FilterPlugin = {
  name: 'NodeAffinity',
  filter(pod, { node }) {
    return matchesNodeSelectorAndAffinity(pod, node) ? null : unfit("node(s) didn't match Pod's node affinity/selector", true)
  },
}
