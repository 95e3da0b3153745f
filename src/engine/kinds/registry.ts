import { configMapKind } from './configMap.ts'
import { controllerRevisionKind } from './controllerRevision.ts'
import { cronJobKind } from './cronJob.ts'
import { daemonSetKind } from './daemonSet.ts'
import { deploymentKind } from './deployment.ts'
import { eventKind } from './event.ts'
import { jobKind } from './job.ts'
import { limitRangeKind } from './limitRange.ts'
import type { KindModule } from './kindModule.ts'
import { namespaceKind } from './namespace.ts'
import { persistentVolumeClaimKind } from './persistentVolumeClaim.ts'
import { nodeKind } from './node.ts'
import { podKind } from './pod.ts'
import { replicaSetKind } from './replicaSet.ts'
import { resourceQuotaKind } from './resourceQuota.ts'
import { secretKind } from './secret.ts'
import { serviceKind } from './service.ts'
import { statefulSetKind } from './statefulSet.ts'
import { replicationControllerKind } from './replicationController.ts'
import { STORED_KINDS } from './storedKinds.ts'
import { certificateSigningRequestKind } from './certificateSigningRequest.ts'
import { clusterRoleKind } from './clusterRole.ts'
import { clusterRoleBindingKind } from './clusterRoleBinding.ts'
import { csiDriverKind } from './csiDriver.ts'
import { customResourceDefinitionKind } from './customResourceDefinition.ts'
import { endpointSliceKind } from './endpointSlice.ts'
import { endpointsKind } from './endpoints.ts'
import { horizontalPodAutoscalerKind } from './horizontalPodAutoscaler.ts'
import { ingressKind } from './ingress.ts'
import { ingressClassKind } from './ingressClass.ts'
import { leaseKind } from './lease.ts'
import { mutatingWebhookConfigurationKind } from './mutatingWebhookConfiguration.ts'
import { networkPolicyKind } from './networkPolicy.ts'
import { persistentVolumeKind } from './persistentVolume.ts'
import { podDisruptionBudgetKind } from './podDisruptionBudget.ts'
import { podTemplateKind } from './podTemplate.ts'
import { priorityClassKind } from './priorityClass.ts'
import { roleKind } from './role.ts'
import { roleBindingKind } from './roleBinding.ts'
import { runtimeClassKind } from './runtimeClass.ts'
import { serviceAccountKind } from './serviceAccount.ts'
import { storageClassKind } from './storageClass.ts'
import { validatingWebhookConfigurationKind } from './validatingWebhookConfiguration.ts'

/**
 * Every kind the simulated API server serves. Adding a kind: write its module in this
 * folder and list it here (and, if it needs one, add its controller to
 * controllers/registry.ts). Order matters only for kubectl's resolution of ambiguous
 * short names, which checks earlier kinds first.
 */
function registered(): KindModule[] {
  // Built on first use, not at import: kind modules import code that imports this file.
  return (list ??= [
  podKind,
  nodeKind,
  namespaceKind,
  eventKind,
  deploymentKind,
  replicaSetKind,
  daemonSetKind,
  serviceKind,
  configMapKind,
  secretKind,
  statefulSetKind,
  persistentVolumeClaimKind,
  controllerRevisionKind,
  jobKind,
  cronJobKind,
  limitRangeKind,
  resourceQuotaKind,
  serviceAccountKind,
  roleKind,
  clusterRoleKind,
  roleBindingKind,
  clusterRoleBindingKind,
  storageClassKind,
  ingressClassKind,
  priorityClassKind,
  networkPolicyKind,
  podDisruptionBudgetKind,
  persistentVolumeKind,
  leaseKind,
  customResourceDefinitionKind,
  horizontalPodAutoscalerKind,
  ingressKind,
  endpointSliceKind,
  endpointsKind,
  runtimeClassKind,
  csiDriverKind,
  certificateSigningRequestKind,
  mutatingWebhookConfigurationKind,
  validatingWebhookConfigurationKind,
  podTemplateKind,
  replicationControllerKind,
  ...STORED_KINDS,
  ])
}

let list: KindModule[] | undefined
let byKind: Map<string, KindModule> | undefined

/** All kinds, in registration order. */
export function allKinds(): readonly KindModule[] {
  return registered()
}

/** The module of a kind (`Deployment`), or undefined when the server does not serve it. */
export function kindModule(kind: string): KindModule | undefined {
  byKind ??= new Map(registered().map((k) => [k.names.kind, k]))
  return byKind.get(kind)
}
