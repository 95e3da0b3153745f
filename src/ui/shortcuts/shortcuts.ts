/**
 * The keyboard shortcuts: one table, read by the key handler and by the help overlay (`?`),
 * so the overlay cannot list a key that does nothing.
 */

export type ShortcutId =
  | 'help'
  | 'apply'
  | 'play'
  | 'step1'
  | 'step10'
  | 'speed1'
  | 'speed5'
  | 'speed30'
  | 'speed100'
  | 'faster'
  | 'slower'
  | 'editor'
  | 'terminal'
  | 'labs'
  | 'cluster'
  | 'view'
  | 'theme'
  | 'presenter'
  | 'flow'
  | 'perf'

export interface Shortcut {
  id: ShortcutId
  /** As shown in the overlay. */
  keys: string
  does: string
  /** KeyboardEvent.key values that trigger it (without Ctrl/Cmd/Alt). */
  match: readonly string[]
  /** Needs Ctrl or Cmd (and then works while typing too). */
  mod?: boolean
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'apply', keys: 'Ctrl+Enter', does: 'Apply the open manifest', match: ['Enter'], mod: true },
  { id: 'play', keys: 'P', does: 'Play or pause the simulation', match: ['p'] },
  { id: 'step1', keys: 'S', does: 'Step 1 second', match: ['s'] },
  { id: 'step10', keys: 'Shift+S', does: 'Step 10 seconds', match: ['S'] },
  { id: 'speed1', keys: '1', does: 'Speed 1×', match: ['1'] },
  { id: 'speed5', keys: '2', does: 'Speed 5×', match: ['2'] },
  { id: 'speed30', keys: '3', does: 'Speed 30×', match: ['3'] },
  { id: 'speed100', keys: '4', does: 'Speed 100×', match: ['4'] },
  { id: 'faster', keys: '+', does: 'Faster', match: ['+', '='] },
  { id: 'slower', keys: '-', does: 'Slower', match: ['-'] },
  { id: 'editor', keys: 'E', does: 'Go to the manifest editor', match: ['e'] },
  { id: 'terminal', keys: 'T', does: 'Go to the kubectl terminal', match: ['t'] },
  { id: 'labs', keys: 'L', does: 'Open or close the labs', match: ['l'] },
  { id: 'cluster', keys: 'C', does: 'Open the cluster editor', match: ['c'] },
  { id: 'view', keys: 'V', does: 'Switch between the Cluster, Network and Storage views', match: ['v'] },
  { id: 'theme', keys: 'D', does: 'Switch between the light and dark themes', match: ['d'] },
  { id: 'presenter', keys: 'Shift+P', does: 'Presenter mode (larger type, high contrast)', match: ['P'] },
  { id: 'flow', keys: 'F', does: 'Show the control-plane flow of each apply', match: ['f'] },
  { id: 'perf', keys: 'O', does: 'Show or hide the performance overlay (events/s, batch size, frame times)', match: ['o'] },
  { id: 'help', keys: '?', does: 'Show these shortcuts', match: ['?'] },
]

/** Keys handled elsewhere, listed in the overlay for completeness. */
export const OTHER_KEYS: readonly { keys: string; does: string }[] = [
  { keys: 'Esc', does: 'Close the open panel or dialog' },
  { keys: 'Ctrl+S', does: 'Save a kubectl edit tab (in the editor)' },
  { keys: 'Ctrl+M', does: 'Let Tab leave the editor (in the editor)' },
  { keys: 'Tab / Shift+Tab', does: 'Move between controls' },
  { keys: '← →', does: 'Move between the details tabs' },
  { keys: '↑ ↓', does: 'Command history (in the terminal)' },
]

export interface KeyLike {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
}

/** The shortcut a key press means; `typing` is true when focus is in a text field or the editor. */
export function shortcutFor(e: KeyLike, typing: boolean): Shortcut | undefined {
  if (e.altKey) return undefined
  const mod = e.ctrlKey || e.metaKey
  return SHORTCUTS.find((s) => (s.mod ? mod : !mod && !typing) && s.match.includes(e.key))
}
