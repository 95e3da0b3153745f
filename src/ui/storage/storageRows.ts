/**
 * What the Storage view lists: each PersistentVolumeClaim → its PersistentVolume → its
 * StorageClass, with the phases and numbers `kubectl get pvc,pv,sc` print, the pods that
 * use each claim, and why a Pending claim waits (the PV controller's own reasons).
 * Views are flat strings so a zustand selector can compare them shallowly.
 */
import type { KubeObject, PersistentVolumeClaim, Pod } from '../../engine/api/types.ts'
import { accessModesString } from '../../engine/kinds/persistentVolumeClaim.ts'
import { podClaimNames } from '../../engine/storage/claimBinding.ts'
import { isDefaultClass, NO_PROVISIONER, type PersistentVolume, type StorageClass, storageClassName } from '../../engine/storage/volumeTypes.ts'
import type { ClusterState } from '../store/clusterStore.ts'
import { inShownNamespace } from '../store/selectors.ts'

export interface ClaimView {
  name: string
  namespace: string
  /** Pending, Bound, Lost, or Terminating (as `kubectl get pvc` prints STATUS). */
  phase: string
  /** What it asks for (spec) and what it got (status, once bound). */
  request: string
  capacity: string
  accessModes: string
  storageClass: string
  /** Store key of the class, '' when it names none or the class does not exist. */
  classKey: string
  volume: string
  /** Store key of the volume, '' when unbound or the volume is gone. */
  volumeKey: string
  volumePhase: string
  reclaimPolicy: string
  /** Names of the pods whose volumes name this claim, space-separated, in ordinal order. */
  pods: string
  /** Why a Pending or Lost claim is not bound ('' otherwise). */
  waiting: string
  label: string
}

export interface VolumeView {
  name: string
  phase: string
  capacity: string
  accessModes: string
  reclaimPolicy: string
  storageClass: string
  classKey: string
  /** `namespace/name` of the claim it was bound to, '' for none. */
  claim: string
  label: string
}

export interface ClassView {
  name: string
  provisioner: string
  reclaimPolicy: string
  bindingMode: string
  isDefault: boolean
  label: string
}

/** Orders `data-web-2` before `data-web-10`: by prefix, then by the trailing number. */
export function byOrdinalName(a: string, b: string): number {
  const [pa, pb] = [/^(.*?)(\d+)$/.exec(a), /^(.*?)(\d+)$/.exec(b)]
  if (pa && pb && pa[1] === pb[1]) return Number(pa[2]) - Number(pb[2])
  return a < b ? -1 : a > b ? 1 : 0
}

const claimKey = (namespace: string, name: string) => `PersistentVolumeClaim/${namespace}/${name}`

/** Pods by the claims they name (store key of the claim → pod names), rebuilt only when pods change. */
const claimUsersCache = new WeakMap<object, Map<string, string[]>>()
function claimUsers(s: ClusterState): Map<string, string[]> {
  const podMap = s.objects.Pod ?? EMPTY
  let users = claimUsersCache.get(podMap)
  if (!users) {
    users = new Map()
    for (const pod of Object.values(podMap) as Pod[]) {
      for (const claim of podClaimNames(pod)) {
        const key = claimKey(pod.metadata.namespace ?? '', claim)
        const list = users.get(key) ?? []
        list.push(pod.metadata.name)
        users.set(key, list)
      }
    }
    for (const list of users.values()) list.sort(byOrdinalName)
    claimUsersCache.set(podMap, users)
  }
  return users
}
const EMPTY: Record<string, KubeObject> = {}

/** Store keys of the claims the view shows, by namespace then ordinal name. */
export function claimKeys(s: ClusterState): string[] {
  return Object.keys(s.objects.PersistentVolumeClaim ?? {})
    .filter((k) => inShownNamespace(s, k))
    .sort((a, b) => {
      const [na, nb] = [a.slice(0, a.lastIndexOf('/')), b.slice(0, b.lastIndexOf('/'))]
      return na !== nb ? (na < nb ? -1 : 1) : byOrdinalName(a.slice(na.length + 1), b.slice(nb.length + 1))
    })
}

function classOf(s: ClusterState, name: string): StorageClass | undefined {
  return name ? (s.objects.StorageClass?.[`StorageClass//${name}`] as StorageClass | undefined) : undefined
}

/**
 * Why a claim is Pending, in the PV controller's words: its class is missing, it waits for
 * a first consumer or for its pods to be scheduled (WaitForFirstConsumer), or for a
 * provisioner or an administrator to create a volume.
 */
function pendingReason(s: ClusterState, claim: PersistentVolumeClaim, users: string[]): string {
  const className = storageClassName(claim)
  const cls = classOf(s, className)
  if (className && !cls) return `storageclass.storage.k8s.io "${className}" not found`
  if (!cls || cls.provisioner === NO_PROVISIONER) {
    if (cls?.volumeBindingMode === 'WaitForFirstConsumer' && users.length === 0) return 'waiting for first consumer to be created before binding'
    return 'waiting for a PersistentVolume that matches'
  }
  if (cls.volumeBindingMode === 'WaitForFirstConsumer') {
    if (users.length === 0) return 'waiting for first consumer to be created before binding'
    const podMap = s.objects.Pod ?? EMPTY
    const unscheduled = users.filter((p) => !(podMap[`Pod/${claim.metadata.namespace}/${p}`] as Pod | undefined)?.spec.nodeName)
    if (unscheduled.length === 1) return `waiting for pod ${unscheduled[0]} to be scheduled`
    if (unscheduled.length > 1) return `waiting for pods ${unscheduled.join(',')} to be scheduled`
  }
  return `waiting for a volume to be created by ${cls.provisioner}`
}

/** The row for the claim at `key`, or null when it is gone. */
export function claimView(s: ClusterState, key: string): ClaimView | null {
  const claim = s.objects.PersistentVolumeClaim?.[key] as PersistentVolumeClaim | undefined
  if (!claim) return null
  const namespace = claim.metadata.namespace ?? ''
  const users = claimUsers(s).get(key) ?? []
  const volumeName = claim.spec.volumeName ?? ''
  const volume = volumeName ? (s.objects.PersistentVolume?.[`PersistentVolume//${volumeName}`] as PersistentVolume | undefined) : undefined
  const phase = claim.metadata.deletionTimestamp ? 'Terminating' : (claim.status?.phase ?? 'Pending')
  const className = storageClassName(claim)
  const bound = phase === 'Bound'
  const waiting =
    phase === 'Pending' ? pendingReason(s, claim, users) : phase === 'Lost' ? (volume ? `volume ${volumeName} is bound to another claim` : `volume ${volumeName} is gone: its data is lost`) : ''
  const request = String(claim.spec.resources?.requests?.storage ?? '')
  const capacity = bound ? (claim.status.capacity?.storage ?? '') : ''
  const accessModes = accessModesString(bound ? claim.status.accessModes : claim.spec.accessModes)
  const where = namespace === 'default' ? '' : ` (namespace ${namespace})`
  const size = capacity || request
  const usedBy = users.length === 0 ? 'used by no pod' : `used by ${users.join(', ')}`
  return {
    name: claim.metadata.name,
    namespace,
    phase,
    request,
    capacity,
    accessModes,
    storageClass: className,
    classKey: classOf(s, className) ? `StorageClass//${className}` : '',
    volume: volumeName,
    volumeKey: volume ? `PersistentVolume//${volumeName}` : '',
    volumePhase: volume?.status?.phase ?? '',
    reclaimPolicy: volume?.spec.persistentVolumeReclaimPolicy ?? '',
    pods: users.join(' '),
    waiting,
    label: `PersistentVolumeClaim ${claim.metadata.name}${where}, ${phase}${waiting ? ` (${waiting})` : ''}: ${size} ${accessModes}${volumeName ? `, volume ${volumeName}` : ''}${className ? `, class ${className}` : ''}, ${usedBy}`,
  }
}

/** Store keys of the volumes no claim row shows (Available, Released, Failed, or their claim gone), by name. */
export function unclaimedVolumeKeys(s: ClusterState): string[] {
  const claims = s.objects.PersistentVolumeClaim ?? EMPTY
  return Object.entries(s.objects.PersistentVolume ?? EMPTY)
    .filter(([, obj]) => {
      const pv = obj as PersistentVolume
      const ref = pv.spec.claimRef
      const claim = ref ? (claims[claimKey(ref.namespace ?? '', ref.name ?? '')] as PersistentVolumeClaim | undefined) : undefined
      return pv.status?.phase !== 'Bound' || claim?.spec.volumeName !== pv.metadata.name
    })
    .map(([key]) => key)
    .sort(byOrdinalName)
}

export function volumeView(s: ClusterState, key: string): VolumeView | null {
  const pv = s.objects.PersistentVolume?.[key] as PersistentVolume | undefined
  if (!pv) return null
  const phase = pv.metadata.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? 'Pending')
  const ref = pv.spec.claimRef
  const claim = ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : ''
  const className = pv.spec.storageClassName ?? ''
  const capacity = String(pv.spec.capacity?.storage ?? '')
  const accessModes = accessModesString(pv.spec.accessModes)
  const reclaimPolicy = pv.spec.persistentVolumeReclaimPolicy ?? ''
  return {
    name: pv.metadata.name,
    phase,
    capacity,
    accessModes,
    reclaimPolicy,
    storageClass: className,
    classKey: classOf(s, className) ? `StorageClass//${className}` : '',
    claim,
    label: `PersistentVolume ${pv.metadata.name}, ${phase}: ${capacity} ${accessModes}, reclaim policy ${reclaimPolicy}${claim ? `, was bound to ${claim}` : ''}${className ? `, class ${className}` : ''}`,
  }
}

export function classKeys(s: ClusterState): string[] {
  return Object.keys(s.objects.StorageClass ?? {}).sort()
}

export function classView(s: ClusterState, key: string): ClassView | null {
  const cls = s.objects.StorageClass?.[key] as StorageClass | undefined
  if (!cls) return null
  const reclaimPolicy = cls.reclaimPolicy ?? 'Delete'
  const bindingMode = cls.volumeBindingMode ?? 'Immediate'
  const isDefault = isDefaultClass(cls)
  return {
    name: cls.metadata.name,
    provisioner: cls.provisioner,
    reclaimPolicy,
    bindingMode,
    isDefault,
    label: `StorageClass ${cls.metadata.name}${isDefault ? ' (default)' : ''}: provisioner ${cls.provisioner}, reclaim policy ${reclaimPolicy}, binding ${bindingMode}`,
  }
}
