/**
 * The shapes request bodies are decoded into, as Go structs: each field's JSON type,
 * so strict decoding can word type errors as encoding/json does. Kind modules build
 * their shapes from these pieces.
 */
export type Leaf = 'string' | 'int32' | 'int64' | 'bool' | '[]string' | 'map[string]string' | 'quantities' | 'intOrString' | 'any'
export interface Struct {
  struct: string // Go type, e.g. v1.PodSpec
  fields: Record<string, Field>
  /** Fields not listed are accepted unchecked (a struct kubesim types only in part). */
  open?: boolean
}
export interface List {
  list: Field
}
export type Field = Leaf | Struct | List

export const struct = (name: string, fields: Record<string, Field>): Struct => ({ struct: name, fields })
/** A struct whose listed fields are type-checked and whose other fields pass unchecked. */
export const openStruct = (name: string, fields: Record<string, Field>): Struct => ({ struct: name, fields, open: true })
export const list = (item: Field): List => ({ list: item })

export const objectMeta = struct('v1.ObjectMeta', {
  name: 'string', generateName: 'string', namespace: 'string', labels: 'map[string]string', annotations: 'map[string]string',
  uid: 'string', resourceVersion: 'string', generation: 'int64', creationTimestamp: 'any', deletionTimestamp: 'any',
  deletionGracePeriodSeconds: 'int64', ownerReferences: 'any', finalizers: '[]string', managedFields: 'any', selfLink: 'string',
})

export const probe = struct('v1.Probe', {
  httpGet: 'any', tcpSocket: 'any', exec: 'any', grpc: 'any', initialDelaySeconds: 'int32', periodSeconds: 'int32',
  timeoutSeconds: 'int32', successThreshold: 'int32', failureThreshold: 'int32', terminationGracePeriodSeconds: 'int64',
})

export const envVar = struct('v1.EnvVar', { name: 'string', value: 'string', valueFrom: 'any' })

export const container = struct('v1.Container', {
  name: 'string', image: 'string', command: '[]string', args: '[]string', workingDir: 'string',
  env: list(envVar), envFrom: 'any',
  ports: list(struct('v1.ContainerPort', { name: 'string', containerPort: 'int32', hostPort: 'int32', hostIP: 'string', protocol: 'string' })),
  resources: struct('v1.ResourceRequirements', { requests: 'quantities', limits: 'quantities', claims: 'any' }),
  resizePolicy: 'any', restartPolicy: 'string', restartPolicyRules: 'any',
  volumeMounts: list(openStruct('v1.VolumeMount', { name: 'string', mountPath: 'string', readOnly: 'bool', subPath: 'string' })), volumeDevices: 'any',
  livenessProbe: probe, readinessProbe: probe, startupProbe: probe, lifecycle: 'any',
  terminationMessagePath: 'string', terminationMessagePolicy: 'string', imagePullPolicy: 'string',
  securityContext: 'any', stdin: 'bool', stdinOnce: 'bool', tty: 'bool',
})

export const podSpec = struct('v1.PodSpec', {
  containers: list(container), initContainers: list(container), ephemeralContainers: 'any',
  volumes: list(openStruct('v1.Volume', { name: 'string' })), restartPolicy: 'string', terminationGracePeriodSeconds: 'int64', activeDeadlineSeconds: 'int64',
  dnsPolicy: 'string', dnsConfig: 'any', nodeSelector: 'map[string]string', serviceAccountName: 'string', serviceAccount: 'string',
  automountServiceAccountToken: 'bool', nodeName: 'string', hostNetwork: 'bool', hostPID: 'bool', hostIPC: 'bool',
  shareProcessNamespace: 'bool', securityContext: 'any', imagePullSecrets: 'any', hostname: 'string', subdomain: 'string',
  affinity: 'any', schedulerName: 'string',
  tolerations: list(struct('v1.Toleration', { key: 'string', operator: 'string', value: 'string', effect: 'string', tolerationSeconds: 'int64' })),
  hostAliases: 'any', priorityClassName: 'string', priority: 'int32', readinessGates: 'any', runtimeClassName: 'string',
  enableServiceLinks: 'bool', preemptionPolicy: 'string', overhead: 'any', topologySpreadConstraints: 'any',
  setHostnameAsFQDN: 'bool', os: 'any', hostUsers: 'bool', schedulingGates: 'any', resourceClaims: 'any', resources: 'any',
})

export const template = struct('v1.PodTemplateSpec', { metadata: objectMeta, spec: podSpec })
export const labelSelector = struct('v1.LabelSelector', { matchLabels: 'map[string]string', matchExpressions: 'any' })

/** A top-level object: apiVersion, kind, metadata, its spec, and a status the server ignores. */
export const topLevel = (goType: string, fields: Record<string, Field>): Struct =>
  struct(goType, { apiVersion: 'string', kind: 'string', metadata: objectMeta, status: 'any', ...fields })

export const podShape = topLevel('v1.Pod', { spec: podSpec })

export const deploymentShape = topLevel('v1.Deployment', {
  spec: struct('v1.DeploymentSpec', {
    replicas: 'int32', selector: labelSelector, template,
    strategy: struct('v1.DeploymentStrategy', {
      type: 'string',
      rollingUpdate: struct('v1.RollingUpdateDeployment', { maxSurge: 'intOrString', maxUnavailable: 'intOrString' }),
    }),
    minReadySeconds: 'int32', revisionHistoryLimit: 'int32', paused: 'bool', progressDeadlineSeconds: 'int32',
  }),
})

export const replicaSetShape = topLevel('v1.ReplicaSet', {
  spec: struct('v1.ReplicaSetSpec', { replicas: 'int32', selector: labelSelector, template, minReadySeconds: 'int32' }),
})

export const daemonSetShape = topLevel('v1.DaemonSet', {
  spec: struct('v1.DaemonSetSpec', {
    selector: labelSelector, template,
    updateStrategy: struct('v1.DaemonSetUpdateStrategy', {
      type: 'string',
      rollingUpdate: struct('v1.RollingUpdateDaemonSet', { maxSurge: 'intOrString', maxUnavailable: 'intOrString' }),
    }),
    minReadySeconds: 'int32', revisionHistoryLimit: 'int32',
  }),
})

export const controllerRevisionShape = topLevel('v1.ControllerRevision', { data: 'any', revision: 'int64' })

/** The shape a kind without one of its own is decoded into: typed metadata, an object spec, the rest unchecked. */
export const looseShape = (kind: string): Struct =>
  openStruct(`v1.${kind}`, { apiVersion: 'string', kind: 'string', metadata: objectMeta, spec: openStruct(`v1.${kind}Spec`, {}) })
