// The kinds the editor knows for completion and hover, and `kubectl explain` reads.
// Generated into src/engine/schema/k8sSchema.json by `npm run schema` (ts-json-schema-generator).
import type {
  ConfigMap,
  LimitRange,
  Namespace,
  Node,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  ReplicationController,
  ResourceQuota,
  Secret,
  Service,
  ServiceAccount,
} from 'kubernetes-types/core/v1'
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1'
import type { CronJob, Job } from 'kubernetes-types/batch/v1'
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2'
import type { Ingress, NetworkPolicy } from 'kubernetes-types/networking/v1'
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1'
import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from 'kubernetes-types/rbac/v1'
import type { StorageClass } from 'kubernetes-types/storage/v1'

export type K8sResource =
  | Pod
  | Service
  | ConfigMap
  | Secret
  | Namespace
  | Deployment
  | ReplicaSet
  | DaemonSet
  | StatefulSet
  | Job
  | CronJob
  | Node
  | PersistentVolume
  | PersistentVolumeClaim
  | ReplicationController
  | ResourceQuota
  | LimitRange
  | ServiceAccount
  | HorizontalPodAutoscaler
  | Ingress
  | NetworkPolicy
  | PodDisruptionBudget
  | Role
  | RoleBinding
  | ClusterRole
  | ClusterRoleBinding
  | StorageClass
