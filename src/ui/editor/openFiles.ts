import type { EditorFile } from '../../worker/protocol.ts'

/**
 * The editor's files as the terminal's `kubectl -f NAME` sees them. The editor registers
 * its active tab under the name Apply echoes (`manifest.yaml`); the text is read when a
 * command runs, so it is whatever the editor holds at that moment.
 */
const providers = new Map<string, () => string>()

export function registerOpenFile(name: string, text: () => string): () => void {
  providers.set(name, text)
  return () => {
    if (providers.get(name) === text) providers.delete(name)
  }
}

export function openFiles(): EditorFile[] {
  return [...providers].map(([name, text]) => ({ name, text: text() }))
}

export function openFileNames(): string[] {
  return [...providers.keys()]
}
