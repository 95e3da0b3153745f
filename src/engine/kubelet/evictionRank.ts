import type { Pod } from '../api/types.ts'
import { canonicalQuantity } from '../util/exactQuantity.ts'
import { formatMemory, quantityValue } from '../util/quantity.ts'

/**
 * Who goes first when the node runs low on memory, and what the evicted pod is told
 * (pkg/kubelet/eviction/helpers.go: rankMemoryPressure, evictionMessage).
 */

/** A pod's memory as the kubelet's summary reports it: working set per container. */
export interface PodMemoryStats {
  pod: Pod
  /** Working set of each container that runs, in bytes (memory-backed emptyDirs charged to the pod). */
  containers: { name: string; workingSetBytes: number }[]
  /** The pod cgroup's working set: its containers plus its `medium: Memory` emptyDirs. */
  workingSetBytes: number
}

/** GetResourceRequestQuantity(pod, memory): app containers and sidecars summed, or the largest init container if more. */
export function podMemoryRequest(pod: Pod): number {
  let sum = 0
  let initMax = 0
  for (const c of pod.spec.initContainers ?? []) {
    const request = quantityValue(c.resources?.requests?.memory)
    if (c.restartPolicy === 'Always') sum += request
    else initMax = Math.max(initMax, sum + request)
  }
  for (const c of pod.spec.containers) sum += quantityValue(c.resources?.requests?.memory)
  return Math.max(sum, initMax)
}

/** Larger first: true sorts before false. */
const cmpBool = (a: boolean, b: boolean) => (a === b ? 0 : a ? -1 : 1)
const priorityOf = (pod: Pod) => pod.spec.priority ?? 0

/**
 * rankMemoryPressure: pods whose usage exceeds their requests first, then lower priority
 * first, then the largest use above requests first. A BestEffort pod requests nothing, so
 * it exceeds its requests as soon as it uses anything.
 */
export function rankMemoryPressure(pods: PodMemoryStats[]): PodMemoryStats[] {
  const above = (s: PodMemoryStats) => s.workingSetBytes - podMemoryRequest(s.pod)
  return [...pods].sort((a, b) => cmpBool(above(a) > 0, above(b) > 0) || priorityOf(a.pod) - priorityOf(b.pod) || above(b) - above(a))
}

/**
 * evictionMessage for memory: the threshold and what was available, then each container
 * using more than it requested. Every sentence ends with `. `, the last one too.
 */
export function memoryEvictionMessage(stats: PodMemoryStats, thresholdBytes: number, availableBytes: number): string {
  let message = `The node was low on resource: memory. Threshold quantity: ${formatMemory(thresholdBytes)}, available: ${formatBytes(availableBytes)}. `
  const containers = [...stats.pod.spec.containers, ...(stats.pod.spec.initContainers ?? [])]
  for (const used of stats.containers) {
    const spec = containers.find((c) => c.name === used.name)
    if (!spec) continue
    const request = spec.resources?.requests?.memory
    if (used.workingSetBytes > quantityValue(request)) {
      message += `Container ${used.name} was using ${formatBytes(used.workingSetBytes)}, request is ${request === undefined ? '0' : canonicalQuantity(request)}, has larger consumption of memory. `
    }
  }
  return message
}

/** resource.NewQuantity(bytes, BinarySI).String(): `91264Ki`, `-2Mi`, `1023`. */
function formatBytes(bytes: number): string {
  if (bytes < 0) return `-${formatMemory(-bytes)}`
  return formatMemory(bytes)
}
