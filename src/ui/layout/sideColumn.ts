import { create } from 'zustand'

/**
 * The side column (the editor and the events feed) can fold away so the canvas takes the
 * width; the inspector, when open, takes the side column's place instead of squeezing the canvas.
 */
interface SideColumnState {
  editorHidden: boolean
  setEditorHidden(hidden: boolean): void
}

export const useSideColumn = create<SideColumnState>((set) => ({
  editorHidden: false,
  setEditorHidden: (editorHidden) => set({ editorHidden }),
}))

/** Below this width the inspector covers the side column; above it, it gets a column of its own. */
export const WIDE_LAYOUT_QUERY = '(min-width: 1680px)'

/** True when the inspector and the editor show side by side (a wide screen with the editor shown). */
export function editorShowsBesideInspector(): boolean {
  return !useSideColumn.getState().editorHidden && typeof matchMedia === 'function' && matchMedia(WIDE_LAYOUT_QUERY).matches
}
