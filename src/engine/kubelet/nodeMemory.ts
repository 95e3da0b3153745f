import type { Node, Pod } from '../api/types.ts'
import { NODE_OVERHEAD } from '../metrics/resourceMetrics.ts'
import { memoryAt, memoryProfile, type MemoryProfile } from '../metrics/usageModel.ts'
import { quantityValue } from '../util/quantity.ts'
import type { PodMemoryStats } from './evictionRank.ts'
import { memoryBackedMounts, tmpfsWrites } from './containerBehaviour.ts'
import { allContainers, containerSpec, type PodRuntime } from './podRuntime.ts'

/**
 * The node's memory as the kubelet's summary API reports it, read from the usage model at
 * any instant: each running container's working set, each pod's (plus its memory-backed
 * emptyDirs), and memory.available = capacity − the node's working set. Because use is a
 * formula of time, the instant memory.available first drops below a threshold is solved
 * for, not sampled: the eviction manager sleeps until then.
 */

/** A pod the kubelet runs, with what its memory-backed emptyDirs hold at a time. */
export interface RunningPod {
  runtime: PodRuntime
  pod: Pod
  emptyDirBytesAt(atMs: number): number
  /** When what its memory-backed emptyDirs hold next changes after `afterMs`. */
  emptyDirChangesAfter(afterMs: number): number[]
}

interface RunningContainer {
  name: string
  profile: MemoryProfile
  startedAtMs: number
  /** The run's planned end (an exit, an OOM kill): it stops counting then. */
  endsAtMs?: number
}

function runningContainers(p: RunningPod): RunningContainer[] {
  const out: RunningContainer[] = []
  const annotations = p.pod.metadata.annotations ?? {}
  for (const c of allContainers(p.runtime)) {
    if (!c.state.running || c.startedAtMs === undefined) continue
    const spec = containerSpec(p.pod, c)
    if (!spec) continue
    const endsAtMs = c.plan?.kind === 'exits' ? c.startedAtMs + c.plan.afterMs : undefined
    const profile = { ...memoryProfile(spec, c.imageSpec, annotations), tmpfs: tmpfsWrites(c.plan, memoryBackedMounts(p.pod, spec)) }
    out.push({ name: c.name, profile, startedAtMs: c.startedAtMs, endsAtMs })
  }
  return out
}

/** The kernel counts memory in 4KiB pages: cAdvisor's working sets are whole pages. */
const PAGE_BYTES = 4096
const pages = (bytes: number) => Math.ceil(bytes / PAGE_BYTES) * PAGE_BYTES

const usedAt = (c: RunningContainer, atMs: number) => (c.endsAtMs !== undefined && atMs >= c.endsAtMs ? 0 : pages(memoryAt(c.profile, atMs - c.startedAtMs)))

const tmpfsAt = (c: RunningContainer, atMs: number) =>
  (c.profile.tmpfs ?? []).reduce((sum, f) => sum + (atMs - c.startedAtMs >= f.atMs && (f.untilMs === undefined || atMs - c.startedAtMs < f.untilMs) ? f.bytes : 0), 0)

/** The pod's memory stats at `atMs`. */
export function podMemoryStats(p: RunningPod, atMs: number): PodMemoryStats {
  const running = runningContainers(p)
  const containers = running.map((c) => ({ name: c.name, workingSetBytes: usedAt(c, atMs) })).filter((c) => c.workingSetBytes > 0)
  // Files a running container wrote to tmpfs are in its own working set; the rest (earlier runs, exec) is the pod's.
  const charged = running.reduce((sum, c) => sum + (usedAt(c, atMs) > 0 ? tmpfsAt(c, atMs) : 0), 0)
  const podLevel = Math.max(0, p.emptyDirBytesAt(atMs) - charged)
  const workingSetBytes = containers.reduce((sum, c) => sum + c.workingSetBytes, 0) + pages(podLevel)
  return { pod: p.pod, containers, workingSetBytes }
}

/** The memory the node's own processes use (kubelet, containerd, the OS; static pods on the control plane). */
export function nodeOverheadBytes(node: Node): number {
  return node.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined ? NODE_OVERHEAD.controlPlane.memoryBytes : NODE_OVERHEAD.worker.memoryBytes
}

/** memory.available at `atMs`: capacity minus the node's working set. */
export function memoryAvailable(node: Node, pods: RunningPod[], atMs: number): number {
  let used = nodeOverheadBytes(node)
  for (const p of pods) used += podMemoryStats(p, atMs).workingSetBytes
  return quantityValue(node.status.capacity.memory) - used
}

/**
 * The first instant at or after `fromMs` when memory.available is below `thresholdBytes`,
 * if the pods that run now would ever take it there. Use is linear in time between the
 * breakpoints (spikes, planned exits, emptyDir writes), so each stretch is solved exactly.
 */
export function memoryPressureFrom(node: Node, pods: RunningPod[], fromMs: number, thresholdBytes: number): number | undefined {
  const below = (atMs: number) => memoryAvailable(node, pods, atMs) < thresholdBytes
  if (below(fromMs)) return fromMs
  const containers = pods.flatMap(runningContainers)
  const breakpoints = new Set<number>()
  for (const c of containers) {
    const spike = c.profile.spike
    if (spike) for (const t of [c.startedAtMs + spike.atMs, c.startedAtMs + spike.atMs + spike.forMs]) if (t > fromMs) breakpoints.add(t)
    if (c.endsAtMs !== undefined && c.endsAtMs > fromMs) breakpoints.add(c.endsAtMs)
  }
  for (const p of pods) for (const t of p.emptyDirChangesAfter(fromMs)) breakpoints.add(t)
  const times = [...breakpoints].sort((a, b) => a - b)
  let start = fromMs
  for (const end of [...times, Infinity]) {
    // Within [start, end) only growth moves memory: solve for the crossing.
    const slope = containers.filter((c) => c.profile.growthPerMinute > 0 && (c.endsAtMs === undefined || c.endsAtMs > start)).reduce((s, c) => s + c.profile.growthPerMinute / 60_000, 0)
    if (slope > 0) {
      const room = memoryAvailable(node, pods, start) - thresholdBytes
      let at = start + Math.max(1, Math.floor(room / slope) + 1)
      // Use is rounded to whole bytes: step past the rounding.
      for (let i = 0; i < 100 && at < end && !below(at); i++) at += Math.max(1, Math.ceil(1 / slope))
      if (at < end) return at
    }
    if (end === Infinity) return undefined
    if (below(end)) return end
    start = end
  }
  return undefined
}
