// The kinds the editor knows for completion and hover. Generated into
// src/engine/schema/k8sSchema.json by `npm run schema` (ts-json-schema-generator).
import type { ConfigMap, Namespace, Pod, Secret, Service } from 'kubernetes-types/core/v1'
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1'
import type { CronJob, Job } from 'kubernetes-types/batch/v1'

export type K8sResource = Pod | Service | ConfigMap | Secret | Namespace | Deployment | ReplicaSet | DaemonSet | StatefulSet | Job | CronJob
