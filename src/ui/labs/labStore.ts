/** The lab panel's state: the lab the worker runs, and what the student has revealed of it. */
import { create } from 'zustand'
import type { LabState } from '../../worker/protocol.ts'

export interface LabPanelState {
  open: boolean
  lab: LabState | null
  /** The file or catalog entry the lab came from, to name it in errors. */
  origin: string | null
  /** A lab that did not parse: the line and the reason. */
  error: { origin: string; line: number; reason: string } | null
  /** Hints shown so far, per step index (revealed one at a time). */
  hintsShown: Record<number, number>
  /** Steps whose solution the student chose to see. */
  solutionShown: Record<number, boolean>
}

export const useLabPanel = create<LabPanelState>()(() => ({
  open: false,
  lab: null,
  origin: null,
  error: null,
  hintsShown: {},
  solutionShown: {},
}))

/** The worker's news about the lab: a new lab (or a reset one) starts with nothing revealed. */
export function receiveLab(state: LabState | null, error?: { line: number; reason: string }): void {
  useLabPanel.setState((s) => {
    if (error) return { lab: null, error: { origin: s.origin ?? 'lab', ...error } }
    const fresh = !state || !s.lab || s.lab.view !== state.view || state.current < s.lab.current
    return { lab: state, error: null, ...(fresh ? { hintsShown: {}, solutionShown: {} } : {}) }
  })
}
