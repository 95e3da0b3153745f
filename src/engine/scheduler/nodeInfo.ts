import type { Node, Pod } from '../api/types.ts'
import { cpuMillis, quantityValue } from '../util/quantity.ts'

/** Requests of one pod: what the scheduler reserves for it. */
export interface PodRequests {
  cpu: number // millicores
  memory: number // bytes
  /** Extended resources (`example.com/dongle`) and hugepages, by name. */
  scalar?: Record<string, number>
}

/** Resources NodeResourcesFit checks besides cpu, memory and pods (IsScalarResourceName). */
export function isScalarResource(name: string): boolean {
  return name.startsWith('hugepages-') || (name.includes('/') && !name.startsWith('requests.'))
}

/** kube-scheduler's defaults for scoring pods that request nothing (non-zero requests). */
export const DEFAULT_MILLI_CPU_REQUEST = 100
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024

/** A pod's requests never change after creation, so they are computed once per spec. */
const requestsCache = new WeakMap<object, [PodRequests, PodRequests]>()

/** Effective requests: the sum over app containers, or the largest init container if bigger. */
export function podRequests(pod: Pod, nonZero = false): PodRequests {
  let cached = requestsCache.get(pod.spec)
  if (!cached) {
    cached = [computeRequests(pod, false), computeRequests(pod, true)]
    requestsCache.set(pod.spec, cached)
  }
  return cached[nonZero ? 1 : 0]
}

function computeRequests(pod: Pod, nonZero: boolean): PodRequests {
  const sum: PodRequests = { cpu: 0, memory: 0 }
  for (const c of pod.spec.containers) {
    const req = { ...(c.resources?.limits ?? {}), ...(c.resources?.requests ?? {}) }
    const cpu = req.cpu !== undefined ? cpuMillis(req.cpu) : nonZero ? DEFAULT_MILLI_CPU_REQUEST : 0
    const memory = req.memory !== undefined ? quantityValue(req.memory) : nonZero ? DEFAULT_MEMORY_REQUEST : 0
    sum.cpu += cpu
    sum.memory += memory
    for (const [name, value] of Object.entries(req)) {
      if (!isScalarResource(name)) continue
      sum.scalar ??= {}
      sum.scalar[name] = (sum.scalar[name] ?? 0) + quantityValue(value)
    }
  }
  for (const c of pod.spec.initContainers ?? []) {
    const req = { ...(c.resources?.limits ?? {}), ...(c.resources?.requests ?? {}) }
    sum.cpu = Math.max(sum.cpu, cpuMillis(req.cpu))
    sum.memory = Math.max(sum.memory, quantityValue(req.memory))
    for (const [name, value] of Object.entries(req)) {
      if (!isScalarResource(name)) continue
      sum.scalar ??= {}
      sum.scalar[name] = Math.max(sum.scalar[name] ?? 0, quantityValue(value))
    }
  }
  return sum
}

/** A node plus what is already placed on it: the scheduler's snapshot entry. */
export interface NodeInfo {
  node: Node
  pods: Pod[]
  requested: PodRequests
  nonZeroRequested: PodRequests
  allocatable: { cpu: number; memory: number; pods: number }
  /** Extended resources the node's pods request, by name. */
  requestedScalar: Record<string, number>
  /** Pods with pod affinity or anti-affinity: the only ones InterPodAffinity must read for other pods. */
  podsWithAffinity: Pod[]
}

/** Does the pod state pod affinity or anti-affinity (NodeInfo.PodsWithAffinity)? */
export function hasPodAffinity(pod: Pod): boolean {
  const affinity = pod.spec.affinity as { podAffinity?: unknown; podAntiAffinity?: unknown } | undefined
  return !!(affinity?.podAffinity || affinity?.podAntiAffinity)
}

/** Pods count against a node until they are gone or finished. */
export function occupiesNode(pod: Pod): boolean {
  return pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed'
}

/** A node's entry with nothing on it yet. */
export function newNodeInfo(node: Node): NodeInfo {
  return {
    node,
    pods: [],
    requested: { cpu: 0, memory: 0 },
    nonZeroRequested: { cpu: 0, memory: 0 },
    allocatable: allocatableOf(node),
    requestedScalar: {},
    podsWithAffinity: [],
  }
}

export function allocatableOf(node: Node): NodeInfo['allocatable'] {
  return {
    cpu: cpuMillis(node.status.allocatable.cpu),
    memory: quantityValue(node.status.allocatable.memory),
    pods: quantityValue(node.status.allocatable.pods),
  }
}

/** The snapshot built from scratch: what the incremental SchedulerCache must always equal. */
export function buildNodeInfos(nodes: readonly Node[], pods: readonly Pod[]): NodeInfo[] {
  const infos = new Map<string, NodeInfo>()
  for (const node of nodes) infos.set(node.metadata.name, newNodeInfo(node))
  for (const pod of pods) {
    const info = pod.spec.nodeName ? infos.get(pod.spec.nodeName) : undefined
    if (!info || !occupiesNode(pod)) continue
    addPod(info, pod)
  }
  return [...infos.values()]
}

export function addPod(info: NodeInfo, pod: Pod): void {
  info.pods.push(pod)
  const r = podRequests(pod)
  const nz = podRequests(pod, true)
  info.requested.cpu += r.cpu
  info.requested.memory += r.memory
  info.nonZeroRequested.cpu += nz.cpu
  info.nonZeroRequested.memory += nz.memory
  for (const [name, value] of Object.entries(r.scalar ?? {})) info.requestedScalar[name] = (info.requestedScalar[name] ?? 0) + value
  if (hasPodAffinity(pod)) info.podsWithAffinity.push(pod)
}

/** Takes `pod` (the very object added) off the node. */
export function removePod(info: NodeInfo, pod: Pod): void {
  const i = info.pods.indexOf(pod)
  if (i < 0) return
  // Order among a node's pods means nothing to the plugins: swap with the last.
  info.pods[i] = info.pods[info.pods.length - 1]
  info.pods.pop()
  const r = podRequests(pod)
  const nz = podRequests(pod, true)
  info.requested.cpu -= r.cpu
  info.requested.memory -= r.memory
  info.nonZeroRequested.cpu -= nz.cpu
  info.nonZeroRequested.memory -= nz.memory
  for (const [name, value] of Object.entries(r.scalar ?? {})) info.requestedScalar[name] = (info.requestedScalar[name] ?? 0) - value
  if (hasPodAffinity(pod)) {
    const j = info.podsWithAffinity.indexOf(pod)
    if (j >= 0) info.podsWithAffinity.splice(j, 1)
  }
}
