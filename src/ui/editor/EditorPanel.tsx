import { useEffect, useRef, useState } from 'react'
import { useEngine } from '../engineContext.ts'
import { useShortcutAction } from '../shortcuts/shortcutActions.ts'
import { appendBlock, useCluster } from '../store/clusterStore.ts'
import { OutputLog } from './ApplyOutput.tsx'
import { cancelEditBuffer, saveEditBuffer } from './editBuffer.ts'
import { EditorTabs } from './EditorTabs.tsx'
import type { ManifestEditor } from './monacoEditor.ts'
import { registerEditorOpener } from './openInEditor.ts'
import { SAMPLES } from './samples.ts'
import {
  activeTab,
  closeTab,
  noteText,
  onReplacedText,
  openTab,
  persistWorkspace,
  restoreWorkspace,
  tabText,
  useWorkspace,
} from './workspace.ts'
import './editor.css'

const storage = typeof localStorage === 'undefined' ? undefined : localStorage
/** Saving the tabs waits for a pause in typing. */
const SAVE_DELAY_MS = 400

let restored = false
function ensureRestored(): void {
  if (restored) return
  restored = true
  restoreWorkspace(storage, SAMPLES[0].yaml)
}

let saveTimer: ReturnType<typeof setTimeout> | undefined
function persistSoon(): void {
  clearTimeout(saveTimer)
  saveTimer = setTimeout(() => persistWorkspace(storage), SAVE_DELAY_MS)
}

/** Manifest editor: tabs of files, sample picker, Apply (or Ctrl/Cmd+Enter), and the apply output. */
export function EditorPanel() {
  ensureRestored()
  const engine = useEngine()
  const host = useRef<HTMLDivElement>(null)
  const editor = useRef<ManifestEditor | null>(null)
  /** Tabs that have a Monaco model. */
  const opened = useRef(new Set<number>())
  const applyRef = useRef<() => void>(() => {})
  const saveRef = useRef<() => void>(() => {})
  const [loaded, setLoaded] = useState(false)
  const pending = useCluster((s) => s.applyPending)
  const output = useCluster((s) => s.applyOutput)
  const tabs = useWorkspace((s) => s.tabs)
  const activeId = useWorkspace((s) => s.activeId)
  const notice = useWorkspace((s) => s.notice)
  const active = tabs.find((t) => t.id === activeId)

  applyRef.current = () => {
    const ed = editor.current
    const tab = activeTab()
    if (!ed || !tab || useCluster.getState().applyPending) return
    useCluster.setState({ applyPending: true })
    void engine.apply(tabText(tab.id), tab.name).then((result) => {
      if (activeTab()?.id === tab.id) ed.setApplyMarkers(result.markers)
      useCluster.setState((s) => ({
        applyPending: false,
        applyMarkers: result.markers,
        applyOutput: appendBlock(s.applyOutput, { command: `kubectl apply -f ${tab.name}`, lines: result.output, failed: result.failed }),
      }))
    })
  }
  useShortcutAction('apply', () => applyRef.current())
  useShortcutAction('editor', () => editor.current?.focus())
  saveRef.current = () => {
    const tab = activeTab()
    if (tab?.edit) void saveEditBuffer(engine, tab.id)
  }

  useEffect(() => {
    let disposed = false
    const models = opened.current
    void import('./monacoEditor.ts').then(({ createManifestEditor }) => {
      if (disposed || !host.current) return
      editor.current = createManifestEditor(host.current, {
        onApply: () => applyRef.current(),
        onSave: () => saveRef.current(),
        onChange: (id, text) => {
          noteText(id, text)
          persistSoon()
        },
        ariaLabel: 'Manifest editor',
      })
      setLoaded(true)
    })
    const unlisten = onReplacedText((id, text) => editor.current?.replace(id, text))
    // "Open in editor" (the inspector's YAML) opens a new tab: the student's text stays.
    const unregisterOpener = registerEditorOpener((text, name) => {
      openTab(name, text)
      editor.current?.focus()
    })
    return () => {
      unlisten()
      unregisterOpener()
      disposed = true
      editor.current?.dispose()
      editor.current = null
      models.clear()
    }
  }, [])

  // Monaco follows the tabs: a model per tab (its own undo history), the active one shown.
  useEffect(() => {
    const ed = editor.current
    if (!loaded || !ed) return
    const ids = new Set(tabs.map((t) => t.id))
    for (const id of opened.current) {
      if (!ids.has(id)) {
        ed.close(id)
        opened.current.delete(id)
      }
    }
    for (const tab of tabs) {
      if (opened.current.has(tab.id)) continue
      ed.open(tab.id, tab.name, tabText(tab.id))
      opened.current.add(tab.id)
    }
    ed.show(activeId)
    persistSoon()
  }, [loaded, tabs, activeId])

  const openSample = (id: string) => {
    const sample = SAMPLES.find((s) => s.id === id)
    if (!sample) return
    openTab(`${sample.id}.yaml`, sample.yaml)
    editor.current?.focus()
  }

  const close = (id: number) => {
    const tab = tabs.find((t) => t.id === id)
    if (tab?.edit) cancelEditBuffer(engine, tab)
    closeTab(id)
  }

  return (
    <div className="editor-panel">
      <div className="panel-bar">
        <h2 className="panel-title">Manifest</h2>
        <label className="sample-picker">
          <span>Sample</span>
          {/* Picking a sample opens it in a new tab; the picker returns to its prompt so any sample can be picked again. */}
          <select value="" onChange={(e) => openSample(e.target.value)} aria-label="Sample manifest">
            <option value="" disabled>
              Open a sample…
            </option>
            {SAMPLES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn btn-primary" onClick={() => applyRef.current()} disabled={!loaded || pending} title="Apply (Ctrl/Cmd+Enter)">
          Apply
        </button>
      </div>
      {notice && (
        <div className="editor-notice" role="status">
          <span>{notice}</span>
          <button type="button" className="btn" onClick={() => useWorkspace.setState({ notice: null })}>
            Dismiss
          </button>
        </div>
      )}
      <EditorTabs tabs={tabs} activeId={activeId} onClose={close} onNew={() => openTab('untitled.yaml', '')} />
      <div className="editor-hints">
        {active?.edit ? (
          <>
            <span className="editor-edit-note">
              <code>kubectl edit</code> buffer: save to apply, close to cancel
            </span>
            <button type="button" className="btn btn-primary" onClick={() => saveRef.current()} title="Save edit (Ctrl/Cmd+S)">
              Save edit
            </button>
          </>
        ) : (
          <span>
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd> applies
          </span>
        )}
        <span className="editor-tab-hint" title="Press Ctrl+M again and Tab indents">
          <kbd>Ctrl</kbd>+<kbd>M</kbd>: <kbd>Tab</kbd> moves focus out of the editor
        </span>
      </div>
      <div className="editor-frame">
        <div className="editor-host" ref={host} />
        {!loaded && <div className="editor-loading">Loading editor…</div>}
      </div>
      <OutputLog blocks={output} label="kubectl output" emptyText="Apply a manifest to see kubectl's output." />
    </div>
  )
}
