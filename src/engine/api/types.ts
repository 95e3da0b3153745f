/**
 * The shapes of the Kubernetes objects the engine simulates. They follow the real API
 * field names so that YAML from the docs maps straight onto them; only the fields the
 * simulation reads are typed, the rest is kept as it came.
 */
export interface OwnerReference {
  apiVersion: string
  kind: string
  name: string
  uid: string
  controller?: boolean
  blockOwnerDeletion?: boolean
}

export interface ObjectMeta {
  name: string
  namespace?: string
  uid: string
  resourceVersion: string
  generation?: number
  creationTimestamp: string
  generateName?: string
  labels?: Record<string, string>
  annotations?: Record<string, string>
  ownerReferences?: OwnerReference[]
  deletionTimestamp?: string
  deletionGracePeriodSeconds?: number
  finalizers?: string[]
}

export interface KubeObject {
  apiVersion: string
  kind: string
  metadata: ObjectMeta
  spec?: unknown
  status?: unknown
  [field: string]: unknown
}

export interface LabelSelectorRequirement {
  key: string
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'
  values?: string[]
}

export interface LabelSelector {
  matchLabels?: Record<string, string>
  matchExpressions?: LabelSelectorRequirement[]
}

export interface Toleration {
  key?: string
  operator?: 'Exists' | 'Equal'
  value?: string
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' | ''
  tolerationSeconds?: number
}

export interface Taint {
  key: string
  value?: string
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute'
  timeAdded?: string
}

export interface ResourceRequirements {
  requests?: Record<string, string | number>
  limits?: Record<string, string | number>
}

export interface ContainerPort {
  name?: string
  containerPort: number
  hostPort?: number
  protocol?: string
}

export interface EnvVar {
  name: string
  value?: string
  valueFrom?: unknown
}

export interface Container {
  name: string
  image: string
  command?: string[]
  args?: string[]
  ports?: ContainerPort[]
  env?: EnvVar[]
  resources?: ResourceRequirements
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never'
  terminationMessagePath?: string
  terminationMessagePolicy?: string
  [field: string]: unknown
}

export interface PodSpec {
  containers: Container[]
  initContainers?: Container[]
  restartPolicy?: 'Always' | 'OnFailure' | 'Never'
  nodeName?: string
  nodeSelector?: Record<string, string>
  tolerations?: Toleration[]
  terminationGracePeriodSeconds?: number
  schedulerName?: string
  priority?: number
  serviceAccountName?: string
  dnsPolicy?: string
  securityContext?: unknown
  volumes?: Volume[]
  [field: string]: unknown
}

/** A pod volume: its name and one source (configMap, secret, persistentVolumeClaim, emptyDir, …). */
export interface Volume {
  name: string
  [source: string]: unknown
}

export interface ContainerStateWaiting {
  reason: string
  message?: string
}
export interface ContainerStateRunning {
  startedAt: string
}
export interface ContainerStateTerminated {
  exitCode: number
  reason: string
  message?: string
  startedAt: string
  finishedAt: string
  containerID?: string
  signal?: number
}
export interface ContainerState {
  waiting?: ContainerStateWaiting
  running?: ContainerStateRunning
  terminated?: ContainerStateTerminated
}

export interface ContainerStatus {
  name: string
  image: string
  imageID: string
  containerID?: string
  ready: boolean
  started: boolean
  restartCount: number
  state: ContainerState
  lastState: ContainerState
}

export interface PodCondition {
  type: string
  status: 'True' | 'False' | 'Unknown'
  reason?: string
  message?: string
  lastProbeTime: string | null
  lastTransitionTime: string
}

export interface PodStatus {
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown'
  conditions?: PodCondition[]
  hostIP?: string
  podIP?: string
  podIPs?: { ip: string }[]
  startTime?: string
  containerStatuses?: ContainerStatus[]
  initContainerStatuses?: ContainerStatus[]
  qosClass?: 'Guaranteed' | 'Burstable' | 'BestEffort'
  reason?: string
  message?: string
  /** The node a preemption freed for this pending pod. */
  nominatedNodeName?: string
}

export interface Pod extends KubeObject {
  kind: 'Pod'
  spec: PodSpec
  status: PodStatus
}

export interface PodTemplateSpec {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string>; name?: string }
  spec: PodSpec
}

export interface RollingUpdateDeployment {
  maxSurge?: number | string
  maxUnavailable?: number | string
}

export interface DeploymentSpec {
  replicas: number
  selector: LabelSelector
  template: PodTemplateSpec
  strategy: { type: 'RollingUpdate' | 'Recreate'; rollingUpdate?: RollingUpdateDeployment }
  minReadySeconds?: number
  revisionHistoryLimit?: number
  progressDeadlineSeconds?: number
  paused?: boolean
}

export interface WorkloadCondition {
  type: string
  status: 'True' | 'False' | 'Unknown'
  reason?: string
  message?: string
  lastUpdateTime?: string
  lastTransitionTime: string
}

export interface DeploymentStatus {
  observedGeneration?: number
  replicas?: number
  updatedReplicas?: number
  readyReplicas?: number
  availableReplicas?: number
  unavailableReplicas?: number
  conditions?: WorkloadCondition[]
  collisionCount?: number
}

export interface Deployment extends KubeObject {
  kind: 'Deployment'
  spec: DeploymentSpec
  status: DeploymentStatus
}

export interface ReplicaSetSpec {
  replicas: number
  selector: LabelSelector
  template: PodTemplateSpec
  minReadySeconds?: number
}

export interface ReplicaSetStatus {
  replicas: number
  fullyLabeledReplicas?: number
  readyReplicas?: number
  availableReplicas?: number
  observedGeneration?: number
}

export interface ReplicaSet extends KubeObject {
  kind: 'ReplicaSet'
  spec: ReplicaSetSpec
  status: ReplicaSetStatus
}

export interface NodeCondition {
  type: string
  status: 'True' | 'False' | 'Unknown'
  reason: string
  message: string
  lastHeartbeatTime: string
  lastTransitionTime: string
}

export interface Node extends KubeObject {
  kind: 'Node'
  spec: { unschedulable?: boolean; taints?: Taint[]; podCIDR?: string }
  status: {
    capacity: Record<string, string>
    allocatable: Record<string, string>
    conditions: NodeCondition[]
    addresses: { type: string; address: string }[]
    nodeInfo: Record<string, string>
    images?: { names: string[]; sizeBytes: number }[]
  }
}

export interface KubeEvent extends KubeObject {
  kind: 'Event'
  involvedObject: {
    kind: string
    namespace?: string
    name: string
    uid: string
    apiVersion: string
    fieldPath?: string
  }
  reason: string
  message: string
  source: { component: string; host?: string }
  firstTimestamp: string
  lastTimestamp: string
  count: number
  type: 'Normal' | 'Warning'
}

export interface PersistentVolumeClaimSpec {
  accessModes?: string[]
  selector?: LabelSelector
  resources?: ResourceRequirements
  volumeName?: string
  storageClassName?: string
  volumeMode?: string
  volumeAttributesClassName?: string
  [field: string]: unknown
}

export interface PersistentVolumeClaimStatus {
  phase?: 'Pending' | 'Bound' | 'Lost'
  accessModes?: string[]
  capacity?: Record<string, string>
  [field: string]: unknown
}

export interface PersistentVolumeClaim extends KubeObject {
  kind: 'PersistentVolumeClaim'
  spec: PersistentVolumeClaimSpec
  status: PersistentVolumeClaimStatus
}

/** A StatefulSet's volumeClaimTemplates entry: a claim without namespace or identity. */
export interface PersistentVolumeClaimTemplate {
  apiVersion?: string
  kind?: string
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> }
  spec: PersistentVolumeClaimSpec
  status?: PersistentVolumeClaimStatus
}

export interface StatefulSetSpec {
  replicas: number
  selector: LabelSelector
  template: PodTemplateSpec
  volumeClaimTemplates?: PersistentVolumeClaimTemplate[]
  serviceName?: string
  podManagementPolicy: 'OrderedReady' | 'Parallel'
  updateStrategy: { type: 'RollingUpdate' | 'OnDelete'; rollingUpdate?: { partition?: number; maxUnavailable?: number | string } }
  revisionHistoryLimit?: number
  minReadySeconds?: number
  persistentVolumeClaimRetentionPolicy?: { whenDeleted?: 'Retain' | 'Delete'; whenScaled?: 'Retain' | 'Delete' }
  ordinals?: { start?: number }
}

export interface StatefulSetStatus {
  observedGeneration?: number
  replicas: number
  readyReplicas?: number
  currentReplicas?: number
  updatedReplicas?: number
  currentRevision?: string
  updateRevision?: string
  collisionCount?: number
  availableReplicas: number
}

export interface StatefulSet extends KubeObject {
  kind: 'StatefulSet'
  spec: StatefulSetSpec
  status: StatefulSetStatus
}

export interface DaemonSetUpdateStrategy {
  type: 'RollingUpdate' | 'OnDelete'
  rollingUpdate?: { maxUnavailable?: number | string; maxSurge?: number | string }
}

export interface DaemonSetSpec {
  selector: LabelSelector
  template: PodTemplateSpec
  updateStrategy: DaemonSetUpdateStrategy
  minReadySeconds?: number
  revisionHistoryLimit?: number
}

export interface DaemonSetStatus {
  currentNumberScheduled: number
  numberMisscheduled: number
  desiredNumberScheduled: number
  numberReady: number
  observedGeneration?: number
  updatedNumberScheduled?: number
  numberAvailable?: number
  numberUnavailable?: number
  collisionCount?: number
}

export interface DaemonSet extends KubeObject {
  kind: 'DaemonSet'
  spec: DaemonSetSpec
  status: DaemonSetStatus
}

export interface ControllerRevision extends KubeObject {
  kind: 'ControllerRevision'
  data: unknown
  revision: number
}

export interface PodFailurePolicyRule {
  action: 'FailJob' | 'Ignore' | 'Count' | 'FailIndex'
  onExitCodes?: { containerName?: string; operator: 'In' | 'NotIn'; values: number[] }
  onPodConditions?: { type: string; status?: string }[]
}

export interface JobSpec {
  parallelism?: number
  completions?: number
  activeDeadlineSeconds?: number
  podFailurePolicy?: { rules: PodFailurePolicyRule[] }
  backoffLimit?: number
  selector?: LabelSelector
  manualSelector?: boolean
  template: PodTemplateSpec
  ttlSecondsAfterFinished?: number
  completionMode?: 'NonIndexed' | 'Indexed'
  suspend?: boolean
  podReplacementPolicy?: 'TerminatingOrFailed' | 'Failed'
  [field: string]: unknown
}

export interface JobCondition {
  type: 'Complete' | 'Failed' | 'FailureTarget' | 'SuccessCriteriaMet' | 'Suspended'
  status: 'True' | 'False' | 'Unknown'
  reason?: string
  message?: string
  lastProbeTime: string
  lastTransitionTime: string
}

export interface JobStatus {
  conditions?: JobCondition[]
  startTime?: string
  completionTime?: string
  active?: number
  succeeded?: number
  failed?: number
  terminating?: number
  completedIndexes?: string
  uncountedTerminatedPods?: { succeeded?: string[]; failed?: string[] }
  ready?: number
}

export interface Job extends KubeObject {
  kind: 'Job'
  spec: JobSpec
  status: JobStatus
}

export interface ObjectReference {
  apiVersion: string
  kind: string
  name: string
  namespace?: string
  uid: string
  resourceVersion?: string
}

export interface CronJobSpec {
  schedule: string
  timeZone?: string
  startingDeadlineSeconds?: number
  concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace'
  suspend?: boolean
  jobTemplate: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec: JobSpec }
  successfulJobsHistoryLimit?: number
  failedJobsHistoryLimit?: number
}

export interface CronJobStatus {
  active?: ObjectReference[]
  lastScheduleTime?: string
  lastSuccessfulTime?: string
}

export interface CronJob extends KubeObject {
  kind: 'CronJob'
  spec: CronJobSpec
  status: CronJobStatus
}
