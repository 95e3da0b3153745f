import { useEffect, useRef } from 'react'
import { SPEEDS } from '../../worker/protocol.ts'
import { useEngine } from '../engineContext.ts'
import { useLabPanel } from '../labs/labStore.ts'
import { useNetworkUi } from '../network/networkUi.ts'
import { useCluster } from '../store/clusterStore.ts'
import { setDisplay, toggleTheme, togglePresenter, useDisplay } from '../theme/displaySettings.ts'
import { runShortcutAction } from './shortcutActions.ts'
import { usePerf } from '../perf/perfStats.ts'
import { OTHER_KEYS, SHORTCUTS, shortcutFor, type ShortcutId } from './shortcuts.ts'
import './shortcuts.css'

const NOT_TEXT_INPUTS = new Set(['checkbox', 'radio', 'range', 'button', 'submit', 'reset', 'color', 'file'])

/** Letters typed into a field or the editor are text, not shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.closest('.monaco-editor')) return true
  if (target instanceof HTMLInputElement) return !NOT_TEXT_INPUTS.has(target.type)
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target.isContentEditable
}

let openHelp: () => void = () => {}

/** Opens the shortcuts overlay (the header's ? button). */
export function showShortcuts(): void {
  openHelp()
}

/** The app-wide key handler, and the overlay listing every shortcut (opened with `?`, closed with Esc). */
export function KeyboardShortcuts() {
  const engine = useEngine()
  const dialog = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    openHelp = () => {
      if (!dialog.current?.open) dialog.current?.showModal()
    }
    const setSpeed = (speed: number) => {
      useCluster.setState({ speed })
      engine.setSpeed(speed)
    }
    const shift = (by: number) => {
      const at = SPEEDS.indexOf(useCluster.getState().speed as (typeof SPEEDS)[number])
      setSpeed(SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, (at < 0 ? 0 : at) + by))])
    }
    const run: Record<ShortcutId, () => void> = {
      help: openHelp,
      apply: () => runShortcutAction('apply'),
      play: () => {
        const running = !useCluster.getState().running
        useCluster.setState({ running })
        engine.setRunning(running)
      },
      step1: () => engine.step(1000),
      step10: () => engine.step(10_000),
      speed1: () => setSpeed(1),
      speed5: () => setSpeed(5),
      speed30: () => setSpeed(30),
      speed100: () => setSpeed(100),
      faster: () => shift(1),
      slower: () => shift(-1),
      editor: () => runShortcutAction('editor'),
      terminal: () => runShortcutAction('terminal'),
      labs: () => useLabPanel.setState((s) => ({ open: !s.open })),
      cluster: () => runShortcutAction('cluster'),
      view: () => {
        const ui = useNetworkUi.getState()
        ui.setView(ui.view === 'cluster' ? 'network' : ui.view === 'network' ? 'storage' : 'cluster')
      },
      theme: toggleTheme,
      presenter: togglePresenter,
      flow: () => setDisplay({ flow: !useDisplay.getState().flow }),
      perf: () => usePerf.getState().toggle(),
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || e.repeat) return
      // A modal dialog (this overlay, the cluster editor) has the keyboard to itself.
      if (document.querySelector('dialog[open]')) return
      const shortcut = shortcutFor(e, isTyping(e.target))
      if (!shortcut) return
      // The editor runs its own Ctrl+Enter.
      if (shortcut.id === 'apply' && e.target instanceof Element && e.target.closest('.monaco-editor')) return
      e.preventDefault()
      run[shortcut.id]()
    }
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('keydown', onKey)
      openHelp = () => {}
    }
  }, [engine])

  return (
    <dialog ref={dialog} className="shortcuts-dialog" aria-labelledby="shortcuts-title">
      <div className="panel-bar">
        <h2 className="panel-title" id="shortcuts-title">
          Keyboard shortcuts
        </h2>
        <button type="button" className="btn btn-close" aria-label="Close keyboard shortcuts" title="Close (Esc)" onClick={() => dialog.current?.close()}>
          ×
        </button>
      </div>
      <div className="shortcuts-body">
        <p className="shortcuts-note">Single keys work when you are not typing in the editor or the terminal.</p>
        <table className="shortcuts-table">
          <caption className="visually-hidden">Shortcuts</caption>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Does</th>
            </tr>
          </thead>
          <tbody>
            {[...SHORTCUTS, ...OTHER_KEYS].map((s) => (
              <tr key={s.keys}>
                <td>
                  <kbd>{s.keys}</kbd>
                </td>
                <td>{s.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </dialog>
  )
}
