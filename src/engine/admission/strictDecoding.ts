import { parseQuantity } from '../util/quantity.ts'

/**
 * Strict decoding of the simulated kinds: unknown fields are rejected the way the API
 * server's strict field validation rejects them (default since kubectl 1.27), and
 * malformed quantities fail decoding before validation runs.
 */
type Shape = { [field: string]: Shape | 'any' | 'quantities' } | { '[]': Shape }

const ANY = 'any' as const
const list = (item: Shape): Shape => ({ '[]': item })
const freeform: Shape = {}

const metadata: Shape = {
  name: ANY, generateName: ANY, namespace: ANY, labels: ANY, annotations: ANY, uid: ANY,
  resourceVersion: ANY, generation: ANY, creationTimestamp: ANY, deletionTimestamp: ANY,
  deletionGracePeriodSeconds: ANY, ownerReferences: ANY, finalizers: ANY, managedFields: ANY, selfLink: ANY,
}

const probe: Shape = {
  httpGet: ANY, tcpSocket: ANY, exec: ANY, grpc: ANY, initialDelaySeconds: ANY, periodSeconds: ANY,
  timeoutSeconds: ANY, successThreshold: ANY, failureThreshold: ANY, terminationGracePeriodSeconds: ANY,
}

const container: Shape = {
  name: ANY, image: ANY, command: ANY, args: ANY, workingDir: ANY, env: ANY, envFrom: ANY,
  ports: list({ name: ANY, containerPort: ANY, hostPort: ANY, hostIP: ANY, protocol: ANY }),
  resources: { requests: 'quantities', limits: 'quantities', claims: ANY },
  resizePolicy: ANY, restartPolicy: ANY, restartPolicyRules: ANY, volumeMounts: ANY, volumeDevices: ANY,
  livenessProbe: probe, readinessProbe: probe, startupProbe: probe, lifecycle: ANY,
  terminationMessagePath: ANY, terminationMessagePolicy: ANY, imagePullPolicy: ANY,
  securityContext: ANY, stdin: ANY, stdinOnce: ANY, tty: ANY,
}

const podSpec: Shape = {
  containers: list(container), initContainers: list(container), ephemeralContainers: ANY,
  volumes: ANY, restartPolicy: ANY, terminationGracePeriodSeconds: ANY, activeDeadlineSeconds: ANY,
  dnsPolicy: ANY, dnsConfig: ANY, nodeSelector: ANY, serviceAccountName: ANY, serviceAccount: ANY,
  automountServiceAccountToken: ANY, nodeName: ANY, hostNetwork: ANY, hostPID: ANY, hostIPC: ANY,
  shareProcessNamespace: ANY, securityContext: ANY, imagePullSecrets: ANY, hostname: ANY, subdomain: ANY,
  affinity: ANY, schedulerName: ANY, tolerations: ANY, hostAliases: ANY, priorityClassName: ANY,
  priority: ANY, readinessGates: ANY, runtimeClassName: ANY, enableServiceLinks: ANY,
  preemptionPolicy: ANY, overhead: ANY, topologySpreadConstraints: ANY, setHostnameAsFQDN: ANY,
  os: ANY, hostUsers: ANY, schedulingGates: ANY, resourceClaims: ANY, resources: ANY,
}

const template: Shape = { metadata, spec: podSpec }

const SHAPES: Record<string, Shape> = {
  Pod: { apiVersion: ANY, kind: ANY, metadata, spec: podSpec, status: ANY },
  Deployment: {
    apiVersion: ANY, kind: ANY, metadata, status: ANY,
    spec: {
      replicas: ANY, selector: ANY, template, strategy: { type: ANY, rollingUpdate: { maxSurge: ANY, maxUnavailable: ANY } },
      minReadySeconds: ANY, revisionHistoryLimit: ANY, paused: ANY, progressDeadlineSeconds: ANY,
    },
  },
  ReplicaSet: {
    apiVersion: ANY, kind: ANY, metadata, status: ANY,
    spec: { replicas: ANY, selector: ANY, template, minReadySeconds: ANY },
  },
}

export interface DecodeError {
  message: string
  path: string
}

/** Returns the decoding errors of a manifest of a simulated kind (none for other kinds). */
export function strictDecode(obj: Record<string, unknown>): DecodeError[] {
  const shape = SHAPES[String(obj.kind)]
  if (!shape) return []
  const unknown: string[] = []
  const quantityErrors: string[] = []
  walk(obj, shape, '', unknown, quantityErrors)
  const out: DecodeError[] = []
  if (quantityErrors.length > 0) {
    out.push({
      path: quantityErrors[0],
      message: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    })
    return out
  }
  if (unknown.length > 0) {
    const fields = unknown.map((p) => `unknown field "${p}"`).join(', ')
    out.push({ path: unknown[0], message: `strict decoding error: ${fields}` })
  }
  return out
}

function walk(value: unknown, shape: Shape | 'any' | 'quantities', path: string, unknown: string[], quantities: string[]): void {
  if (shape === ANY || value === null || value === undefined) return
  if (shape === 'quantities') {
    if (typeof value !== 'object') return
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if ((typeof v !== 'string' && typeof v !== 'number') || parseQuantity(v) === undefined) quantities.push(`${path}.${k}`)
    }
    return
  }
  if ('[]' in shape) {
    if (!Array.isArray(value)) return
    value.forEach((item, i) => walk(item, shape['[]'] as Shape, `${path}[${i}]`, unknown, quantities))
    return
  }
  if (typeof value !== 'object' || Array.isArray(value) || shape === freeform) return
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const child = (shape as Record<string, Shape | 'any' | 'quantities'>)[k]
    const childPath = path ? `${path}.${k}` : k
    if (child === undefined) unknown.push(childPath)
    else walk(v, child, childPath, unknown, quantities)
  }
}
