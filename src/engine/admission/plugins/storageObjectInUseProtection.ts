import { PV_PROTECTION, PVC_PROTECTION } from '../../storage/volumeTypes.ts'
import type { AdmissionPlugin } from './plugin.ts'

/**
 * StorageObjectInUseProtection (plugin/pkg/admission/storage/storageobjectinuseprotection):
 * every new claim gets the `kubernetes.io/pvc-protection` finalizer and every new volume
 * `kubernetes.io/pv-protection`, so neither goes while a pod or a claim still uses it.
 */
export const storageObjectInUseProtection: AdmissionPlugin = {
  name: 'StorageObjectInUseProtection',
  admit(a) {
    if (a.operation !== 'CREATE') return
    const finalizer = a.obj.kind === 'PersistentVolumeClaim' ? PVC_PROTECTION : a.obj.kind === 'PersistentVolume' ? PV_PROTECTION : undefined
    if (!finalizer) return
    const finalizers = a.obj.metadata.finalizers ?? []
    if (!finalizers.includes(finalizer)) a.obj.metadata.finalizers = [...finalizers, finalizer]
  },
}
