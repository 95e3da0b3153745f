import type { ApiStore } from '../../api/store.ts'
import type { KubeObject, Pod, Volume } from '../../api/types.ts'

/**
 * The kubelet's volume manager turns a pod's persistentVolumeClaim volume into the
 * PersistentVolume it is bound to (desired_state_of_world_populator getPVCExtractPV).
 * Until the claim is Bound the volume cannot be processed, with these messages.
 */
export function claimedVolume(volume: Volume, pod: Pod, store: ApiStore): { pvName: string } | { error: string } | undefined {
  const source = volume.persistentVolumeClaim as { claimName?: string } | undefined
  if (!source) return undefined
  const namespace = pod.metadata.namespace ?? 'default'
  const name = source.claimName ?? ''
  const prefix = `error processing PVC ${namespace}/${name}`
  const claim = store.get<KubeObject & { spec?: { volumeName?: string }; status?: { phase?: string } }>('PersistentVolumeClaim', namespace, name)
  if (!claim) return { error: `${prefix}: failed to fetch PVC from API server: persistentvolumeclaims "${name}" not found` }
  if (claim.status?.phase !== 'Bound' || !claim.spec?.volumeName) return { error: `${prefix}: PVC is not bound` }
  return { pvName: claim.spec.volumeName }
}

/**
 * The FailedMount event of a pod whose claims cannot be processed (volume_manager.go
 * WaitForAttachAndMount, through kubelet.go's "Unable to attach or mount volumes").
 */
export function unprocessedClaimsMessage(failures: { volume: string; error: string }[]): string {
  const names = failures.map((f) => f.volume).sort()
  return `Unable to attach or mount volumes: unmounted volumes=[${names.join(' ')}], unattached volumes=[], failed to process volumes=[${names.join(' ')}]: ${failures.map((f) => f.error).join('; ')}`
}

const stores = new WeakMap<ApiStore, Map<string, unknown>>()

/** Data that lives with a PersistentVolume, not a pod or node: one map per cluster (its store). */
export function persistentVolumeData<T>(store: ApiStore, pvName: string, create: () => T): T {
  let byName = stores.get(store)
  if (!byName) stores.set(store, (byName = new Map()))
  if (!byName.has(pvName)) byName.set(pvName, create())
  return byName.get(pvName) as T
}
