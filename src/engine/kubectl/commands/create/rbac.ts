import { resolveResourceName } from '../../../api/resources.ts'
import { flag } from '../../args.ts'
import { KubectlError } from '../../resolve.ts'
import { objectMeta } from '../objectOutput.ts'
import { arrayFlag, sliceFlag } from './flags.ts'
import type { CreateGenerator, GeneratorInput } from './generator.ts'

const VALID_VERBS = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate']
/** Verbs that only make sense on some resources (create_role.go's specialVerbs). */
const SPECIAL_VERBS: Record<string, { resource: string; group: string }[]> = {
  use: [{ resource: 'podsecuritypolicies', group: 'policy' }, { resource: 'podsecuritypolicies', group: 'extensions' }],
  bind: [{ resource: 'roles', group: 'rbac.authorization.k8s.io' }, { resource: 'clusterroles', group: 'rbac.authorization.k8s.io' }],
  escalate: [{ resource: 'roles', group: 'rbac.authorization.k8s.io' }, { resource: 'clusterroles', group: 'rbac.authorization.k8s.io' }],
  impersonate: ['users', 'serviceaccounts', 'groups', 'userextras', 'uids'].map((resource) => ({ resource, group: resource === 'serviceaccounts' ? '' : 'authentication.k8s.io' })),
}

interface ResourceOption {
  resource: string
  group: string
  subresource: string
}

/** `pods`, `deployments.apps`, `pods/log`, as create_role.go's Complete splits them. */
function parseResource(text: string): ResourceOption {
  const slash = text.indexOf('/')
  const main = slash < 0 ? text : text.slice(0, slash)
  const dot = main.indexOf('.')
  return { resource: dot < 0 ? main : main.slice(0, dot), group: dot < 0 ? '' : main.slice(dot + 1), subresource: slash < 0 ? '' : text.slice(slash + 1) }
}

/** The RESTMapper's answer: the resource's full plural name and group, or undefined when discovery has none. */
function mapResource(r: ResourceOption): { resource: string; group: string } | undefined {
  const found = resolveResourceName(r.group ? `${r.resource}.${r.group}` : r.resource)
  return found ? { resource: found.plural, group: found.group } : undefined
}

function rulesFor(verbs: string[], resources: ResourceOption[], resourceNames: string[], nonResourceURLs: string[]) {
  const byGroup = new Map<string, string[]>()
  for (const r of resources) {
    const mapped = mapResource(r) ?? { resource: r.resource, group: r.group }
    const name = r.subresource ? `${mapped.resource}/${r.subresource}` : mapped.resource
    const list = byGroup.get(mapped.group) ?? []
    if (!list.includes(name)) list.push(name)
    byGroup.set(mapped.group, list)
  }
  const rules: Record<string, unknown>[] = [...byGroup.keys()].sort().map((group) => ({
    verbs,
    apiGroups: [group],
    resources: byGroup.get(group),
    ...(resourceNames.length ? { resourceNames } : {}),
  }))
  if (nonResourceURLs.length) rules.push({ verbs, nonResourceURLs })
  return rules
}

/** create_role.go's Validate for the resource-based part. */
function validateResources(verbs: string[], resources: ResourceOption[]): void {
  for (const r of resources) {
    if (!r.resource) throw new KubectlError('error: resource must be specified if apiGroup/subresource specified')
    if (r.resource === '*') return
    const mapped = mapResource(r)
    const resource = mapped ?? { resource: r.resource, group: r.group }
    for (const v of verbs) {
      const allowed = SPECIAL_VERBS[v]
      if (allowed && !allowed.some((a) => a.resource === resource.resource && a.group === resource.group)) {
        throw new KubectlError(`error: can not perform '${v}' on '${resource.resource}' in group '${resource.group}'`)
      }
    }
    if (!mapped && !verbs.some((v) => SPECIAL_VERBS[v])) {
      throw new KubectlError(`the server doesn't have a resource type "${r.resource}"${r.group ? ` in group "${r.group}"` : ''}`)
    }
  }
}

const RULE_FLAGS = [
  { name: 'verb', takesValue: true, repeatable: true },
  { name: 'resource', takesValue: true, repeatable: true },
  { name: 'resource-name', takesValue: true, repeatable: true },
]

function warnVerbs(input: GeneratorInput, verbs: string[]): void {
  for (const v of verbs) if (!VALID_VERBS.includes(v)) input.warn(`Warning: '${v}' is not a standard resource verb`)
}

/** `kubectl create role NAME --verb=verb --resource=resource.group/subresource [--resource-name=…]` (create_role.go). */
export const createRole: CreateGenerator = {
  path: ['role'],
  flags: RULE_FLAGS,
  build(input) {
    const { args, name, namespace } = input
    const verbs = sliceFlag(args, 'verb')
    const resources = sliceFlag(args, 'resource').map(parseResource)
    if (verbs.length === 0) throw new KubectlError('error: at least one verb must be specified')
    warnVerbs(input, verbs)
    if (resources.length === 0) throw new KubectlError('error: at least one resource must be specified')
    validateResources(verbs, resources)
    return { kind: 'Role', apiVersion: 'rbac.authorization.k8s.io/v1', metadata: objectMeta({ name, namespace }), rules: rulesFor(verbs, resources, arrayFlag(args, 'resource-name'), []) }
  },
}

/** `kubectl create clusterrole NAME --verb=… --resource=… | --non-resource-url=… | --aggregation-rule=…` (create_clusterrole.go). */
export const createClusterRole: CreateGenerator = {
  path: ['clusterrole'],
  flags: [...RULE_FLAGS, { name: 'non-resource-url', takesValue: true, repeatable: true }, { name: 'aggregation-rule', takesValue: true, repeatable: true }],
  build(input) {
    const { args, name } = input
    const verbs = sliceFlag(args, 'verb')
    const resources = sliceFlag(args, 'resource').map(parseResource)
    const urls = sliceFlag(args, 'non-resource-url')
    const aggregation: Record<string, string> = {}
    for (const pair of sliceFlag(args, 'aggregation-rule')) {
      const eq = pair.indexOf('=')
      if (eq < 0) throw new KubectlError(`error: invalid argument "${flag(args, 'aggregation-rule')}" for "--aggregation-rule" flag: ${pair} must be formatted as key=value`)
      aggregation[pair.slice(0, eq)] = pair.slice(eq + 1)
    }
    if (Object.keys(aggregation).length) {
      if (verbs.length || resources.length || urls.length || arrayFlag(args, 'resource-name').length) {
        throw new KubectlError('error: aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames')
      }
      return { kind: 'ClusterRole', apiVersion: 'rbac.authorization.k8s.io/v1', metadata: objectMeta({ name }), rules: null, aggregationRule: { clusterRoleSelectors: [{ matchLabels: aggregation }] } }
    }
    if (verbs.length === 0) throw new KubectlError('error: at least one verb must be specified')
    if (resources.length === 0 && urls.length === 0) throw new KubectlError('error: one of resource or nonResourceURL must be specified')
    if (resources.length) {
      warnVerbs(input, verbs)
      validateResources(verbs, resources)
    }
    if (urls.length) {
      for (const v of verbs) if (!['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'].includes(v)) throw new KubectlError(`error: invalid verb: '${v}' for nonResourceURL`)
      for (const u of urls) {
        if (u === '*') continue
        if (!u.startsWith('/')) throw new KubectlError('error: nonResourceURL should start with /')
        if (u.slice(0, -1).includes('*')) throw new KubectlError("error: nonResourceURL only supports wildcard matches when '*' is at the end")
      }
    }
    return { kind: 'ClusterRole', apiVersion: 'rbac.authorization.k8s.io/v1', metadata: objectMeta({ name }), rules: rulesFor(verbs, resources, arrayFlag(args, 'resource-name'), urls) }
  },
}

const SUBJECT_FLAGS = [
  { name: 'user', takesValue: true, repeatable: true },
  { name: 'group', takesValue: true, repeatable: true },
  { name: 'serviceaccount', takesValue: true, repeatable: true },
]

function subjects(args: GeneratorInput['args']): Record<string, unknown>[] | undefined {
  const out: Record<string, unknown>[] = [
    ...arrayFlag(args, 'user').map((n) => ({ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: n })),
    ...arrayFlag(args, 'group').map((n) => ({ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: n })),
  ]
  for (const sa of arrayFlag(args, 'serviceaccount')) {
    const parts = sa.split(':')
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw new KubectlError('error: serviceaccount must be <namespace>:<name>')
    out.push({ kind: 'ServiceAccount', name: parts[1], namespace: parts[0] })
  }
  return out.length ? out : undefined
}

/** `kubectl create rolebinding NAME --clusterrole=NAME|--role=NAME [--user=…] [--group=…] [--serviceaccount=ns:name]` (create_rolebinding.go). */
export const createRoleBinding: CreateGenerator = {
  path: ['rolebinding'],
  flags: [{ name: 'role', takesValue: true }, { name: 'clusterrole', takesValue: true }, ...SUBJECT_FLAGS],
  failurePrefix: 'failed to create rolebinding',
  build({ args, name, namespace }) {
    const role = flag(args, 'role') ?? ''
    const clusterRole = flag(args, 'clusterrole') ?? ''
    if (!role === !clusterRole) throw new KubectlError('error: exactly one of clusterrole or role must be specified')
    return {
      kind: 'RoleBinding',
      apiVersion: 'rbac.authorization.k8s.io/v1',
      metadata: objectMeta({ name, namespace }),
      subjects: subjects(args),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: role ? 'Role' : 'ClusterRole', name: role || clusterRole },
    }
  },
}

/** `kubectl create clusterrolebinding NAME --clusterrole=NAME [--user=…] [--group=…] [--serviceaccount=ns:name]` (create_clusterrolebinding.go). */
export const createClusterRoleBinding: CreateGenerator = {
  path: ['clusterrolebinding'],
  flags: [{ name: 'clusterrole', takesValue: true }, ...SUBJECT_FLAGS],
  required: ['clusterrole'],
  failurePrefix: 'failed to create clusterrolebinding',
  build({ args, name }) {
    return {
      kind: 'ClusterRoleBinding',
      apiVersion: 'rbac.authorization.k8s.io/v1',
      metadata: objectMeta({ name }),
      subjects: subjects(args),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: flag(args, 'clusterrole') },
    }
  },
}
