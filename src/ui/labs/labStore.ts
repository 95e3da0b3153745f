/** The lab panel's state: the lab the worker runs, and what the student has revealed of it. */
import { create } from 'zustand'
import type { LabState } from '../../worker/protocol.ts'
import { readProgress, recordProgress, type ProgressByLab } from './labProgress.ts'

const storage = typeof localStorage === 'undefined' ? undefined : localStorage

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
  /** Steps passed per lab (by catalog id or file name), across reloads. */
  progress: ProgressByLab
}

export const useLabPanel = create<LabPanelState>()(() => ({
  open: false,
  lab: null,
  origin: null,
  error: null,
  hintsShown: {},
  solutionShown: {},
  progress: readProgress(storage),
}))

/** The worker's news about the lab: a new lab (or a reset one) starts with nothing revealed. */
export function receiveLab(state: LabState | null, error?: { line: number; reason: string }): void {
  useLabPanel.setState((s) => {
    if (error) return { lab: null, error: { origin: s.origin ?? 'lab', ...error } }
    const fresh = !state || !s.lab || s.lab.view !== state.view || state.current < s.lab.current
    const progress = state && s.origin ? recordProgress(storage, s.origin, { passed: state.done ? state.view.steps.length : state.current, total: state.view.steps.length }) : s.progress
    return { lab: state, error: null, progress, ...(fresh ? { hintsShown: {}, solutionShown: {} } : {}) }
  })
}
