/**
 * `-o custom-columns=HEADER:.path,…` (kubectl get's CustomColumnsPrinter): one JSONPath per
 * column, missing keys allowed, several values joined with commas, `<none>` when there is none.
 */
import { goValue } from './goFormat.ts'
import { JsonPath, JsonPathError, relaxedJsonPath } from './jsonpath.ts'

export interface CustomColumn {
  header: string
  template: string
}

/** Parses the spec; throws JsonPathError with kubectl's message. */
export function parseCustomColumns(spec: string): CustomColumn[] {
  if (spec === '') throw new JsonPathError('custom-columns format specified but no custom columns given')
  return spec.split(',').map((part) => {
    const i = part.indexOf(':')
    if (i < 0) throw new JsonPathError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`)
    return { header: part.slice(0, i), template: relaxedJsonPath(part.slice(i + 1)) }
  })
}

/** Tab-separated lines (header first unless `noHeaders`) for the tabwriter. */
export function customColumnLines(columns: CustomColumn[], items: unknown[], noHeaders: boolean): string[] {
  const parsers = columns.map((c) => new JsonPath(c.template, { allowMissingKeys: true }))
  const lines = noHeaders ? [] : [columns.map((c) => c.header).join('\t')]
  for (const item of items) {
    const cells = parsers.map((parser) => {
      const values = parser.findResults(item)
      if (values.length === 0 || values[0].length === 0) return '<none>'
      return values.flat().map(goValue).join(',')
    })
    lines.push(cells.join('\t'))
  }
  return lines
}
