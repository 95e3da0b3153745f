import { DEFAULT_CLUSTER, type ClusterSpec } from '../clusterSpec.ts'
import type { LoggedCommand } from './sessionCommand.ts'

export const SESSION_FORMAT = 'kubesim-session'
/** Bump when a stored log can no longer be read as it is; readSessionLog refuses other versions. */
export const SESSION_VERSION = 1

/**
 * A cluster as data: the seed and the machines it started with, and every command given
 * since, stamped with its simulated time. The engine is deterministic, so replaying this
 * rebuilds the same objects, names, resourceVersions and events.
 */
export interface SessionLog {
  format: typeof SESSION_FORMAT
  version: typeof SESSION_VERSION
  seed: number
  cluster: ClusterSpec
  commands: LoggedCommand[]
  /** Simulated milliseconds the session reached: the end of its timeline. */
  time: number
}

export function newSessionLog(seed: number, cluster: Partial<ClusterSpec> = {}): SessionLog {
  return { format: SESSION_FORMAT, version: SESSION_VERSION, seed, cluster: { ...DEFAULT_CLUSTER, ...cluster }, commands: [], time: 0 }
}
