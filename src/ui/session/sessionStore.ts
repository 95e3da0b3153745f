/**
 * What the UI knows of the command log: the worker's latest log (timeline marks, saving,
 * sharing), whether the cluster shown is an earlier moment of it, and the notices about
 * stored, shared or imported sessions.
 */
import { create } from 'zustand'
import type { SessionLog } from '../../engine/commandLog/sessionLog.ts'

export interface SessionProblem {
  message: string
  /** The stored data that could not be used, offered for download before a reset. */
  raw?: string
  /** Whether resetting is the way out (stored data); an import error only needs dismissing. */
  offerReset: boolean
}

export interface SessionState {
  log: SessionLog | null
  /** Simulated time of the cluster when the log was reported. */
  time: number
  /** The cluster shown is an earlier moment; `log.time` is the end of the log. */
  viewingPast: boolean
  problem: SessionProblem | null
  /** Showing a share link's cluster: the person's own saved session is kept until they choose. */
  shared: boolean
  /** The last save failed (storage full or disabled). */
  saveFailed: boolean
}

export const useSession = create<SessionState>()(() => ({
  log: null,
  time: 0,
  viewingPast: false,
  problem: null,
  shared: false,
  saveFailed: false,
}))

/** Saving is off while a notice asks the person to choose (damaged data, a shared link). */
export function savingAllowed(state: SessionState): boolean {
  return !state.shared && !state.problem?.offerReset
}
