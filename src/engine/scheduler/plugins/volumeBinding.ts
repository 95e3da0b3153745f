import type { ApiStore } from '../../api/store.ts'
import type { KubeObject, PersistentVolumeClaim, Pod } from '../../api/types.ts'
import type { PreFilterPlugin } from '../plugin.ts'
import { unfit } from '../plugin.ts'

/** The claims a pod's volumes name (persistentVolumeClaim volumes only; ephemeral volumes are not simulated). */
function claimNames(pod: Pod): string[] {
  const volumes = (pod.spec.volumes as { persistentVolumeClaim?: { claimName?: string } }[] | undefined) ?? []
  return volumes.flatMap((v) => (v.persistentVolumeClaim?.claimName ? [v.persistentVolumeClaim.claimName] : []))
}

/** The claim waits for a pod to be scheduled before binding (its class is WaitForFirstConsumer). */
function delaysBinding(store: ApiStore, claim: PersistentVolumeClaim): boolean {
  const className = claim.spec.storageClassName
  if (!className) return false
  const cls = store.get<KubeObject & { volumeBindingMode?: string }>('StorageClass', undefined, className)
  return cls?.volumeBindingMode === 'WaitForFirstConsumer'
}

/**
 * VolumeBinding's PreFilter: every claim the pod uses must exist and not be going away,
 * and a claim with immediate binding must already be bound. Both failures are
 * UnschedulableAndUnresolvable (preemption cannot help). Claims that wait for their first
 * consumer would be provisioned for the chosen node; kubesim has no provisioner yet, so
 * they find no volume, as with a class that has none.
 */
export const volumeBinding: PreFilterPlugin = {
  name: 'VolumeBinding',
  preFilter(pod, store) {
    let unboundImmediate = false
    let unboundDelayed = false
    for (const name of claimNames(pod)) {
      const claim = store.get<PersistentVolumeClaim>('PersistentVolumeClaim', pod.metadata.namespace, name)
      if (!claim) return unfit(`persistentvolumeclaim "${name}" not found`, true)
      if (claim.metadata.deletionTimestamp) return unfit(`persistentvolumeclaim "${name}" is being deleted`, true)
      if (claim.status.phase === 'Bound' && claim.spec.volumeName) continue
      if (delaysBinding(store, claim)) unboundDelayed = true
      else unboundImmediate = true
    }
    if (unboundImmediate) return unfit('pod has unbound immediate PersistentVolumeClaims', true)
    if (unboundDelayed) return { reasons: ["node(s) didn't find available persistent volumes to bind"], unresolvable: true, perNode: true }
    return null
  },
}
