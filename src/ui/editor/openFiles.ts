import type { EditorFile } from '../../worker/protocol.ts'
import { useWorkspace, workspaceFiles } from './workspace.ts'

/**
 * The editor's files as the terminal's `kubectl -f NAME` sees them: every tab, by its
 * name, with the text it holds when the command runs.
 */
export function openFiles(): EditorFile[] {
  return workspaceFiles()
}

export function openFileNames(): string[] {
  return useWorkspace.getState().tabs.map((t) => t.name)
}
