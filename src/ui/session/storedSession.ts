/**
 * The session kept in localStorage across reloads: the command log (which is the cluster)
 * plus where the person was on it and how time was running. Versioned twice: the key
 * names the storage layout, the log inside carries its own format version.
 */
import { readSessionLog } from '../../engine/commandLog/readSessionLog.ts'
import type { SessionLog } from '../../engine/commandLog/sessionLog.ts'

export const SESSION_KEY = 'kubesim.session.v1'
export const SETTINGS_KEY = 'kubesim.settings.v1'
/** Every key kubesim stores starts with this; a reset clears them all (the editor's too). */
const KEY_PREFIX = 'kubesim.'

export interface StoredSession {
  log: SessionLog
  /** Set when the person was looking at an earlier moment (the log's end is `log.time`). */
  viewTime?: number
  running: boolean
  speed: number
}

export type LoadedSession =
  | { kind: 'none' }
  | { kind: 'ok'; stored: StoredSession }
  /** Data that cannot be used: `raw` is kept so the person can download it before resetting. */
  | { kind: 'bad'; message: string; raw: string }

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage
  } catch {
    return undefined // storage disabled (privacy settings): nothing is kept
  }
}

/** The tab's own storage (the terminal's history lives there). */
function tabStorage(): Storage | undefined {
  try {
    return globalThis.sessionStorage
  } catch {
    return undefined
  }
}

export function loadStoredSession(): LoadedSession {
  const raw = storage()?.getItem(SESSION_KEY)
  if (raw == null) return { kind: 'none' }
  const bad = (why: string): LoadedSession => ({ kind: 'bad', message: `Your saved cluster could not be restored: ${why}.`, raw })
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    return bad('the saved data is damaged (not valid JSON)')
  }
  if (typeof data !== 'object' || data === null) return bad('the saved data is damaged')
  const { log, viewTime, running, speed } = data as Record<string, unknown>
  const read = readSessionLog(log)
  if (!read.ok) return bad(read.problem === 'version' ? `it was saved by another version of kubesim (${read.message})` : `the saved data is damaged (${read.message})`)
  return {
    kind: 'ok',
    stored: {
      log: read.log,
      viewTime: typeof viewTime === 'number' && viewTime >= 0 && viewTime < read.log.time ? Math.floor(viewTime) : undefined,
      running: running === true,
      speed: typeof speed === 'number' && speed > 0 ? speed : 1,
    },
  }
}

/** False when storage is full or disabled: the caller may tell the person. */
export function saveStoredSession(stored: StoredSession): boolean {
  try {
    storage()?.setItem(SESSION_KEY, JSON.stringify(stored))
    return true
  } catch {
    return false
  }
}

export interface StoredSettings {
  /** The canvas's namespace filter (null: all namespaces). */
  namespace: string | null
}

export function loadSettings(): StoredSettings {
  try {
    const data = JSON.parse(storage()?.getItem(SETTINGS_KEY) ?? '{}') as Record<string, unknown>
    return { namespace: typeof data.namespace === 'string' ? data.namespace : null }
  } catch {
    return { namespace: null }
  }
}

export function saveSettings(settings: StoredSettings): void {
  try {
    // Merged: the display settings (theme, presenter mode) share this key.
    let current: object = {}
    try {
      const parsed = JSON.parse(storage()?.getItem(SETTINGS_KEY) ?? '{}') as unknown
      if (parsed && typeof parsed === 'object') current = parsed
    } catch {
      // damaged: replaced below
    }
    storage()?.setItem(SETTINGS_KEY, JSON.stringify({ ...current, ...settings }))
  } catch {
    // Settings are a convenience: a full storage only means they are not kept.
  }
}

const clearedListeners = new Set<() => void>()

/**
 * Forgets everything kubesim stored (the cluster, the settings, and any other
 * `kubesim.*` key such as the editor's tabs or, in this tab, the terminal's history), then tells the listeners, so a module
 * holding stored state in memory (the editor) can drop it and not write it back.
 */
export function clearStoredSession(): void {
  for (const s of [storage(), tabStorage()]) {
    if (!s) continue
    const keys: string[] = []
    for (let i = 0; i < s.length; i++) {
      const key = s.key(i)
      if (key?.startsWith(KEY_PREFIX)) keys.push(key)
    }
    for (const key of keys) s.removeItem(key)
  }
  for (const listener of clearedListeners) listener()
}

/** Called after clearStoredSession; returns the unsubscribe function. */
export function onStoredSessionCleared(listener: () => void): () => void {
  clearedListeners.add(listener)
  return () => void clearedListeners.delete(listener)
}
