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
  /**
   * Set when the session is a guided lab: its cluster is built from the lab file (seeded
   * with `seed`), not from `cluster`, and its progress is re-evaluated as the log replays.
   * Logs from before labs were kept have none; they read as before.
   */
  lab?: SessionLab
}

export interface SessionLab {
  /** The lab's Markdown, whole: a shared or exported session carries its lab. */
  source: string
  /** The file or catalog entry it came from (`crashloop.md`), for the app's lab progress. */
  origin?: string
  /**
   * Simulated times at which a step passed, in order. Replay evaluates the checks there
   * (and after every command), so steps that passed live pass again.
   */
  passed?: number[]
  /** The student left the lab (its cluster stays): replay builds the lab's cluster but checks nothing. */
  left?: true
}

export function newSessionLog(seed: number, cluster: Partial<ClusterSpec> = {}): SessionLog {
  return { format: SESSION_FORMAT, version: SESSION_VERSION, seed, cluster: { ...DEFAULT_CLUSTER, ...cluster }, commands: [], time: 0 }
}
