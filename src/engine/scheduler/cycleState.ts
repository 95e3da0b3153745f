import type { ApiStore } from '../api/store.ts'
import type { NodeInfo } from './nodeInfo.ts'
import type { SchedulerProfile } from './profile.ts'

/**
 * The framework's CycleState: what one scheduling cycle knows (all nodes, the API's
 * objects, the profile) and what plugins worked out once for the pod, by key, so a
 * filter or score run per node does not redo it.
 */
export class CycleState {
  private readonly data = new Map<string, unknown>()

  constructor(
    readonly nodes: readonly NodeInfo[],
    readonly store: ApiStore,
    readonly profile: SchedulerProfile,
  ) {}

  /** The value under `key`, computed by `compute` the first time it is asked for. */
  memo<T>(key: string, compute: () => T): T {
    if (this.data.has(key)) return this.data.get(key) as T
    const value = compute()
    this.data.set(key, value)
    return value
  }

  write(key: string, value: unknown): void {
    this.data.set(key, value)
  }

  read<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined
  }
}
