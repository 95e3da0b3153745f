import type { FilterPlugin, ScorePlugin } from '../plugin.ts'
import { unfit } from '../plugin.ts'
import { podRequests } from '../nodeInfo.ts'

/** Requests of the pods already on the node plus this pod's must fit the node's allocatable. */
export const nodeResourcesFitFilter: FilterPlugin = {
  name: 'NodeResourcesFit',
  filter(pod, info) {
    const reasons: string[] = []
    if (info.pods.length + 1 > info.allocatable.pods) reasons.push('Too many pods')
    const r = podRequests(pod)
    if (r.cpu > 0 && info.requested.cpu + r.cpu > info.allocatable.cpu) reasons.push('Insufficient cpu')
    if (r.memory > 0 && info.requested.memory + r.memory > info.allocatable.memory) reasons.push('Insufficient memory')
    return reasons.length ? unfit(reasons, false) : null
  },
}

/** LeastAllocated: prefer the node with the most room left (cpu and memory weigh 1 each). */
export const nodeResourcesFitScore: ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  score(pod, info) {
    const r = podRequests(pod, true)
    const free = (requested: number, allocatable: number) =>
      allocatable === 0 || requested > allocatable ? 0 : Math.floor(((allocatable - requested) * 100) / allocatable)
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
    const fraction = (requested: number, allocatable: number) => (allocatable === 0 ? 1 : Math.min(1, requested / allocatable))
    const cpu = fraction(info.nonZeroRequested.cpu + r.cpu, info.allocatable.cpu)
    const memory = fraction(info.nonZeroRequested.memory + r.memory, info.allocatable.memory)
    const std = Math.abs(cpu - memory) / 2
    return Math.floor((1 - std) * 100)
  },
}
