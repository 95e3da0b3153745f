import type { KindModule } from '../engine/kinds/kindModule.ts'
import { allKinds } from '../engine/kinds/registry.ts'

/** One resource at one group/version: what a URL's `/apis/GROUP/VERSION/RESOURCE` names. */
export interface ServedResource {
  module: KindModule
  kind: string
  group: string
  version: string
  plural: string
  namespaced: boolean
}

/** Kinds the API server stores without a status (their registries have no status subresource). */
const NO_STATUS = new Set([
  'ConfigMap', 'Secret', 'ServiceAccount', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'Event', 'Endpoints',
  'EndpointSlice', 'ControllerRevision', 'Lease', 'PriorityClass', 'StorageClass', 'IngressClass', 'RuntimeClass', 'LimitRange',
  'PodTemplate', 'CSIDriver', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration',
])

export function hasStatus(kind: string): boolean {
  return !NO_STATUS.has(kind)
}

let served: ServedResource[] | undefined
let byPath: Map<string, ServedResource> | undefined

/** Every resource at every version it is served under (the preferred one first). */
export function servedResources(): ServedResource[] {
  if (served) return served
  served = []
  for (const module of allKinds()) {
    const n = module.names
    served.push({ module, kind: n.kind, group: n.group, version: n.version, plural: n.plural, namespaced: n.namespaced })
    for (const gv of n.alsoServedAs ?? []) {
      const [group, version] = gv.includes('/') ? gv.split('/') : ['', gv]
      served.push({ module, kind: n.kind, group, version, plural: n.plural, namespaced: n.namespaced })
    }
  }
  return served
}

/** The resource `/apis/GROUP/VERSION/PLURAL` (group '' for `/api/v1`), if served. */
export function findResource(group: string, version: string, plural: string): ServedResource | undefined {
  byPath ??= new Map(servedResources().map((r) => [`${r.group}/${r.version}/${r.plural}`, r]))
  return byPath.get(`${group}/${version}/${plural}`)
}

/** Group → versions, in the order discovery lists them (core first, then groups as the registry lists them). */
export function groupVersions(): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const r of servedResources()) {
    const versions = out.get(r.group) ?? []
    if (!versions.includes(r.version)) versions.push(r.version)
    out.set(r.group, versions)
  }
  return out
}
