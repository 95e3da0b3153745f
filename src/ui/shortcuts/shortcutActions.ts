/**
 * Actions that live inside a component (focus the terminal, open the cluster editor, apply
 * the editor's text), registered while it is mounted so a shortcut can reach them.
 */
import { useEffect, useRef } from 'react'
import type { ShortcutId } from './shortcuts.ts'

const actions = new Map<ShortcutId, () => void>()

export function runShortcutAction(id: ShortcutId): boolean {
  const action = actions.get(id)
  if (!action) return false
  action()
  return true
}

/** Registers `action` for `id` while the calling component is mounted (the latest closure wins). */
export function useShortcutAction(id: ShortcutId, action: () => void): void {
  const latest = useRef(action)
  latest.current = action
  useEffect(() => {
    const run = () => latest.current()
    actions.set(id, run)
    return () => {
      if (actions.get(id) === run) actions.delete(id)
    }
  }, [id])
}
