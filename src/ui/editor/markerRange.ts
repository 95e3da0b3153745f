/** Where to draw a 1-based (line, column) problem so that it is visible. */
export interface LineSource {
  getLineCount(): number
  getLineContent(line: number): string
}

export interface MarkerRange {
  startLineNumber: number
  startColumn: number
  endLineNumber: number
  endColumn: number
}

/**
 * Problems reported at the end of the text or on a blank line (YAML parsers do that for
 * unclosed brackets) move back to the last line with content; the range covers from the
 * column to the end of the line, or the whole line's content if the column is past it.
 */
export function markerRange(model: LineSource, line: number, column: number): MarkerRange {
  let ln = Math.min(Math.max(1, line), model.getLineCount())
  while (ln > 1 && model.getLineContent(ln).trim() === '') ln--
  const content = model.getLineContent(ln)
  const endColumn = content.length + 1
  const firstNonBlank = content.length - content.trimStart().length + 1
  let startColumn = Math.max(1, column)
  if (ln !== line || startColumn >= endColumn) startColumn = Math.min(firstNonBlank, endColumn)
  if (startColumn === endColumn && startColumn > 1) startColumn = firstNonBlank < endColumn ? firstNonBlank : startColumn - 1
  return { startLineNumber: ln, startColumn, endLineNumber: ln, endColumn }
}
