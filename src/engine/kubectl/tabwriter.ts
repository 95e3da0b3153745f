/**
 * A port of Go's text/tabwriter (left alignment, space padding), which kubectl uses
 * for every table and for `describe`. Cells end with '\t'; the last cell of a line is
 * not part of a column. A column's width is set per block of consecutive lines that
 * have that column, which is what gives `describe` its section-by-section alignment.
 */
export interface TabwriterOptions {
  minwidth: number
  padding: number
}

/** `kubectl get` (cli-runtime printers.GetNewTabWriter). */
export const GET_TABWRITER: TabwriterOptions = { minwidth: 6, padding: 3 }
/** `kubectl describe` (tabbedString). */
export const DESCRIBE_TABWRITER: TabwriterOptions = { minwidth: 0, padding: 2 }

type Line = string[]

export function tabwrite(text: string, opts: TabwriterOptions): string {
  const rawLines = text.split('\n')
  const trailingNewline = text.endsWith('\n')
  if (trailingNewline) rawLines.pop()
  let out = ''
  // A line with no tab flushes the writer: alignment never crosses it.
  let batch: Line[] = []
  const flush = () => {
    out += formatBlock(batch, opts)
    batch = []
  }
  for (const raw of rawLines) {
    const cells = raw.split('\t')
    batch.push(cells)
    if (cells.length === 1) flush()
  }
  flush()
  return trailingNewline ? out : out.replace(/\n$/, '')
}

function formatBlock(lines: Line[], opts: TabwriterOptions): string {
  const widths: number[] = []
  let out = ''
  const width = (s: string) => [...s].length

  const writeLines = (line0: number, line1: number) => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i]
      line.forEach((cell, j) => {
        out += cell
        if (j < line.length - 1 && j < widths.length) out += ' '.repeat(Math.max(0, widths[j] - width(cell)))
      })
      out += '\n'
    }
  }

  const format = (line0: number, line1: number) => {
    const column = widths.length
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i].length - 1) continue
      writeLines(line0, i)
      line0 = i
      let w = opts.minwidth
      for (; i < line1; i++) {
        const line = lines[i]
        if (column >= line.length - 1) break
        w = Math.max(w, width(line[column]) + opts.padding)
      }
      widths.push(w)
      format(line0, i)
      widths.pop()
      line0 = i
      i-- // re-examine the line that ended the block
    }
    writeLines(line0, line1)
  }

  format(0, lines.length)
  return out
}
