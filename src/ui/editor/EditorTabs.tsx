import { useEffect, useRef } from 'react'
import type { EditorTab } from './workspace.ts'
import { showTab } from './workspace.ts'

/** The editor's open files: a tab per file (click to show, × to close) and "New file". */
export function EditorTabs({ tabs, activeId, onClose, onNew }: { tabs: EditorTab[]; activeId: number; onClose: (id: number) => void; onNew: () => void }) {
  const active = useRef<HTMLDivElement>(null)
  // A tab opened from elsewhere (a sample, kubectl edit) scrolls into view with its close button.
  // (Braces: newer browsers return a promise from scrollIntoView, which React would take for a cleanup.)
  useEffect(() => {
    active.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
  }, [activeId, tabs.length])
  return (
    <div className="editor-tabs">
      <div className="editor-tablist" role="group" aria-label="Open files">
        {tabs.map((tab) => (
          <div key={tab.id} ref={tab.id === activeId ? active : undefined} className={`editor-tab${tab.id === activeId ? ' active' : ''}${tab.edit ? ' editing' : ''}`}>
            <button
              type="button"
              className="editor-tab-name"
              aria-current={tab.id === activeId ? 'true' : undefined}
              aria-label={tab.edit ? `${tab.name} (kubectl edit)` : tab.name}
              title={tab.name}
              onClick={() => showTab(tab.id)}
            >
              {tab.name}
            </button>
            <button type="button" className="editor-tab-close" aria-label={`Close ${tab.name}`} title={`Close ${tab.name}`} onClick={() => onClose(tab.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
      <button type="button" className="btn editor-new-file" onClick={onNew}>
        New file
      </button>
    </div>
  )
}
