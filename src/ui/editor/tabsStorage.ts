/**
 * The editor's tabs across reloads: `kubesim.editor.v1` in localStorage holds each file's
 * name and text and which one was showing. Anything unreadable (corrupt JSON, another
 * shape, an unknown version) starts fresh with a message, never an exception.
 */
export const TABS_KEY = 'kubesim.editor.v1'
const VERSION = 1

export interface StoredFile {
  name: string
  text: string
}

export interface StoredTabs {
  files: StoredFile[]
  /** Index into files of the tab that was showing. */
  active: number
}

export type LoadedTabs = { tabs: StoredTabs } | { tabs: null; problem?: string }

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>

export function loadTabs(storage: KeyValueStorage | undefined): LoadedTabs {
  let raw: string | null
  try {
    raw = storage?.getItem(TABS_KEY) ?? null
  } catch {
    return { tabs: null }
  }
  if (raw === null) return { tabs: null }
  const problem = 'The saved editor tabs could not be read, so the editor starts fresh.'
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    return { tabs: null, problem }
  }
  if (!isRecord(data) || data.version !== VERSION || !Array.isArray(data.files)) return { tabs: null, problem }
  const files = data.files.filter((f): f is StoredFile => isRecord(f) && typeof f.name === 'string' && f.name !== '' && typeof f.text === 'string')
  if (files.length === 0 || files.length !== data.files.length) return { tabs: null, problem }
  const active = typeof data.active === 'number' && Number.isInteger(data.active) && data.active >= 0 && data.active < files.length ? data.active : 0
  return { tabs: { files: files.map(({ name, text }) => ({ name, text })), active } }
}

export function saveTabs(storage: KeyValueStorage | undefined, tabs: StoredTabs): void {
  try {
    storage?.setItem(TABS_KEY, JSON.stringify({ version: VERSION, ...tabs }))
  } catch {
    // A full or disabled storage loses persistence, not the session.
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
