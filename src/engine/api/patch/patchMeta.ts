/**
 * The `patchStrategy` and `patchMergeKey` tags of the Kubernetes API types
 * (k8s.io/api, k8s.io/apimachinery meta/v1), which strategic merge patch reads to
 * decide how a list merges. Only the types on the way to a tagged field are listed;
 * a field not listed has no strategy: maps merge, lists are replaced.
 */
export interface FieldMeta {
  /** The Go type of the field (or of its list items / map values), when it leads to tagged fields. */
  type?: string
  /** `merge`, `replace`, `retainKeys` (comma-joined as in the tag). */
  strategy?: string
  mergeKey?: string
}

type TypeMeta = Record<string, FieldMeta>

const merge = (mergeKey?: string, type?: string): FieldMeta => ({ strategy: 'merge', mergeKey, type })

const conditionsStatus: TypeMeta = { conditions: merge('type') }

const container: TypeMeta = {
  ports: merge('containerPort'),
  env: merge('name'),
  volumeMounts: merge('mountPath'),
  volumeDevices: merge('devicePath'),
}

const TYPES: Record<string, TypeMeta> = {
  ObjectMeta: { ownerReferences: merge('uid'), finalizers: merge() },
  Container: container,
  PodSpec: {
    volumes: { strategy: 'merge,retainKeys', mergeKey: 'name' },
    initContainers: merge('name', 'Container'),
    containers: merge('name', 'Container'),
    ephemeralContainers: merge('name', 'Container'),
    imagePullSecrets: merge('name'),
    hostAliases: merge('ip'),
    topologySpreadConstraints: merge('topologyKey'),
    schedulingGates: merge('name'),
    resourceClaims: { strategy: 'merge,retainKeys', mergeKey: 'name' },
  },
  PodStatus: {
    conditions: merge('type'),
    hostIPs: merge('ip'),
    podIPs: merge('ip'),
    containerStatuses: { type: 'ContainerStatus' },
    initContainerStatuses: { type: 'ContainerStatus' },
    ephemeralContainerStatuses: { type: 'ContainerStatus' },
  },
  ContainerStatus: { volumeMounts: merge('mountPath'), allocatedResourcesStatus: merge('name') },
  PodTemplateSpec: { metadata: { type: 'ObjectMeta' }, spec: { type: 'PodSpec' } },
  WorkloadSpec: { template: { type: 'PodTemplateSpec' } },
  DeploymentSpec: { template: { type: 'PodTemplateSpec' }, strategy: { strategy: 'retainKeys' } },
  CronJobSpec: { jobTemplate: { type: 'JobTemplateSpec' } },
  JobTemplateSpec: { metadata: { type: 'ObjectMeta' }, spec: { type: 'WorkloadSpec' } },
  ServiceSpec: { ports: merge('port') },
  NodeSpec: { podCIDRs: merge() },
  NodeStatus: { conditions: merge('type'), addresses: merge('type') },
  PodDisruptionBudgetSpec: { selector: { strategy: 'replace' } },
  ConditionsStatus: conditionsStatus,
}

/** Each kind's top-level fields. */
const KINDS: Record<string, TypeMeta> = {
  Pod: { spec: { type: 'PodSpec' }, status: { type: 'PodStatus' } },
  PodTemplate: { template: { type: 'PodTemplateSpec' } },
  Deployment: { spec: { type: 'DeploymentSpec' }, status: { type: 'ConditionsStatus' } },
  ReplicaSet: { spec: { type: 'WorkloadSpec' }, status: { type: 'ConditionsStatus' } },
  StatefulSet: { spec: { type: 'WorkloadSpec' }, status: { type: 'ConditionsStatus' } },
  DaemonSet: { spec: { type: 'WorkloadSpec' }, status: { type: 'ConditionsStatus' } },
  ReplicationController: { spec: { type: 'WorkloadSpec' }, status: { type: 'ConditionsStatus' } },
  Job: { spec: { type: 'WorkloadSpec' }, status: { type: 'ConditionsStatus' } },
  CronJob: { spec: { type: 'CronJobSpec' } },
  Service: { spec: { type: 'ServiceSpec' }, status: { type: 'ConditionsStatus' } },
  ServiceAccount: { secrets: merge('name') },
  Node: { spec: { type: 'NodeSpec' }, status: { type: 'NodeStatus' } },
  Namespace: { status: { type: 'ConditionsStatus' } },
  PersistentVolumeClaim: { status: { type: 'ConditionsStatus' } },
  PodDisruptionBudget: { spec: { type: 'PodDisruptionBudgetSpec' }, status: { type: 'ConditionsStatus' } },
}

/** Where strategic merge patch looks up a field: a struct type, or nothing known. */
export class PatchSchema {
  private constructor(
    private readonly fields: TypeMeta,
    readonly name: string,
  ) {}

  static forKind(kind: string): PatchSchema {
    return new PatchSchema({ metadata: { type: 'ObjectMeta' }, ...(KINDS[kind] ?? {}) }, kind)
  }

  static get empty(): PatchSchema {
    return new PatchSchema({}, '')
  }

  /** The field's tags, and the schema of its value (or of its list items). */
  lookup(field: string): { meta: FieldMeta; schema: PatchSchema } {
    const meta = this.fields[field] ?? {}
    const type = meta.type ? TYPES[meta.type] : undefined
    return { meta, schema: type ? new PatchSchema(type, meta.type!) : PatchSchema.empty }
  }
}
