/**
 * The API's resource catalogue: which kinds exist, their group, plural and short
 * names, whether they are namespaced, and whether the engine simulates them or only
 * stores them. kubectl uses it to resolve `deploy`, `rs`, `po` and to print
 * `deployment.apps/web`.
 */
export interface ResourceType {
  kind: string
  group: string // '' for the core group
  version: string
  plural: string
  singular: string
  shortNames: string[]
  namespaced: boolean
  /** Controllers and the kubelet act on it (otherwise it is only stored). */
  simulated: boolean
  /** Other apiVersions the API server also serves this kind under. */
  alsoServedAs?: string[]
}

const t = (
  kind: string,
  group: string,
  version: string,
  plural: string,
  shortNames: string[],
  namespaced: boolean,
  simulated: boolean,
): ResourceType => ({ kind, group, version, plural, singular: kind.toLowerCase(), shortNames, namespaced, simulated })

export const RESOURCE_TYPES: ResourceType[] = [
  t('Pod', '', 'v1', 'pods', ['po'], true, true),
  t('Node', '', 'v1', 'nodes', ['no'], false, true),
  t('Namespace', '', 'v1', 'namespaces', ['ns'], false, true),
  t('Event', '', 'v1', 'events', ['ev'], true, true),
  t('Deployment', 'apps', 'v1', 'deployments', ['deploy'], true, true),
  t('ReplicaSet', 'apps', 'v1', 'replicasets', ['rs'], true, true),
  t('Service', '', 'v1', 'services', ['svc'], true, false),
  t('Endpoints', '', 'v1', 'endpoints', ['ep'], true, false),
  t('ConfigMap', '', 'v1', 'configmaps', ['cm'], true, false),
  t('Secret', '', 'v1', 'secrets', [], true, false),
  t('ServiceAccount', '', 'v1', 'serviceaccounts', ['sa'], true, false),
  t('PersistentVolumeClaim', '', 'v1', 'persistentvolumeclaims', ['pvc'], true, false),
  t('PersistentVolume', '', 'v1', 'persistentvolumes', ['pv'], false, false),
  t('ReplicationController', '', 'v1', 'replicationcontrollers', ['rc'], true, false),
  t('LimitRange', '', 'v1', 'limitranges', ['limits'], true, false),
  t('ResourceQuota', '', 'v1', 'resourcequotas', ['quota'], true, false),
  t('DaemonSet', 'apps', 'v1', 'daemonsets', ['ds'], true, false),
  t('StatefulSet', 'apps', 'v1', 'statefulsets', ['sts'], true, false),
  t('ControllerRevision', 'apps', 'v1', 'controllerrevisions', [], true, false),
  t('Job', 'batch', 'v1', 'jobs', [], true, false),
  t('CronJob', 'batch', 'v1', 'cronjobs', ['cj'], true, false),
  { ...t('HorizontalPodAutoscaler', 'autoscaling', 'v2', 'horizontalpodautoscalers', ['hpa'], true, false), alsoServedAs: ['autoscaling/v1'] },
  t('Ingress', 'networking.k8s.io', 'v1', 'ingresses', ['ing'], true, false),
  t('IngressClass', 'networking.k8s.io', 'v1', 'ingressclasses', [], false, false),
  t('NetworkPolicy', 'networking.k8s.io', 'v1', 'networkpolicies', ['netpol'], true, false),
  t('EndpointSlice', 'discovery.k8s.io', 'v1', 'endpointslices', [], true, false),
  t('PodDisruptionBudget', 'policy', 'v1', 'poddisruptionbudgets', ['pdb'], true, false),
  t('StorageClass', 'storage.k8s.io', 'v1', 'storageclasses', ['sc'], false, false),
  t('PriorityClass', 'scheduling.k8s.io', 'v1', 'priorityclasses', ['pc'], false, false),
  t('Role', 'rbac.authorization.k8s.io', 'v1', 'roles', [], true, false),
  t('RoleBinding', 'rbac.authorization.k8s.io', 'v1', 'rolebindings', [], true, false),
  t('ClusterRole', 'rbac.authorization.k8s.io', 'v1', 'clusterroles', [], false, false),
  t('ClusterRoleBinding', 'rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', [], false, false),
  t('CustomResourceDefinition', 'apiextensions.k8s.io', 'v1', 'customresourcedefinitions', ['crd', 'crds'], false, false),
  t('ValidatingAdmissionPolicy', 'admissionregistration.k8s.io', 'v1', 'validatingadmissionpolicies', [], false, false),
  t('ValidatingAdmissionPolicyBinding', 'admissionregistration.k8s.io', 'v1', 'validatingadmissionpolicybindings', [], false, false),
  t('Lease', 'coordination.k8s.io', 'v1', 'leases', [], true, false),
  t('CSIDriver', 'storage.k8s.io', 'v1', 'csidrivers', [], false, false),
  t('VolumeAttributesClass', 'storage.k8s.io', 'v1', 'volumeattributesclasses', ['vac'], false, false),
  t('RuntimeClass', 'node.k8s.io', 'v1', 'runtimeclasses', [], false, false),
  t('PodTemplate', '', 'v1', 'podtemplates', [], true, false),
  t('MutatingWebhookConfiguration', 'admissionregistration.k8s.io', 'v1', 'mutatingwebhookconfigurations', [], false, false),
  t('ValidatingWebhookConfiguration', 'admissionregistration.k8s.io', 'v1', 'validatingwebhookconfigurations', [], false, false),
  t('FlowSchema', 'flowcontrol.apiserver.k8s.io', 'v1', 'flowschemas', [], false, false),
  t('PriorityLevelConfiguration', 'flowcontrol.apiserver.k8s.io', 'v1', 'prioritylevelconfigurations', [], false, false),
  t('DeviceClass', 'resource.k8s.io', 'v1', 'deviceclasses', [], false, false),
  t('ResourceClaim', 'resource.k8s.io', 'v1', 'resourceclaims', [], true, false),
  t('ResourceClaimTemplate', 'resource.k8s.io', 'v1', 'resourceclaimtemplates', [], true, false),
  t('ResourceSlice', 'resource.k8s.io', 'v1', 'resourceslices', [], false, false),
  t('CertificateSigningRequest', 'certificates.k8s.io', 'v1', 'certificatesigningrequests', ['csr'], false, false),
]

const byKind = new Map(RESOURCE_TYPES.map((r) => [r.kind, r]))

/** `deployment.apps`, `pod`: the prefix kubectl prints in `deployment.apps/web created`. */
export function qualifiedSingular(r: ResourceType): string {
  return r.group ? `${r.singular}.${r.group}` : r.singular
}

/** `deployments.apps`, `pods`: the name used in API errors (`deployments.apps "web" not found`). */
export function qualifiedPlural(r: ResourceType): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural
}

export function apiVersionOf(r: ResourceType): string {
  return r.group ? `${r.group}/${r.version}` : r.version
}

export function resourceForKind(kind: string): ResourceType | undefined {
  return byKind.get(kind)
}

/**
 * Resolves what a user typed on the command line (`po`, `pods`, `deployment.apps`,
 * `Deployment`) the way kubectl's RESTMapper does.
 */
export function resolveResourceName(typed: string): ResourceType | undefined {
  const lower = typed.toLowerCase()
  const [name, ...groupParts] = lower.split('.')
  const group = groupParts.join('.')
  return RESOURCE_TYPES.find(
    (r) =>
      (group === '' || r.group === group) &&
      (r.plural === name || r.singular === name || r.shortNames.includes(name)),
  )
}

/** Resolves `apiVersion` + `kind` from a manifest; undefined means "no matches for kind". */
export function resourceForManifest(apiVersion: string, kind: string): ResourceType | undefined {
  const r = byKind.get(kind)
  if (!r) return undefined
  return apiVersionOf(r) === apiVersion || r.alsoServedAs?.includes(apiVersion) ? r : undefined
}
