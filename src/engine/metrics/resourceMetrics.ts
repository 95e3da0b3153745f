import type { Container, Node, Pod } from '../api/types.ts'
import { parseSimTime } from '../clock.ts'
import type { EngineContext } from '../context.ts'
import { lookupImage, parseImageReference } from '../images/reference.ts'
import { TrafficLog } from '../network/trafficLog.ts'
import { cpuDemand, memoryAt, memoryProfile, throttled } from './usageModel.ts'
import { METRICS_SERVER_LABEL, METRICS_SERVER_NAME, METRICS_SERVER_NAMESPACE } from './metricsServer.ts'

/**
 * The resource metrics API (metrics.k8s.io/v1beta1) as metrics-server serves it: a
 * scrape of every kubelet each 15 s (--metric-resolution), read back from the usage
 * model at the scrape's instant, so nothing runs between reads.
 */

/** metrics-server's --metric-resolution. */
export const METRIC_RESOLUTION_MS = 15_000
/**
 * A container shows up in the API once the kubelet has two CPU samples of it and
 * metrics-server has scraped them: about a minute after it starts.
 */
export const FIRST_METRICS_AFTER_MS = 45_000

/** What the kubelets report of a node's own processes (kubelet, containerd, the OS; on the control plane its static pods). */
export const NODE_OVERHEAD = { worker: { cpuMilli: 60, memoryBytes: 380 * 2 ** 20 }, controlPlane: { cpuMilli: 180, memoryBytes: 1_150 * 2 ** 20 } }

export interface ContainerUsage {
  name: string
  cpuMilli: number
  memoryBytes: number
}
export interface PodUsage {
  namespace: string
  name: string
  labels: Record<string, string>
  /** The scrape's instant, in simulated ms. */
  timestamp: number
  containers: ContainerUsage[]
}
export interface NodeUsage {
  name: string
  labels: Record<string, string>
  timestamp: number
  cpuMilli: number
  memoryBytes: number
}

/** Is the API there, and when did metrics-server last scrape? */
export type MetricsApi = { state: 'available'; scrapedAt: number } | { state: 'missing' } | { state: 'unavailable' }

export function metricsApi(ctx: EngineContext): MetricsApi {
  if (!ctx.store.get('Deployment', METRICS_SERVER_NAMESPACE, METRICS_SERVER_NAME)) return { state: 'missing' }
  let readySince: number | undefined
  for (const pod of ctx.store.select<Pod>('Pod', METRICS_SERVER_NAMESPACE, { matchLabels: METRICS_SERVER_LABEL })) {
    const ready = pod.status.conditions?.find((c) => c.type === 'Ready')
    if (ready?.status !== 'True' || pod.metadata.deletionTimestamp) continue
    const at = parseSimTime(ready.lastTransitionTime)
    if (readySince === undefined || at < readySince) readySince = at
  }
  if (readySince === undefined) return { state: 'unavailable' }
  const now = ctx.clock.now
  return { state: 'available', scrapedAt: readySince + Math.floor((now - readySince) / METRIC_RESOLUTION_MS) * METRIC_RESOLUTION_MS }
}

function imageOf(container: Container) {
  const ref = parseImageReference(container.image)
  return ref && lookupImage(ref)
}

/** The pod's usage at the scrape, or undefined while metrics-server has none of its containers yet. */
export function podUsage(ctx: EngineContext, pod: Pod, scrapedAt: number): PodUsage | undefined {
  if (!pod.spec.nodeName || pod.status.phase !== 'Running') return undefined
  const namespace = pod.metadata.namespace ?? 'default'
  const annotations = pod.metadata.annotations ?? {}
  const traffic = TrafficLog.of(ctx)
  const rate = traffic.requestRate(namespace, pod.metadata.name, scrapedAt, METRIC_RESOLUTION_MS)
  const containers: ContainerUsage[] = []
  for (const status of pod.status.containerStatuses ?? []) {
    const startedAt = status.state?.running?.startedAt
    if (!startedAt) continue
    const runningFor = scrapedAt - parseSimTime(startedAt)
    if (runningFor < FIRST_METRICS_AFTER_MS) continue
    const spec = pod.spec.containers.find((c) => c.name === status.name)
    if (!spec) continue
    const image = imageOf(spec)
    // The requests go to the container that listens (or, when none declares a port, the first).
    const serves = spec.ports?.length ? true : spec === pod.spec.containers[0] && !pod.spec.containers.some((c) => c.ports?.length)
    const demand = cpuDemand(spec, image, annotations, runningFor, serves ? rate : 0)
    containers.push({ name: spec.name, cpuMilli: throttled(demand, spec), memoryBytes: memoryAt(memoryProfile(spec, image, annotations), runningFor) })
  }
  if (containers.length === 0) return undefined
  return { namespace, name: pod.metadata.name, labels: pod.metadata.labels ?? {}, timestamp: scrapedAt, containers }
}

/** A node's usage: its pods' plus its own processes'; undefined while its kubelet is not reporting. */
export function nodeUsage(ctx: EngineContext, node: Node, scrapedAt: number): NodeUsage | undefined {
  const ready = node.status.conditions.find((c) => c.type === 'Ready')
  if (ready?.status !== 'True' || parseSimTime(ready.lastTransitionTime) > scrapedAt) return undefined
  const own = node.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined ? NODE_OVERHEAD.controlPlane : NODE_OVERHEAD.worker
  let cpuMilli = own.cpuMilli
  let memoryBytes = own.memoryBytes
  for (const pod of ctx.store.podsOn<Pod>(node.metadata.name)) {
    for (const c of podUsage(ctx, pod, scrapedAt)?.containers ?? []) {
      cpuMilli += c.cpuMilli
      memoryBytes += c.memoryBytes
    }
  }
  return { name: node.metadata.name, labels: node.metadata.labels ?? {}, timestamp: scrapedAt, cpuMilli, memoryBytes }
}

/** `cpu: 1071389n`, `memory: 9572Ki`: the quantities metrics-server writes. */
export function usageQuantities(u: { cpuMilli: number; memoryBytes: number }): { cpu: string; memory: string } {
  return { cpu: `${Math.round(u.cpuMilli * 1_000_000)}n`, memory: `${Math.round(u.memoryBytes / 1024)}Ki` }
}
