import { DEFAULT_SHAPE, type SchedulerProfile } from '../profile.ts'

const MAX_NODE_SCORE = 100
/** A shape's scores run 0..10 (MaxCustomPriorityScore) and are scaled to 0..100. */
const MAX_CUSTOM_PRIORITY_SCORE = 10
const MAX_UTILIZATION = 100

/** Scores a node from each resource's requested and allocatable amounts (noderesources scorers). */
export type ResourceScorer = (requested: number[], allocatable: number[]) => number

export function resourceScorer(strategy: SchedulerProfile['scoringStrategy']): ResourceScorer {
  const weights = strategy.resources.map((r) => r.weight)
  switch (strategy.type) {
    case 'MostAllocated':
      return weightedMean(weights, mostRequestedScore)
    case 'RequestedToCapacityRatio':
      return requestedToCapacityRatio(weights, strategy.requestedToCapacityRatio?.shape ?? DEFAULT_SHAPE)
    default:
      return weightedMean(weights, leastRequestedScore)
  }
}

/** (capacity − requested) × 100 / capacity: an empty node scores 100. */
function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity)
}

/** requested × 100 / capacity: a full node scores 100 (more than full counts as full). */
function mostRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0) return 0
  return Math.trunc((Math.min(requested, capacity) * MAX_NODE_SCORE) / capacity)
}

/** Integer weighted mean over the resources the node has (allocatable 0 is skipped). */
function weightedMean(weights: number[], score: (requested: number, capacity: number) => number): ResourceScorer {
  return (requested, allocatable) => {
    let sum = 0
    let weightSum = 0
    allocatable.forEach((alloc, i) => {
      if (alloc === 0) return
      sum += score(requested[i], alloc) * weights[i]
      weightSum += weights[i]
    })
    return weightSum === 0 ? 0 : Math.trunc(sum / weightSum)
  }
}

/** helper.BuildBrokenLinearFunction: straight lines between the shape's points, flat beyond them. */
export function brokenLinear(shape: { utilization: number; score: number }[]): (p: number) => number {
  return (p) => {
    for (let i = 0; i < shape.length; i++) {
      if (p <= shape[i].utilization) {
        if (i === 0) return shape[0].score
        const prev = shape[i - 1]
        return prev.score + Math.trunc(((shape[i].score - prev.score) * (p - prev.utilization)) / (shape[i].utilization - prev.utilization))
      }
    }
    return shape[shape.length - 1].score
  }
}

function requestedToCapacityRatio(weights: number[], shape: { utilization: number; score: number }[]): ResourceScorer {
  const scaled = shape.map((p) => ({ utilization: p.utilization, score: p.score * (MAX_NODE_SCORE / MAX_CUSTOM_PRIORITY_SCORE) }))
  const raw = brokenLinear(scaled)
  const resourceScore = (requested: number, capacity: number) =>
    capacity === 0 || requested > capacity ? raw(MAX_UTILIZATION) : raw(Math.trunc((requested * MAX_UTILIZATION) / capacity))
  return (requested, allocatable) => {
    let sum = 0
    let weightSum = 0
    allocatable.forEach((alloc, i) => {
      if (alloc === 0) return
      const s = resourceScore(requested[i], alloc)
      // Only resources that score count toward the mean.
      if (s > 0) {
        sum += s * weights[i]
        weightSum += weights[i]
      }
    })
    return weightSum === 0 ? 0 : Math.round(sum / weightSum)
  }
}
