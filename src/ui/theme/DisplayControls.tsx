import { showShortcuts } from '../shortcuts/KeyboardShortcuts.tsx'
import { setDisplay, toggleTheme, togglePresenter, useDisplay } from './displaySettings.ts'
import { useShownTheme } from './useShownTheme.ts'

/** Header toggles: dark theme, presenter mode, the control-plane flow, and the shortcuts overlay. */
export function DisplayControls() {
  const presenter = useDisplay((s) => s.presenter)
  const flow = useDisplay((s) => s.flow)
  const dark = useShownTheme() === 'dark'
  return (
    <div className="display-controls" role="group" aria-label="Display">
      <button type="button" className="btn btn-display" aria-label="Dark theme" aria-pressed={dark} title="Dark theme (D)" onClick={toggleTheme}>
        <span aria-hidden="true">◐</span> <span className="btn-label">Dark</span>
      </button>
      <button type="button" className="btn btn-display" aria-label="Presenter mode" aria-pressed={presenter} title="Presenter mode: larger type, high contrast (Shift+P)" onClick={togglePresenter}>
        <span className="btn-short" aria-hidden="true">
          Aa
        </span>
        <span className="btn-label">Presenter</span>
      </button>
      <button type="button" className="btn btn-display" aria-label="Control-plane flow" aria-pressed={flow} title="Show the path of each apply through the control plane (F)" onClick={() => setDisplay({ flow: !flow })}>
        Flow
      </button>
      <button type="button" className="btn btn-display" aria-label="Keyboard shortcuts" aria-keyshortcuts="Shift+?" title="Keyboard shortcuts (?)" onClick={showShortcuts}>
        ?
      </button>
    </div>
  )
}
