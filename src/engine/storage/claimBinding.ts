import type { ApiStore } from '../api/store.ts'
import type { PersistentVolumeClaim } from '../api/types.ts'
import { type StorageClass, storageClassName } from './volumeTypes.ts'

/** The class a claim names, if it exists. */
export function classOfClaim(store: ApiStore, claim: PersistentVolumeClaim): StorageClass | undefined {
  const name = storageClassName(claim)
  return name ? store.get<StorageClass>('StorageClass', undefined, name) : undefined
}

/**
 * IsDelayBindingMode: the claim's class waits for a pod to be scheduled before binding.
 * A missing class or no class binds at once.
 */
export function delaysBinding(store: ApiStore, claim: PersistentVolumeClaim): boolean {
  return classOfClaim(store, claim)?.volumeBindingMode === 'WaitForFirstConsumer'
}

/** The claim names a volume and the PV controller has completed the binding. */
export function isClaimBound(claim: PersistentVolumeClaim): boolean {
  return !!claim.spec.volumeName && claim.status?.phase === 'Bound'
}

/** The claims a pod's volumes name (persistentVolumeClaim volumes; ephemeral volumes are not simulated). */
export function podClaimNames(pod: { spec: { volumes?: unknown } }): string[] {
  const volumes = (pod.spec.volumes as { persistentVolumeClaim?: { claimName?: string } }[] | undefined) ?? []
  return volumes.flatMap((v) => (v.persistentVolumeClaim?.claimName ? [v.persistentVolumeClaim.claimName] : []))
}
