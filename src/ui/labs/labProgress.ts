/**
 * How far the student got in each lab, kept across reloads (`kubesim.labs.v1`, cleared
 * with the rest of kubesim's storage by Reset cluster). Unreadable data is forgotten.
 */
const KEY = 'kubesim.labs.v1'

export interface LabProgress {
  passed: number
  total: number
}

export type ProgressByLab = Record<string, LabProgress>

export function readProgress(storage: Storage | undefined): ProgressByLab {
  try {
    const data: unknown = JSON.parse(storage?.getItem(KEY) ?? '{}')
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return {}
    const out: ProgressByLab = {}
    for (const [id, p] of Object.entries(data as Record<string, unknown>)) {
      const { passed, total } = (p ?? {}) as Partial<LabProgress>
      if (Number.isInteger(passed) && Number.isInteger(total) && passed! >= 0 && passed! <= total!) out[id] = { passed: passed!, total: total! }
    }
    return out
  } catch {
    return {}
  }
}

/** Records a lab's progress; a later, smaller count (a reset lab) never hides the best run. */
export function recordProgress(storage: Storage | undefined, id: string, progress: LabProgress): ProgressByLab {
  const all = readProgress(storage)
  const best = all[id]
  if (!best || progress.passed > best.passed || progress.total !== best.total) all[id] = progress
  try {
    storage?.setItem(KEY, JSON.stringify(all))
  } catch {
    // Storage full or refused: progress simply isn't kept.
  }
  return all
}

export function progressText(p: LabProgress | undefined): string {
  if (!p) return 'not started'
  return p.passed === p.total ? 'done' : `${p.passed}/${p.total} steps`
}
