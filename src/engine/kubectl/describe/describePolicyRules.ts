import type { KubeObject } from '../../api/types.ts'
import { DescribeWriter } from '../describeWriter.ts'
import { describeMetadataHeader, goStringSlice } from './describeMetadataHeader.ts'

export interface PolicyRule {
  verbs?: string[]
  apiGroups?: string[]
  resources?: string[]
  resourceNames?: string[]
  nonResourceURLs?: string[]
}

/** rbac.BreakdownRule: one rule per group, resource, verb and name (and per URL and verb). */
function breakdown(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = []
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      for (const verb of rule.verbs ?? []) {
        if (rule.resourceNames?.length) {
          for (const name of rule.resourceNames) out.push({ apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [name] })
        } else out.push({ apiGroups: [group], resources: [resource], verbs: [verb] })
      }
    }
  }
  for (const url of rule.nonResourceURLs ?? []) for (const verb of rule.verbs ?? []) out.push({ nonResourceURLs: [url], verbs: [verb] })
  return out
}

/** rbac.CompactRules: rules about one group, resource and (at most one) name merge their verbs; others stay as they are. */
function compact(rules: PolicyRule[]): PolicyRule[] {
  const others: PolicyRule[] = []
  const simple = new Map<string, PolicyRule>()
  for (const rule of rules) {
    const isSimple = !rule.nonResourceURLs?.length && (rule.resourceNames?.length ?? 0) <= 1 && rule.apiGroups?.length === 1 && rule.resources?.length === 1
    if (!isSimple) {
      others.push(rule)
      continue
    }
    const key = JSON.stringify([rule.apiGroups![0], rule.resources![0], rule.resourceNames?.[0] ?? null])
    const existing = simple.get(key)
    if (!existing) simple.set(key, { ...rule, verbs: [...(rule.verbs ?? [])] })
    else for (const verb of rule.verbs ?? []) if (!existing.verbs!.includes(verb)) existing.verbs!.push(verb)
  }
  return [...others, ...simple.values()]
}

/** The generated PolicyRule.String(), by which SortableRuleSlice orders the table (verbs first). */
function ruleString(r: PolicyRule): string {
  return `&PolicyRule{Verbs:${goStringSlice(r.verbs)},APIGroups:${goStringSlice(r.apiGroups)},Resources:${goStringSlice(r.resources)},ResourceNames:${goStringSlice(r.resourceNames)},NonResourceURLs:${goStringSlice(r.nonResourceURLs)},}`
}

/** CombineResourceGroup: `deployments.apps`, `deployments.apps/scale`, `pods`. */
function resourceGroup(r: PolicyRule): string {
  const resource = r.resources?.[0]
  if (!resource) return ''
  const [name, sub] = resource.split(/\/(.*)/s, 2)
  const group = r.apiGroups?.[0]
  return `${name}${group ? `.${group}` : ''}${sub !== undefined ? `/${sub}` : ''}`
}

/** `kubectl describe role|clusterrole` (RoleDescriber, ClusterRoleDescriber): the PolicyRule table. */
export function describePolicyRules(role: KubeObject & { rules?: PolicyRule[] }): string {
  const rules = compact((role.rules ?? []).flatMap(breakdown))
  const keyed = rules.map((r) => ({ r, key: ruleString(r) }))
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const w = new DescribeWriter()
  describeMetadataHeader(w, role, false)
  w.write(0, 'PolicyRule:\n')
  w.write(1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n')
  w.write(1, '---------\t-----------------\t--------------\t-----\n')
  for (const { r } of keyed) {
    w.write(1, `${resourceGroup(r)}\t${goStringSlice(r.nonResourceURLs)}\t${goStringSlice(r.resourceNames)}\t${goStringSlice(r.verbs)}\n`)
  }
  return w.toString()
}
