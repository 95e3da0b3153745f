import type { ApiServer } from '../api/server.ts'
import { ANN_DEFAULT_CLASS, type StorageClass } from './volumeTypes.ts'

/** Rancher's local-path provisioner, kind's default: a directory on the node the pod was scheduled to. */
export const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path'

const LAST_APPLIED =
  '{"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","metadata":{"annotations":{"storageclass.kubernetes.io/is-default-class":"true"},"name":"standard"},"provisioner":"rancher.io/local-path","reclaimPolicy":"Delete","volumeBindingMode":"WaitForFirstConsumer"}\n'

/**
 * kind's default StorageClass `standard`, applied with kubectl when the cluster is made:
 * local-path volumes, created once a pod using the claim is scheduled, deleted with it.
 */
export function installStandardStorageClass(api: ApiServer): void {
  const cls: StorageClass = {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name: 'standard',
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': LAST_APPLIED, [ANN_DEFAULT_CLASS]: 'true' },
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
    },
    provisioner: LOCAL_PATH_PROVISIONER,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  }
  // A fixed uid: the seeded names of everything made later stay as they were before this class existed.
  api.create(cls, { uid: 'c0a8e8a2-5b6d-4f1e-9c3a-7d2b1e4f8a60' })
}
