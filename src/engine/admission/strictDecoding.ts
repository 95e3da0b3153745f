import { parseQuantity, QUANTITY_ERROR } from '../util/quantity.ts'

/**
 * Strict decoding of the simulated kinds, as the API server decodes a request body:
 * a value of the wrong JSON type fails with encoding/json's message, a malformed
 * quantity fails with the quantity message, and unknown fields are rejected (strict
 * field validation, the default since kubectl 1.27). Only a body that decodes cleanly
 * reaches defaulting and validation.
 */
type Leaf = 'string' | 'int32' | 'int64' | 'bool' | '[]string' | 'map[string]string' | 'quantities' | 'intOrString' | 'any'
interface Struct {
  struct: string // Go type, e.g. v1.PodSpec
  fields: Record<string, Field>
}
interface List {
  list: Field
}
type Field = Leaf | Struct | List

const struct = (name: string, fields: Record<string, Field>): Struct => ({ struct: name, fields })
const list = (item: Field): List => ({ list: item })

const objectMeta = struct('v1.ObjectMeta', {
  name: 'string', generateName: 'string', namespace: 'string', labels: 'map[string]string', annotations: 'map[string]string',
  uid: 'string', resourceVersion: 'string', generation: 'int64', creationTimestamp: 'any', deletionTimestamp: 'any',
  deletionGracePeriodSeconds: 'int64', ownerReferences: 'any', finalizers: '[]string', managedFields: 'any', selfLink: 'string',
})

const probe = struct('v1.Probe', {
  httpGet: 'any', tcpSocket: 'any', exec: 'any', grpc: 'any', initialDelaySeconds: 'int32', periodSeconds: 'int32',
  timeoutSeconds: 'int32', successThreshold: 'int32', failureThreshold: 'int32', terminationGracePeriodSeconds: 'int64',
})

const envVar = struct('v1.EnvVar', { name: 'string', value: 'string', valueFrom: 'any' })

const container = struct('v1.Container', {
  name: 'string', image: 'string', command: '[]string', args: '[]string', workingDir: 'string',
  env: list(envVar), envFrom: 'any',
  ports: list(struct('v1.ContainerPort', { name: 'string', containerPort: 'int32', hostPort: 'int32', hostIP: 'string', protocol: 'string' })),
  resources: struct('v1.ResourceRequirements', { requests: 'quantities', limits: 'quantities', claims: 'any' }),
  resizePolicy: 'any', restartPolicy: 'string', restartPolicyRules: 'any', volumeMounts: 'any', volumeDevices: 'any',
  livenessProbe: probe, readinessProbe: probe, startupProbe: probe, lifecycle: 'any',
  terminationMessagePath: 'string', terminationMessagePolicy: 'string', imagePullPolicy: 'string',
  securityContext: 'any', stdin: 'bool', stdinOnce: 'bool', tty: 'bool',
})

const podSpec = struct('v1.PodSpec', {
  containers: list(container), initContainers: list(container), ephemeralContainers: 'any',
  volumes: 'any', restartPolicy: 'string', terminationGracePeriodSeconds: 'int64', activeDeadlineSeconds: 'int64',
  dnsPolicy: 'string', dnsConfig: 'any', nodeSelector: 'map[string]string', serviceAccountName: 'string', serviceAccount: 'string',
  automountServiceAccountToken: 'bool', nodeName: 'string', hostNetwork: 'bool', hostPID: 'bool', hostIPC: 'bool',
  shareProcessNamespace: 'bool', securityContext: 'any', imagePullSecrets: 'any', hostname: 'string', subdomain: 'string',
  affinity: 'any', schedulerName: 'string',
  tolerations: list(struct('v1.Toleration', { key: 'string', operator: 'string', value: 'string', effect: 'string', tolerationSeconds: 'int64' })),
  hostAliases: 'any', priorityClassName: 'string', priority: 'int32', readinessGates: 'any', runtimeClassName: 'string',
  enableServiceLinks: 'bool', preemptionPolicy: 'string', overhead: 'any', topologySpreadConstraints: 'any',
  setHostnameAsFQDN: 'bool', os: 'any', hostUsers: 'bool', schedulingGates: 'any', resourceClaims: 'any', resources: 'any',
})

const template = struct('v1.PodTemplateSpec', { metadata: objectMeta, spec: podSpec })
const labelSelector = struct('v1.LabelSelector', { matchLabels: 'map[string]string', matchExpressions: 'any' })

const SHAPES: Record<string, Struct> = {
  Pod: struct('v1.Pod', { apiVersion: 'string', kind: 'string', metadata: objectMeta, spec: podSpec, status: 'any' }),
  Deployment: struct('v1.Deployment', {
    apiVersion: 'string', kind: 'string', metadata: objectMeta, status: 'any',
    spec: struct('v1.DeploymentSpec', {
      replicas: 'int32', selector: labelSelector, template,
      strategy: struct('v1.DeploymentStrategy', {
        type: 'string',
        rollingUpdate: struct('v1.RollingUpdateDeployment', { maxSurge: 'intOrString', maxUnavailable: 'intOrString' }),
      }),
      minReadySeconds: 'int32', revisionHistoryLimit: 'int32', paused: 'bool', progressDeadlineSeconds: 'int32',
    }),
  }),
  ReplicaSet: struct('v1.ReplicaSet', {
    apiVersion: 'string', kind: 'string', metadata: objectMeta, status: 'any',
    spec: struct('v1.ReplicaSetSpec', { replicas: 'int32', selector: labelSelector, template, minReadySeconds: 'int32' }),
  }),
}

export interface DecodeError {
  message: string
  path: string
}


/** Returns the decoding errors of a manifest of a simulated kind (none for other kinds). */
export function strictDecode(obj: Record<string, unknown>): DecodeError[] {
  const shape = SHAPES[String(obj.kind)]
  if (!shape) return []
  const state: WalkState = { unknown: [] }
  walkStruct(obj, shape, '', '', state)
  if (state.fatal) return [state.fatal]
  if (state.unknown.length > 0) {
    return [{ path: state.unknown[0], message: `strict decoding error: ${state.unknown.map((p) => `unknown field "${p}"`).join(', ')}` }]
  }
  return []
}

interface WalkState {
  unknown: string[]
  fatal?: DecodeError
}

function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'object') return 'object'
  if (typeof v === 'boolean') return 'bool'
  return typeof v // string, number
}

function goTypeOf(field: Field): string {
  if (typeof field === 'string') return field === 'quantities' ? 'v1.ResourceList' : field === 'intOrString' ? 'intstr.IntOrString' : field
  if ('struct' in field) return field.struct
  return `[]${goTypeOf(field.list)}`
}

/**
 * Walks one struct. `path` is the exact path for unknown-field messages (with list
 * indexes); `goPath` is encoding/json's (without them).
 */
function walkStruct(value: Record<string, unknown>, shape: Struct, path: string, goPath: string, state: WalkState): void {
  for (const [key, v] of Object.entries(value)) {
    if (state.fatal) return
    const field = shape.fields[key]
    const childPath = path ? `${path}.${key}` : key
    if (field === undefined) {
      state.unknown.push(childPath)
      continue
    }
    const childGoPath = goPath ? `${goPath}.${key}` : key
    walkField(v, field, childPath, childGoPath, shape.struct.replace(/^v1\./, ''), state)
  }
}

function walkField(v: unknown, field: Field, path: string, goPath: string, parent: string, state: WalkState): void {
  if (v === null || v === undefined || field === 'any') return
  const mismatch = (detail = jsonType(v), goType = goTypeOf(field)) => {
    state.fatal = { path, message: `json: cannot unmarshal ${detail} into Go struct field ${parent}.${goPath} of type ${goType}` }
  }
  if (typeof field !== 'string') {
    if ('struct' in field) {
      if (typeof v !== 'object' || Array.isArray(v)) return mismatch()
      walkStruct(v as Record<string, unknown>, field, path, goPath, state)
    } else {
      if (!Array.isArray(v)) return mismatch()
      v.forEach((item, i) => walkField(item, field.list, `${path}[${i}]`, goPath, parent, state))
    }
    return
  }
  switch (field) {
    case 'string':
      if (typeof v !== 'string') mismatch()
      return
    case 'bool':
      if (typeof v !== 'boolean') mismatch()
      return
    case 'int32':
    case 'int64':
      if (typeof v !== 'number') mismatch()
      else if (!Number.isInteger(v)) mismatch(`number ${v}`)
      return
    case 'intOrString':
      if (typeof v !== 'number' && typeof v !== 'string') mismatch()
      return
    case '[]string':
      if (!Array.isArray(v)) return mismatch()
      if (v.some((x) => typeof x !== 'string')) mismatch(jsonType(v.find((x) => typeof x !== 'string')), 'string')
      return
    case 'map[string]string':
      if (typeof v !== 'object' || Array.isArray(v)) return mismatch()
      for (const x of Object.values(v as Record<string, unknown>)) {
        if (x !== null && typeof x !== 'string') return mismatch(jsonType(x), 'string')
      }
      return
    case 'quantities':
      if (typeof v !== 'object' || Array.isArray(v)) return mismatch()
      for (const [k, q] of Object.entries(v as Record<string, unknown>)) {
        if ((typeof q !== 'string' && typeof q !== 'number') || parseQuantity(q) === undefined) {
          state.fatal = { path: `${path}.${k}`, message: QUANTITY_ERROR }
          return
        }
      }
      return
  }
}

/**
 * What decoding into Go structs does to JSON nulls: a null field is simply unset, and
 * a null list item becomes the zero value (an empty object), to be caught by validation.
 */
export function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === null ? {} : dropNulls(item)))
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = dropNulls(v)
    return out
  }
  return value
}
