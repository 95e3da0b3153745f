import type { FilterPlugin, ScorePlugin } from '../plugin.ts'
import { unfit } from '../plugin.ts'
import { podRequests } from '../nodeInfo.ts'

/** Requests of the pods already on the node plus this pod's must fit the node's allocatable. */
export const nodeResourcesFitFilter: FilterPlugin = {
  name: 'NodeResourcesFit',
  filter(pod, info) {
    const r = podRequests(pod)
    const tooMany = info.pods.length + 1 > info.allocatable.pods
    const cpu = r.cpu > 0 && info.requested.cpu + r.cpu > info.allocatable.cpu
    const memory = r.memory > 0 && info.requested.memory + r.memory > info.allocatable.memory
    // The common case (it fits) allocates nothing: this runs for every sampled node of every pod.
    if (!tooMany && !cpu && !memory) return null
    const reasons: string[] = []
    if (tooMany) reasons.push('Too many pods')
    if (cpu) reasons.push('Insufficient cpu')
    if (memory) reasons.push('Insufficient memory')
    return unfit(reasons, false)
  },
}

/** LeastAllocated: prefer the node with the most room left (cpu and memory weigh 1 each). */
export const nodeResourcesFitScore: ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  score(pod, info) {
    const r = podRequests(pod, true)
    const cpu = free(info.nonZeroRequested.cpu + r.cpu, info.allocatable.cpu)
    const memory = free(info.nonZeroRequested.memory + r.memory, info.allocatable.memory)
    return Math.floor((cpu + memory) / 2)
  },
}

/** BalancedAllocation: prefer nodes whose cpu and memory fill up evenly. */
export const balancedAllocationScore: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  score(pod, info) {
    const r = podRequests(pod, true)
    const cpu = fraction(info.nonZeroRequested.cpu + r.cpu, info.allocatable.cpu)
    const memory = fraction(info.nonZeroRequested.memory + r.memory, info.allocatable.memory)
    const std = Math.abs(cpu - memory) / 2
    return Math.floor((1 - std) * 100)
  },
}

/** LeastAllocated's share of a resource left free, 0..100. */
function free(requested: number, allocatable: number): number {
  return allocatable === 0 || requested > allocatable ? 0 : Math.floor(((allocatable - requested) * 100) / allocatable)
}

/** BalancedAllocation's fraction of a resource requested, 0..1. */
function fraction(requested: number, allocatable: number): number {
  return allocatable === 0 ? 1 : Math.min(1, requested / allocatable)
}
