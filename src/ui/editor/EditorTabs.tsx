import type { EditorTab } from './workspace.ts'
import { showTab } from './workspace.ts'

/** The editor's open files: a tab per file (click to show, × to close) and "New file". */
export function EditorTabs({ tabs, activeId, onClose, onNew }: { tabs: EditorTab[]; activeId: number; onClose: (id: number) => void; onNew: () => void }) {
  return (
    <div className="editor-tabs">
      <div className="editor-tablist" role="group" aria-label="Open files">
        {tabs.map((tab) => (
          <div key={tab.id} className={`editor-tab${tab.id === activeId ? ' active' : ''}${tab.edit ? ' editing' : ''}`}>
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
