/**
 * A scheduler profile (KubeSchedulerConfiguration `profiles[]`, default-scheduler): how
 * NodeResourcesFit scores, each score plugin's weight, and the plugins turned off.
 */
export type ScoringStrategyType = 'LeastAllocated' | 'MostAllocated' | 'RequestedToCapacityRatio'

export interface ResourceSpec {
  name: string
  weight: number
}

/** A point of RequestedToCapacityRatio's shape: utilization 0..100 maps to score 0..10. */
export interface UtilizationShapePoint {
  utilization: number
  score: number
}

export interface SchedulerProfile {
  scoringStrategy: {
    type: ScoringStrategyType
    resources: ResourceSpec[]
    requestedToCapacityRatio?: { shape: UtilizationShapePoint[] }
  }
  /** Score plugin weights that differ from default_plugins.go's. */
  weights: Record<string, number>
  /** Plugins disabled at every extension point, by name (`NodeResourcesBalancedAllocation`). */
  disabled: string[]
}

/** NodeResourcesFitArgs defaults: LeastAllocated over cpu and memory, weight 1 each. */
export const DEFAULT_RESOURCES: ResourceSpec[] = [
  { name: 'cpu', weight: 1 },
  { name: 'memory', weight: 1 },
]

/** SetDefaults_NodeResourcesFitArgs: RequestedToCapacityRatio without a shape scores empty nodes 10 and full ones 0. */
export const DEFAULT_SHAPE: UtilizationShapePoint[] = [
  { utilization: 0, score: 10 },
  { utilization: 100, score: 0 },
]

export const DEFAULT_PROFILE: SchedulerProfile = {
  scoringStrategy: { type: 'LeastAllocated', resources: DEFAULT_RESOURCES },
  weights: {},
  disabled: [],
}

/** Filter plugins a profile may not disable: without them the cluster's own rules break. */
export const REQUIRED_PLUGINS = new Set(['NodeName', 'NodeUnschedulable', 'SchedulingGates'])

/** Why a profile is refused, or null: weights are 1..100 as in KubeSchedulerConfiguration validation. */
export function validateProfile(profile: SchedulerProfile, known: readonly string[]): string | null {
  for (const [name, weight] of Object.entries(profile.weights)) {
    if (!known.includes(name)) return `unknown score plugin "${name}"`
    if (!Number.isInteger(weight) || weight < 0 || weight > 100) return `weight of ${name} must be an integer from 0 to 100`
  }
  for (const name of profile.disabled) if (REQUIRED_PLUGINS.has(name)) return `${name} cannot be disabled`
  const { type, resources, requestedToCapacityRatio } = profile.scoringStrategy
  if (!['LeastAllocated', 'MostAllocated', 'RequestedToCapacityRatio'].includes(type)) return `unknown scoring strategy "${type}"`
  for (const r of resources) if (!Number.isInteger(r.weight) || r.weight < 1 || r.weight > 100) return `resource weight of ${r.name} must be an integer from 1 to 100`
  const shape = requestedToCapacityRatio?.shape ?? []
  for (let i = 0; i < shape.length; i++) {
    const p = shape[i]
    if (p.utilization < 0 || p.utilization > 100) return 'utilization must be from 0 to 100'
    if (p.score < 0 || p.score > 10) return 'score must be from 0 to 10'
    if (i > 0 && p.utilization <= shape[i - 1].utilization) return 'utilization values must be sorted in increasing order'
  }
  return null
}
