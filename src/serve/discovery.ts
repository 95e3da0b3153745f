import { versionInfo } from '../engine/kubectl/commands/version.ts'
import { ALL_CATEGORY } from '../engine/kubectl/resolve.ts'
import { groupVersions, hasStatus, servedResources, type ServedResource } from './resources.ts'

/**
 * Discovery: what kubectl and client libraries read before anything else to learn which
 * resources exist (`/api`, `/apis`, `/apis/GROUP/VERSION`), in the legacy form and the
 * aggregated one (apidiscovery.k8s.io/v2, one request for everything), and `/version`.
 */

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']
export const AGGREGATED_DISCOVERY = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList'

interface Subresource {
  name: string
  group: string
  version: string
  kind: string
  verbs: string[]
}

/** The subresources the server answers for a resource (the handlers in subresources.ts and logs.ts). */
export function subresourcesOf(r: ServedResource): Subresource[] {
  const own = (name: string, verbs: string[]): Subresource => ({ name, group: r.group, version: r.version, kind: r.kind, verbs })
  const out: Subresource[] = []
  if (hasStatus(r.kind)) out.push(own('status', ['get', 'patch', 'update']))
  if (r.module.scale) out.push({ name: 'scale', group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] })
  if (r.kind === 'Pod') {
    out.push(
      { name: 'attach', group: '', version: 'v1', kind: 'PodAttachOptions', verbs: ['create', 'get'] },
      { name: 'binding', group: '', version: 'v1', kind: 'Binding', verbs: ['create'] },
      { name: 'eviction', group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] },
      { name: 'exec', group: '', version: 'v1', kind: 'PodExecOptions', verbs: ['create', 'get'] },
      own('log', ['get']),
      { name: 'portforward', group: '', version: 'v1', kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
    )
  }
  if (r.kind === 'Namespace') out.push(own('finalize', ['update']))
  return out.sort((a, b) => (a.name < b.name ? -1 : 1))
}

function categories(r: ServedResource): string[] | undefined {
  return ALL_CATEGORY.includes(r.plural) ? ['all'] : undefined
}

export function versionBody(): Record<string, string> {
  return versionInfo(true)
}

/** `/api`: the core group's versions. */
export function apiVersions(serverAddress: string) {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] }
}

/** `/apis`: every named group with its versions, the first preferred. */
export function apiGroupList() {
  const groups = [...groupVersions()].filter(([group]) => group !== '').map(([name, versions]) => apiGroup(name, versions))
  return { kind: 'APIGroupList', apiVersion: 'v1', groups }
}

function apiGroup(name: string, versions: string[]) {
  const gv = versions.map((version) => ({ groupVersion: `${name}/${version}`, version }))
  return { name, versions: gv, preferredVersion: gv[0] }
}

/** `/apis/GROUP`: one group. */
export function apiGroupBody(group: string) {
  const versions = groupVersions().get(group)
  return versions && group !== '' ? { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(group, versions) } : undefined
}

/** `/api/v1`, `/apis/GROUP/VERSION`: the resources and their subresources, as `pods` and `pods/status`. */
export function apiResourceList(group: string, version: string) {
  const here = servedResources().filter((r) => r.group === group && r.version === version)
  if (here.length === 0) return undefined
  const resources = here.flatMap((r) => [
    {
      name: r.plural,
      singularName: r.module.names.singular,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: VERBS,
      ...(r.module.names.shortNames.length ? { shortNames: r.module.names.shortNames } : {}),
      ...(categories(r) ? { categories: categories(r) } : {}),
    },
    ...subresourcesOf(r).map((s) => ({
      name: `${r.plural}/${s.name}`,
      singularName: '',
      namespaced: r.namespaced,
      ...(s.group !== r.group || s.version !== r.version ? { group: s.group, version: s.version } : {}),
      kind: s.kind,
      verbs: s.verbs,
    })),
  ])
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources }
}

/** Aggregated discovery for `/api` (core) or `/apis` (every named group). */
export function aggregatedDiscovery(core: boolean) {
  const items = [...groupVersions()]
    .filter(([group]) => (group === '') === core)
    .map(([group, versions]) => ({
      metadata: { name: group, creationTimestamp: null },
      versions: versions.map((version) => ({
        version,
        resources: servedResources()
          .filter((r) => r.group === group && r.version === version)
          .map((r) => ({
            resource: r.plural,
            responseKind: { group: r.group, version: r.version, kind: r.kind },
            scope: r.namespaced ? 'Namespaced' : 'Cluster',
            singularResource: r.module.names.singular,
            verbs: VERBS,
            ...(r.module.names.shortNames.length ? { shortNames: r.module.names.shortNames } : {}),
            ...(categories(r) ? { categories: categories(r) } : {}),
            subresources: subresourcesOf(r).map((s) => ({ subresource: s.name, responseKind: { group: s.group, version: s.version, kind: s.kind }, verbs: s.verbs })),
          })),
        freshness: 'Current',
      })),
    }))
  return { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items }
}

/** Whether the client asked for aggregated discovery (its Accept names APIGroupDiscoveryList v2). */
export function wantsAggregated(accept: string | undefined): boolean {
  return !!accept && /g=apidiscovery\.k8s\.io;\s*v=v2;\s*as=APIGroupDiscoveryList/.test(accept)
}
