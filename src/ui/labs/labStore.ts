/** The lab panel's state: the lab the worker runs, and what the student has revealed of it. */
import { create } from 'zustand'
import type { LabState } from '../../worker/protocol.ts'
import { readProgress, recordProgress, type ProgressByLab } from './labProgress.ts'
import { readRevealed, saveRevealed } from './labRevealed.ts'

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
  /** The Markdown of the lab the saved session brings back, if any: `?lab=` does not start it again. */
  restoredSource: string | null
}

export const useLabPanel = create<LabPanelState>()(() => ({
  open: false,
  lab: null,
  origin: null,
  error: null,
  hintsShown: {},
  solutionShown: {},
  progress: readProgress(storage),
  restoredSource: null,
}))

// What the student revealed survives a reload with the lab.
useLabPanel.subscribe((s, prev) => {
  if (s.hintsShown !== prev.hintsShown || s.solutionShown !== prev.solutionShown) saveRevealed(storage, { hintsShown: s.hintsShown, solutionShown: s.solutionShown })
})

/**
 * The worker's news about the lab: a new lab (or a reset one) starts with nothing revealed;
 * a `restored` one (a reload) reopens the panel on its step with what was revealed before.
 */
export function receiveLab(state: LabState | null, error?: { line: number; reason: string }, restored = false): void {
  useLabPanel.setState((s) => {
    if (error) return { lab: null, error: { origin: s.origin ?? 'lab', ...error } }
    if (restored && state) return { lab: state, open: true, origin: state.origin ?? null, ...readRevealed(storage) }
    const fresh = !state || !s.lab || s.lab.view !== state.view || state.current < s.lab.current
    const progress = state && s.origin ? recordProgress(storage, s.origin, { passed: state.done ? state.view.steps.length : state.current, total: state.view.steps.length }) : s.progress
    return { lab: state, error: null, progress, ...(fresh ? { hintsShown: {}, solutionShown: {} } : {}) }
  })
}
