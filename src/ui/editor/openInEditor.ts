/**
 * "Open in editor" from elsewhere in the app (the inspector's YAML tab): the editor
 * registers how it takes a text, anyone may hand it one.
 */
type Opener = (text: string, name: string) => void

let opener: Opener | undefined

export function registerEditorOpener(open: Opener): () => void {
  opener = open
  return () => {
    if (opener === open) opener = undefined
  }
}

/** Puts `text` in the editor; false when no editor is there to take it. */
export function openInEditor(text: string, name: string): boolean {
  if (!opener) return false
  opener(text, name)
  return true
}
