import type { FilterPlugin, ScorePlugin } from '../plugin.ts'
import { unfit } from '../plugin.ts'
import { podRequests, type NodeInfo } from '../nodeInfo.ts'
import type { Pod } from '../../api/types.ts'
import { quantityValue } from '../../util/quantity.ts'
import { resourceScorer } from './resourceScoring.ts'

/** What the node can give of an extended resource: its allocatable, 0 when it advertises none. */
function allocatableScalar(info: NodeInfo, name: string): number {
  const value = info.node.status.allocatable[name]
  return value === undefined ? 0 : quantityValue(value)
}

/** Requests of the pods already on the node plus this pod's must fit the node's allocatable. */
export const nodeResourcesFitFilter: FilterPlugin = {
  name: 'NodeResourcesFit',
  filter(pod, info) {
    const r = podRequests(pod)
    const tooMany = info.pods.length + 1 > info.allocatable.pods
    const cpu = r.cpu > 0 && info.requested.cpu + r.cpu > info.allocatable.cpu
    const memory = r.memory > 0 && info.requested.memory + r.memory > info.allocatable.memory
    const scalar = r.scalar ? Object.entries(r.scalar).filter(([name, value]) => value > 0 && (info.requestedScalar[name] ?? 0) + value > allocatableScalar(info, name)) : []
    // The common case (it fits) allocates nothing: this runs for every sampled node of every pod.
    if (!tooMany && !cpu && !memory && scalar.length === 0) return null
    const reasons: string[] = []
    if (tooMany) reasons.push('Too many pods')
    if (cpu) reasons.push('Insufficient cpu')
    if (memory) reasons.push('Insufficient memory')
    for (const [name] of scalar) reasons.push(`Insufficient ${name}`)
    return unfit(reasons, false)
  },
}

/**
 * What NodeResourcesFit scores on, per resource of the strategy: requested with this pod
 * (cpu and memory count pods that request nothing as 100m and 200Mi) and allocatable.
 */
export function requestedAndAllocatable(pod: Pod, info: NodeInfo, name: string): [number, number] {
  const r = podRequests(pod, true)
  switch (name) {
    case 'cpu':
      return [info.nonZeroRequested.cpu + r.cpu, info.allocatable.cpu]
    case 'memory':
      return [info.nonZeroRequested.memory + r.memory, info.allocatable.memory]
    default:
      return [(info.requestedScalar[name] ?? 0) + (r.scalar?.[name] ?? 0), allocatableScalar(info, name)]
  }
}

/**
 * The profile's scoring strategy: LeastAllocated (default) prefers the emptiest node,
 * MostAllocated the fullest, RequestedToCapacityRatio follows the profile's shape.
 */
export const nodeResourcesFitScore: ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  score(pod, info, state) {
    const strategy = state.profile.scoringStrategy
    const scorer = state.memo('NodeResourcesFit/scorer', () => resourceScorer(strategy))
    const requested: number[] = []
    const allocatable: number[] = []
    for (const resource of strategy.resources) {
      const [req, alloc] = requestedAndAllocatable(pod, info, resource.name)
      requested.push(req)
      allocatable.push(alloc)
    }
    return scorer(requested, allocatable)
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


/** BalancedAllocation's fraction of a resource requested, 0..1. */
function fraction(requested: number, allocatable: number): number {
  return allocatable === 0 ? 1 : Math.min(1, requested / allocatable)
}
