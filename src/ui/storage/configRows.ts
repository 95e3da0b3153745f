/**
 * ConfigMaps and Secrets with the pods that use them: as a volume (configMap, secret, or a
 * projected source), as env (valueFrom …KeyRef) or envFrom. A name a pod uses that does not
 * exist is listed too, as missing: the kubelet cannot mount it (FailedMount) or build the
 * container's environment (CreateContainerConfigError), unless the reference is optional.
 */
import type { Container, Pod } from '../../engine/api/types.ts'
import type { ClusterState } from '../store/clusterStore.ts'
import { inShownNamespace } from '../store/selectors.ts'
import { byOrdinalName } from './storageRows.ts'

export type ConfigKind = 'ConfigMap' | 'Secret'
export type ConfigUse = 'volume' | 'env' | 'envFrom'

export interface ConfigRef {
  kind: ConfigKind
  name: string
  use: ConfigUse
  optional: boolean
}

interface NameRef {
  name?: string
  secretName?: string
  optional?: boolean
}

type Projected = { sources?: { configMap?: NameRef; secret?: NameRef }[] }

/** Every ConfigMap and Secret a pod names, once per kind, name and use. */
export function podConfigRefs(pod: Pod): ConfigRef[] {
  const refs = new Map<string, ConfigRef>()
  const add = (kind: ConfigKind, name: string | undefined, use: ConfigUse, optional: boolean | undefined) => {
    if (!name) return
    const id = `${kind}/${name}/${use}`
    const prev = refs.get(id)
    // Used twice, once required: required wins.
    refs.set(id, { kind, name, use, optional: (prev?.optional ?? true) && !!optional })
  }
  for (const v of pod.spec.volumes ?? []) {
    const cm = v.configMap as NameRef | undefined
    const secret = v.secret as NameRef | undefined
    add('ConfigMap', cm?.name, 'volume', cm?.optional)
    add('Secret', secret?.secretName, 'volume', secret?.optional)
    for (const src of (v.projected as Projected | undefined)?.sources ?? []) {
      add('ConfigMap', src.configMap?.name, 'volume', src.configMap?.optional)
      add('Secret', src.secret?.name, 'volume', src.secret?.optional)
    }
  }
  const containers: Container[] = [...(pod.spec.initContainers ?? []), ...pod.spec.containers]
  for (const c of containers) {
    for (const e of c.env ?? []) {
      const from = e.valueFrom as { configMapKeyRef?: NameRef; secretKeyRef?: NameRef } | undefined
      add('ConfigMap', from?.configMapKeyRef?.name, 'env', from?.configMapKeyRef?.optional)
      add('Secret', from?.secretKeyRef?.name, 'env', from?.secretKeyRef?.optional)
    }
    for (const e of (c.envFrom as { configMapRef?: NameRef; secretRef?: NameRef }[] | undefined) ?? []) {
      add('ConfigMap', e.configMapRef?.name, 'envFrom', e.configMapRef?.optional)
      add('Secret', e.secretRef?.name, 'envFrom', e.secretRef?.optional)
    }
  }
  return [...refs.values()]
}

interface User {
  pod: string
  use: ConfigUse
  optional: boolean
}

const EMPTY = {}
/** Users by store key (`ConfigMap/ns/name`), rebuilt only when pods change. */
const usersCache = new WeakMap<object, Map<string, User[]>>()
function configUsers(s: ClusterState): Map<string, User[]> {
  const podMap = s.objects.Pod ?? EMPTY
  let users = usersCache.get(podMap)
  if (!users) {
    users = new Map()
    for (const pod of Object.values(podMap) as Pod[]) {
      for (const ref of podConfigRefs(pod)) {
        const key = `${ref.kind}/${pod.metadata.namespace ?? ''}/${ref.name}`
        const list = users.get(key) ?? []
        list.push({ pod: pod.metadata.name, use: ref.use, optional: ref.optional })
        users.set(key, list)
      }
    }
    for (const list of users.values()) list.sort((a, b) => byOrdinalName(a.pod, b.pod) || (a.use < b.use ? -1 : 1))
    usersCache.set(podMap, users)
  }
  return users
}

/** Store keys of the ConfigMaps and Secrets shown: those that exist and those a pod names; missing ones first. */
export function configKeys(s: ClusterState): string[] {
  const keys = new Set<string>([...Object.keys(s.objects.ConfigMap ?? EMPTY), ...Object.keys(s.objects.Secret ?? EMPTY), ...configUsers(s).keys()])
  const exists = (k: string) => !!s.objects[k.slice(0, k.indexOf('/'))]?.[k]
  return [...keys].filter((k) => inShownNamespace(s, k)).sort((a, b) => Number(exists(a)) - Number(exists(b)) || (a < b ? -1 : a > b ? 1 : 0))
}

export interface ConfigView {
  kind: ConfigKind
  name: string
  namespace: string
  exists: boolean
  /** `kubectl get` numbers: DATA (keys), and a Secret's TYPE. */
  keys: number
  type: string
  /** Users as `pod:use:optional|required`, space-separated. */
  users: string
  /** Missing and some pod needs it (a required reference). */
  blocking: boolean
  label: string
}

export function parseUsers(flat: string): User[] {
  if (!flat) return []
  return flat.split(' ').map((u) => {
    const [pod, use, need] = u.split(':')
    return { pod, use: use as ConfigUse, optional: need === 'optional' }
  })
}

export function configView(s: ClusterState, key: string): ConfigView {
  const kind = key.slice(0, key.indexOf('/')) as ConfigKind
  const namespace = key.slice(key.indexOf('/') + 1, key.lastIndexOf('/'))
  const name = key.slice(key.lastIndexOf('/') + 1)
  const obj = s.objects[kind]?.[key] as { data?: Record<string, unknown>; binaryData?: Record<string, unknown>; type?: string } | undefined
  const users = configUsers(s).get(key) ?? []
  const blocking = !obj && users.some((u) => !u.optional)
  const keys = obj ? Object.keys(obj.data ?? {}).length + Object.keys(obj.binaryData ?? {}).length : 0
  const pods = [...new Set(users.map((u) => u.pod))]
  const where = namespace === 'default' ? '' : ` (namespace ${namespace})`
  const state = obj ? `${keys} ${keys === 1 ? 'key' : 'keys'}` : 'missing'
  const usedBy = pods.length === 0 ? 'used by no pod' : `used by ${pods.join(', ')}`
  return {
    kind,
    name,
    namespace,
    exists: !!obj,
    keys,
    type: kind === 'Secret' ? (obj?.type ?? '') : '',
    users: users.map((u) => `${u.pod}:${u.use}:${u.optional ? 'optional' : 'required'}`).join(' '),
    blocking,
    label: `${kind} ${name}${where}, ${state}, ${usedBy}`,
  }
}
