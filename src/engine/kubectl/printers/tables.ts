import type { Deployment, KubeEvent, KubeObject, Node, Pod, ReplicaSet } from '../../api/types.ts'
import { formatLabels, formatSelector } from '../../util/labels.ts'
import { humanDuration } from '../../util/duration.ts'
import { parseSimTime } from '../../clock.ts'
import { ageOf, summarizePod } from '../podSummary.ts'
import { nodeRoles } from '../describe/describeNode.ts'

/** One kind's table for `kubectl get`: column headers and a row per object (printers.go). */
export interface TableDefinition {
  columns: string[]
  wideColumns: string[]
  row(obj: KubeObject, nowMs: number): string[]
  wideRow(obj: KubeObject, nowMs: number): string[]
}

const containersAndImages = (spec: { containers: { name: string; image: string }[] }) => [
  spec.containers.map((c) => c.name).join(','),
  spec.containers.map((c) => c.image).join(','),
]

const pods: TableDefinition = {
  columns: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
  wideColumns: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
  row(obj, now) {
    const pod = obj as Pod
    const s = summarizePod(pod, now)
    return [pod.metadata.name, s.ready, s.status, s.restarts, ageOf(pod.metadata.creationTimestamp, now)]
  },
  wideRow(obj) {
    const pod = obj as Pod
    return [pod.status.podIPs?.[0]?.ip ?? '<none>', pod.spec.nodeName || '<none>', '<none>', '<none>']
  },
}

const deployments: TableDefinition = {
  columns: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
  wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row(obj, now) {
    const d = obj as Deployment
    const s = d.status ?? {}
    return [d.metadata.name, `${s.readyReplicas ?? 0}/${d.spec.replicas}`, String(s.updatedReplicas ?? 0), String(s.availableReplicas ?? 0), ageOf(d.metadata.creationTimestamp, now)]
  },
  wideRow(obj) {
    const d = obj as Deployment
    return [...containersAndImages(d.spec.template.spec), formatSelector(d.spec.selector)]
  },
}

const replicasets: TableDefinition = {
  columns: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
  wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row(obj, now) {
    const rs = obj as ReplicaSet
    return [rs.metadata.name, String(rs.spec.replicas), String(rs.status.replicas ?? 0), String(rs.status.readyReplicas ?? 0), ageOf(rs.metadata.creationTimestamp, now)]
  },
  wideRow(obj) {
    const rs = obj as ReplicaSet
    return [...containersAndImages(rs.spec.template.spec), formatSelector(rs.spec.selector)]
  },
}

export function nodeStatusText(node: Node): string {
  const ready = node.status.conditions.find((c) => c.type === 'Ready')
  let status = ready?.status === 'True' ? 'Ready' : ready ? 'NotReady' : 'Unknown'
  if (node.spec.unschedulable) status += ',SchedulingDisabled'
  return status
}

const nodes: TableDefinition = {
  columns: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
  wideColumns: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
  row(obj, now) {
    const node = obj as Node
    const roles = nodeRoles(node)
    return [node.metadata.name, nodeStatusText(node), roles.length ? roles.join(',') : '<none>', ageOf(node.metadata.creationTimestamp, now), node.status.nodeInfo.kubeletVersion]
  },
  wideRow(obj) {
    const node = obj as Node
    const info = node.status.nodeInfo
    return [node.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? '<none>', '<none>', info.osImage, info.kernelVersion, info.containerRuntimeVersion]
  },
}

const events: TableDefinition = {
  columns: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
  wideColumns: [],
  row(obj, now) {
    const e = obj as KubeEvent
    return [humanDuration(now - parseSimTime(e.lastTimestamp)), e.type, e.reason, `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`, e.message]
  },
  wideRow() {
    return []
  },
}

const namespaces: TableDefinition = {
  columns: ['NAME', 'STATUS', 'AGE'],
  wideColumns: [],
  row(obj, now) {
    return [obj.metadata.name, String((obj.status as { phase?: string } | undefined)?.phase ?? 'Active'), ageOf(obj.metadata.creationTimestamp, now)]
  },
  wideRow() {
    return []
  },
}

/** Kinds kubesim stores but has no dedicated table for: NAME and AGE, like a CRD without printer columns. */
export const genericTable: TableDefinition = {
  columns: ['NAME', 'AGE'],
  wideColumns: [],
  row(obj, now) {
    return [obj.metadata.name, ageOf(obj.metadata.creationTimestamp, now)]
  },
  wideRow() {
    return []
  },
}

interface ServiceView {
  type?: string
  clusterIP?: string
  externalIPs?: string[]
  externalName?: string
  selector?: Record<string, string>
  ports?: { port: number; nodePort?: number; protocol?: string }[]
}

const services: TableDefinition = {
  columns: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
  wideColumns: ['SELECTOR'],
  row(obj, now) {
    const spec = (obj.spec ?? {}) as ServiceView
    const lbIngress = (obj.status as { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } } | undefined)?.loadBalancer?.ingress ?? []
    let external = '<none>'
    if (spec.type === 'LoadBalancer') external = lbIngress.length ? lbIngress.map((i) => i.ip ?? i.hostname).join(',') : '<pending>'
    else if (spec.type === 'ExternalName') external = spec.externalName ?? '<none>'
    else if (spec.externalIPs?.length) external = spec.externalIPs.join(',')
    const ports = (spec.ports ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',')
    return [obj.metadata.name, spec.type ?? 'ClusterIP', spec.clusterIP ?? '<none>', external, ports || '<none>', ageOf(obj.metadata.creationTimestamp, now)]
  },
  wideRow(obj) {
    const selector = ((obj.spec ?? {}) as ServiceView).selector
    return [selector ? formatLabels(selector) : '<none>']
  },
}

const configMaps: TableDefinition = {
  columns: ['NAME', 'DATA', 'AGE'],
  wideColumns: [],
  row(obj, now) {
    const count = Object.keys((obj.data as object | undefined) ?? {}).length + Object.keys((obj.binaryData as object | undefined) ?? {}).length
    return [obj.metadata.name, String(count), ageOf(obj.metadata.creationTimestamp, now)]
  },
  wideRow: () => [],
}

const secrets: TableDefinition = {
  columns: ['NAME', 'TYPE', 'DATA', 'AGE'],
  wideColumns: [],
  row(obj, now) {
    const keys = new Set([...Object.keys((obj.data as object | undefined) ?? {}), ...Object.keys((obj.stringData as object | undefined) ?? {})])
    return [obj.metadata.name, String(obj.type ?? 'Opaque'), String(keys.size), ageOf(obj.metadata.creationTimestamp, now)]
  },
  wideRow: () => [],
}

export const TABLES: Record<string, TableDefinition> = {
  Service: services,
  ConfigMap: configMaps,
  Secret: secrets,
  Pod: pods,
  Deployment: deployments,
  ReplicaSet: replicasets,
  Node: nodes,
  Event: events,
  Namespace: namespaces,
}
