/**
 * `kubectl edit` in the app: the buffer opens as an editor tab; "Save edit" (Ctrl/Cmd+S)
 * plays the editor closing after a save, and closing the tab plays quitting without
 * saving. kubectl's answer goes to the terminal block of the `kubectl edit` command.
 */
import type { EngineClient } from '../../worker/engineClient.ts'
import type { OpenedEdit } from '../../worker/protocol.ts'
import { appendBlock, extendBlock, useCluster } from '../store/clusterStore.ts'
import { closeTab, openTab, replaceText, tabText, useWorkspace, type EditorTab } from './workspace.ts'

export function openEditBuffer(edit: OpenedEdit, blockId: number): void {
  openTab(edit.file, edit.text, { editId: edit.editId, blockId })
}

/** kubectl's lines under its `kubectl edit` command (or a block of their own if that one scrolled away). */
function printEditResult(tab: EditorTab, output: string): void {
  const lines = output.replace(/\n$/, '').split('\n')
  const failed = /^(error|Error)\b/m.test(output)
  useCluster.setState((s) =>
    s.terminal.some((b) => b.id === tab.edit!.blockId)
      ? { terminal: extendBlock(s.terminal, tab.edit!.blockId, lines).map((b) => (b.id === tab.edit!.blockId && failed ? { ...b, failed } : b)) }
      : { terminal: appendBlock(s.terminal, { command: `kubectl edit (${tab.name})`, lines, failed }) },
  )
}

const saving = new Set<number>()

export async function saveEditBuffer(engine: EngineClient, tabId: number): Promise<void> {
  const tab = useWorkspace.getState().tabs.find((t) => t.id === tabId)
  if (!tab?.edit || saving.has(tabId)) return
  saving.add(tabId)
  try {
    const result = await engine.finishEdit(tab.edit.editId, tabText(tabId))
    printEditResult(tab, result.output)
    if (result.done) closeTab(tabId)
    else if (result.text !== undefined) replaceText(tabId, result.text)
  } finally {
    saving.delete(tabId)
  }
}

/** Closing an edit buffer without saving: nothing changes, as when kubectl's editor quits unsaved. */
export function cancelEditBuffer(engine: EngineClient, tab: EditorTab): void {
  if (!tab.edit) return
  engine.cancelEdit(tab.edit.editId)
  printEditResult(tab, 'Edit cancelled, no changes made.\n')
}
