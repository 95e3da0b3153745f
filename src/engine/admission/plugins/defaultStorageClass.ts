import type { PersistentVolumeClaim } from '../../api/types.ts'
import { isDefaultClass, type StorageClass } from '../../storage/volumeTypes.ts'
import type { AdmissionPlugin } from './plugin.ts'

const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class'

/**
 * DefaultStorageClass (plugin/pkg/admission/storage/storageclass/setdefault): a new claim
 * that names no class (storageClassName absent, not `""`) gets the class annotated
 * `storageclass.kubernetes.io/is-default-class: "true"`; with several, the newest (then
 * by name). Without a default class the claim keeps none.
 */
export const defaultStorageClass: AdmissionPlugin = {
  name: 'DefaultStorageClass',
  admit(a) {
    if (a.operation !== 'CREATE' || a.obj.kind !== 'PersistentVolumeClaim') return
    const claim = a.obj as PersistentVolumeClaim
    if (claim.spec?.storageClassName !== undefined || claim.metadata.annotations?.[BETA_CLASS_ANNOTATION] !== undefined) return
    const defaults = a.store
      .list<StorageClass>('StorageClass')
      .filter(isDefaultClass)
      .sort((x, y) => (x.metadata.creationTimestamp !== y.metadata.creationTimestamp ? (x.metadata.creationTimestamp < y.metadata.creationTimestamp ? 1 : -1) : x.metadata.name < y.metadata.name ? -1 : 1))
    if (defaults.length > 0) claim.spec.storageClassName = defaults[0].metadata.name
  },
}
