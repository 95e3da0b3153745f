/**
 * The editor's open files (tabs). Tab names are what `kubectl apply|delete -f NAME` read in
 * the terminal; texts live here (kept current by the editor's models) so they can be
 * read and saved without Monaco. A tab opened by `kubectl edit` carries its edit session.
 */
import { create } from 'zustand'
import { loadTabs, saveTabs, type StoredTabs } from './tabsStorage.ts'

/** A `kubectl edit` buffer: the engine's session, and the terminal block its result goes to. */
export interface EditLink {
  editId: number
  blockId: number
}

export interface EditorTab {
  id: number
  name: string
  edit?: EditLink
}

export interface WorkspaceState {
  tabs: EditorTab[]
  activeId: number
  /** Said once at start when saved tabs could not be restored. */
  notice: string | null
}

/** The first tab's name: every Apply from it is echoed as `kubectl apply -f manifest.yaml`. */
export const FIRST_FILE = 'manifest.yaml'

const texts = new Map<number, string>()
/** Texts set from outside the editor (a reopened edit buffer); the editor replaces its model's text, keeping undo. */
const replaced = new Set<(id: number, text: string) => void>()
let nextId = 1

export const useWorkspace = create<WorkspaceState>()(() => ({ tabs: [], activeId: 0, notice: null }))

/** Starts from what was saved, or from one `manifest.yaml` holding `initialText`. */
export function restoreWorkspace(storage: Storage | undefined, initialText: string): void {
  texts.clear()
  const loaded = loadTabs(storage)
  const files = loaded.tabs?.files ?? [{ name: FIRST_FILE, text: initialText }]
  const tabs = files.map((f) => {
    const id = nextId++
    texts.set(id, f.text)
    return { id, name: f.name }
  })
  useWorkspace.setState({ tabs, activeId: tabs[loaded.tabs?.active ?? 0].id, notice: loaded.tabs ? null : (loaded.problem ?? null) })
}

export function tabText(id: number): string {
  return texts.get(id) ?? ''
}

export function activeTab(): EditorTab | undefined {
  const { tabs, activeId } = useWorkspace.getState()
  return tabs.find((t) => t.id === activeId)
}

/** `deployment.yaml`, or `deployment-2.yaml` when that name is taken. */
export function uniqueName(wanted: string, taken: string[]): string {
  if (!taken.includes(wanted)) return wanted
  const dot = wanted.lastIndexOf('.')
  const [stem, ext] = dot > 0 ? [wanted.slice(0, dot), wanted.slice(dot)] : [wanted, '']
  for (let n = 2; ; n++) if (!taken.includes(`${stem}-${n}${ext}`)) return `${stem}-${n}${ext}`
}

/** Opens a new tab and shows it; returns its id. */
export function openTab(name: string, text: string, edit?: EditLink): number {
  const id = nextId++
  texts.set(id, text)
  useWorkspace.setState((s) => ({ tabs: [...s.tabs, { id, name: uniqueName(name, s.tabs.map((t) => t.name)), ...(edit ? { edit } : {}) }], activeId: id }))
  return id
}

export function showTab(id: number): void {
  if (useWorkspace.getState().tabs.some((t) => t.id === id)) useWorkspace.setState({ activeId: id })
}

/** Closes a tab; the neighbour shows. The last tab closed leaves an empty `manifest.yaml`. */
export function closeTab(id: number): void {
  const { tabs, activeId } = useWorkspace.getState()
  const at = tabs.findIndex((t) => t.id === id)
  if (at < 0) return
  texts.delete(id)
  const rest = tabs.filter((t) => t.id !== id)
  if (rest.length === 0) {
    const fresh = nextId++
    texts.set(fresh, '')
    useWorkspace.setState({ tabs: [{ id: fresh, name: FIRST_FILE }], activeId: fresh })
    return
  }
  useWorkspace.setState({ tabs: rest, activeId: activeId === id ? rest[Math.min(at, rest.length - 1)].id : activeId })
}

/** The editor reports a model's new text. */
export function noteText(id: number, text: string): void {
  if (texts.has(id)) texts.set(id, text)
}

/** Replaces a tab's text from outside the editor (kubectl edit reopening its buffer). */
export function replaceText(id: number, text: string): void {
  if (!texts.has(id)) return
  texts.set(id, text)
  for (const listener of replaced) listener(id, text)
}

export function onReplacedText(listener: (id: number, text: string) => void): () => void {
  replaced.add(listener)
  return () => replaced.delete(listener)
}

/** Every open file, as the terminal's `kubectl -f NAME` sees them. */
export function workspaceFiles(): { name: string; text: string }[] {
  return useWorkspace.getState().tabs.map((t) => ({ name: t.name, text: tabText(t.id) }))
}

/** What is worth keeping across a reload: plain files (an edit buffer's session does not survive one). */
export function storedTabs(): StoredTabs {
  const { tabs, activeId } = useWorkspace.getState()
  const files = tabs.filter((t) => !t.edit)
  const active = Math.max(0, files.findIndex((t) => t.id === activeId))
  return { files: files.map((t) => ({ name: t.name, text: tabText(t.id) })), active }
}

export function persistWorkspace(storage: Storage | undefined): void {
  const stored = storedTabs()
  if (stored.files.length > 0) saveTabs(storage, stored)
}
