import type { Pod } from '../api/types.ts'
import type { ApiStore } from '../api/store.ts'
import type { NodeInfo } from './nodeInfo.ts'
import type { CycleState } from './cycleState.ts'

/**
 * The kube-scheduler framework's plugin shapes. A filter answers "can this pod go on
 * this node?" with the reasons it cannot; a score ranks the nodes that passed.
 */
export interface FilterResult {
  reasons: string[]
  /** Preemption (evicting lower-priority pods) could never make this node fit. */
  unresolvable: boolean
  /** From a PreFilter: the reasons stand for every node (as a Filter would give them), not for the pod as a whole. */
  perNode?: boolean
}

export interface FilterPlugin {
  name: string
  /**
   * `store` is the scheduler's view of the other objects a plugin reads (claims, volumes);
   * `state` holds what a plugin worked out once for this pod (its PreFilter state).
   */
  filter(pod: Pod, node: NodeInfo, store: ApiStore, state: CycleState): FilterResult | null
}

export interface ScorePlugin {
  name: string
  /** The default profile's weight (default_plugins.go); a profile may change it. */
  weight: number
  /** PreScore: works out, once for the pod and the feasible nodes, what `score` reads. */
  preScore?(pod: Pod, feasible: readonly NodeInfo[], state: CycleState): void
  /** Raw score; `normalize` maps all nodes' raw scores to 0..100 when present. */
  score(pod: Pod, node: NodeInfo, state: CycleState): number
  normalize?(scores: number[], state: CycleState, feasible: readonly NodeInfo[]): number[]
}


export function unfit(reason: string | string[], unresolvable: boolean): FilterResult {
  return { reasons: Array.isArray(reason) ? reason : [reason], unresolvable }
}

/**
 * A PreFilter plugin looks at the pod once, before any node: when it fails, no node
 * is tried and its message replaces the per-node reasons of the FailedScheduling text.
 */
export interface PreFilterPlugin {
  name: string
  preFilter(pod: Pod, store: ApiStore): FilterResult | null
}
