import type { KubeObject } from '../api/types.ts'

/** A node selector term as a PersistentVolume's nodeAffinity and a StorageClass's allowedTopologies hold it. */
export interface NodeSelectorTerm {
  matchExpressions?: { key: string; operator: string; values?: string[] }[]
  matchFields?: { key: string; operator: string; values?: string[] }[]
}

export interface ObjectReference {
  kind?: string
  namespace?: string
  name?: string
  uid?: string
  apiVersion?: string
  resourceVersion?: string
}

export interface PersistentVolumeSpec {
  capacity?: Record<string, string | number>
  accessModes?: string[]
  persistentVolumeReclaimPolicy?: 'Retain' | 'Delete' | 'Recycle'
  claimRef?: ObjectReference
  storageClassName?: string
  volumeMode?: string
  nodeAffinity?: { required?: { nodeSelectorTerms?: NodeSelectorTerm[] } }
  hostPath?: { path: string; type?: string }
  [source: string]: unknown
}

export interface PersistentVolumeStatus {
  phase?: 'Pending' | 'Available' | 'Bound' | 'Released' | 'Failed'
  message?: string
  reason?: string
  lastPhaseTransitionTime?: string
}

export interface PersistentVolume extends KubeObject {
  kind: 'PersistentVolume'
  spec: PersistentVolumeSpec
  status: PersistentVolumeStatus
}

export interface StorageClass extends KubeObject {
  kind: 'StorageClass'
  provisioner: string
  reclaimPolicy?: 'Retain' | 'Delete'
  volumeBindingMode?: 'Immediate' | 'WaitForFirstConsumer'
  allowedTopologies?: { matchLabelExpressions?: { key: string; values: string[] }[] }[]
  parameters?: Record<string, string>
}

/** The annotations the PV controller, the scheduler and provisioners talk through (pkg/controller/volume/persistentvolume/util). */
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed'
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller'
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node'
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner'
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner'
export const ANN_PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by'
export const ANN_DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class'
export const ANN_BETA_DEFAULT_CLASS = 'storageclass.beta.kubernetes.io/is-default-class'
const ANN_BETA_CLASS = 'volume.beta.kubernetes.io/storage-class'

/** The finalizers StorageObjectInUseProtection puts on every claim and volume. */
export const PVC_PROTECTION = 'kubernetes.io/pvc-protection'
export const PV_PROTECTION = 'kubernetes.io/pv-protection'

/** The provisioner name that provisions nothing: static local volumes with delayed binding. */
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner'

/** GetPersistentVolumeClaimClass / GetPersistentVolumeClass: the beta annotation wins over storageClassName; "" is no class. */
export function storageClassName(obj: KubeObject): string {
  return obj.metadata.annotations?.[ANN_BETA_CLASS] ?? (obj.spec as { storageClassName?: string } | undefined)?.storageClassName ?? ''
}

export function isDefaultClass(cls: KubeObject): boolean {
  const a = cls.metadata.annotations
  return a?.[ANN_DEFAULT_CLASS] === 'true' || a?.[ANN_BETA_DEFAULT_CLASS] === 'true'
}
