import { useSideColumn } from './sideColumn.ts'

/** Folds the editor column away (the canvas takes its width) and brings it back. */
export function SideColumnToggle() {
  const hidden = useSideColumn((s) => s.editorHidden)
  const setHidden = useSideColumn((s) => s.setEditorHidden)
  return (
    <button
      type="button"
      className="btn btn-small side-toggle"
      aria-expanded={!hidden}
      aria-label={hidden ? 'Show the editor column' : 'Hide the editor column'}
      title={hidden ? 'Show the editor and events' : 'Hide the editor and events: the canvas takes the width'}
      onClick={() => setHidden(!hidden)}
    >
      {hidden ? '▶ Editor' : '◀ Editor'}
    </button>
  )
}
