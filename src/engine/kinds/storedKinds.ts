import { defineKind, type KindModule, type ResourceNames } from './kindModule.ts'

/**
 * Kinds kubesim stores and lists (NAME, AGE) with nothing more of their own yet. Those a
 * real cluster would act on (`simulated: false`) make apply warn that kubesim does not.
 * A kind that grows a table, a describer or a controller moves to a module of its own.
 */
const stored = (kind: string, group: string, version: string, plural: string, shortNames: string[], namespaced: boolean, simulated: boolean, extra: Partial<ResourceNames> = {}): KindModule =>
  defineKind({ names: { kind, group, version, plural, singular: kind.toLowerCase(), shortNames, namespaced, ...extra }, simulated })

export const STORED_KINDS: KindModule[] = [
  stored('Endpoints', '', 'v1', 'endpoints', ['ep'], true, false),
  stored('PersistentVolumeClaim', '', 'v1', 'persistentvolumeclaims', ['pvc'], true, false),
  stored('PersistentVolume', '', 'v1', 'persistentvolumes', ['pv'], false, false),
  stored('LimitRange', '', 'v1', 'limitranges', ['limits'], true, false),
  stored('ResourceQuota', '', 'v1', 'resourcequotas', ['quota'], true, false),
  stored('PodTemplate', '', 'v1', 'podtemplates', [], true, true),
  stored('DaemonSet', 'apps', 'v1', 'daemonsets', ['ds'], true, false),
  stored('StatefulSet', 'apps', 'v1', 'statefulsets', ['sts'], true, false),
  stored('ControllerRevision', 'apps', 'v1', 'controllerrevisions', [], true, true),
  stored('Job', 'batch', 'v1', 'jobs', [], true, false),
  stored('CronJob', 'batch', 'v1', 'cronjobs', ['cj'], true, false),
  stored('HorizontalPodAutoscaler', 'autoscaling', 'v2', 'horizontalpodautoscalers', ['hpa'], true, false, { alsoServedAs: ['autoscaling/v1'] }),
  stored('Ingress', 'networking.k8s.io', 'v1', 'ingresses', ['ing'], true, false),
  stored('IngressClass', 'networking.k8s.io', 'v1', 'ingressclasses', [], false, true),
  stored('NetworkPolicy', 'networking.k8s.io', 'v1', 'networkpolicies', ['netpol'], true, true),
  stored('EndpointSlice', 'discovery.k8s.io', 'v1', 'endpointslices', [], true, false),
  stored('PodDisruptionBudget', 'policy', 'v1', 'poddisruptionbudgets', ['pdb'], true, false),
  stored('StorageClass', 'storage.k8s.io', 'v1', 'storageclasses', ['sc'], false, true),
  stored('PriorityClass', 'scheduling.k8s.io', 'v1', 'priorityclasses', ['pc'], false, true),
  stored('Role', 'rbac.authorization.k8s.io', 'v1', 'roles', [], true, true),
  stored('RoleBinding', 'rbac.authorization.k8s.io', 'v1', 'rolebindings', [], true, true),
  stored('ClusterRole', 'rbac.authorization.k8s.io', 'v1', 'clusterroles', [], false, true),
  stored('ClusterRoleBinding', 'rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', [], false, true),
  stored('CustomResourceDefinition', 'apiextensions.k8s.io', 'v1', 'customresourcedefinitions', ['crd', 'crds'], false, false),
  stored('ValidatingAdmissionPolicy', 'admissionregistration.k8s.io', 'v1', 'validatingadmissionpolicies', [], false, false),
  stored('ValidatingAdmissionPolicyBinding', 'admissionregistration.k8s.io', 'v1', 'validatingadmissionpolicybindings', [], false, false),
  stored('Lease', 'coordination.k8s.io', 'v1', 'leases', [], true, true),
  stored('CSIDriver', 'storage.k8s.io', 'v1', 'csidrivers', [], false, true),
  stored('VolumeAttributesClass', 'storage.k8s.io', 'v1', 'volumeattributesclasses', ['vac'], false, true),
  stored('RuntimeClass', 'node.k8s.io', 'v1', 'runtimeclasses', [], false, true),
  stored('MutatingWebhookConfiguration', 'admissionregistration.k8s.io', 'v1', 'mutatingwebhookconfigurations', [], false, false),
  stored('ValidatingWebhookConfiguration', 'admissionregistration.k8s.io', 'v1', 'validatingwebhookconfigurations', [], false, false),
  stored('FlowSchema', 'flowcontrol.apiserver.k8s.io', 'v1', 'flowschemas', [], false, true),
  stored('PriorityLevelConfiguration', 'flowcontrol.apiserver.k8s.io', 'v1', 'prioritylevelconfigurations', [], false, true),
  stored('DeviceClass', 'resource.k8s.io', 'v1', 'deviceclasses', [], false, false),
  stored('ResourceClaim', 'resource.k8s.io', 'v1', 'resourceclaims', [], true, false),
  stored('ResourceClaimTemplate', 'resource.k8s.io', 'v1', 'resourceclaimtemplates', [], true, false),
  stored('ResourceSlice', 'resource.k8s.io', 'v1', 'resourceslices', [], false, false),
  stored('CertificateSigningRequest', 'certificates.k8s.io', 'v1', 'certificatesigningrequests', ['csr'], false, false),
]
