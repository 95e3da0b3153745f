/**
 * The hints and solutions the student revealed in the lab under way (`kubesim.labRevealed.v1`),
 * so a reload that brings the lab back shows them again. Unreadable data is forgotten.
 */
const KEY = 'kubesim.labRevealed.v1'

export interface Revealed {
  hintsShown: Record<number, number>
  solutionShown: Record<number, boolean>
}

export function readRevealed(storage: Storage | undefined): Revealed {
  const out: Revealed = { hintsShown: {}, solutionShown: {} }
  try {
    const data = JSON.parse(storage?.getItem(KEY) ?? '{}') as Partial<Record<keyof Revealed, Record<string, unknown>>>
    for (const [step, n] of Object.entries(data.hintsShown ?? {})) if (Number.isInteger(Number(step)) && Number.isInteger(n) && (n as number) > 0) out.hintsShown[Number(step)] = n as number
    for (const [step, shown] of Object.entries(data.solutionShown ?? {})) if (Number.isInteger(Number(step)) && shown === true) out.solutionShown[Number(step)] = true
  } catch {
    // damaged: nothing revealed
  }
  return out
}

export function saveRevealed(storage: Storage | undefined, revealed: Revealed): void {
  try {
    storage?.setItem(KEY, JSON.stringify(revealed))
  } catch {
    // A full storage only means hints are hidden again after a reload.
  }
}
