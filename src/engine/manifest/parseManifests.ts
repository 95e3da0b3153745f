import { LineCounter, parseAllDocuments, type Document } from 'yaml'

/** One YAML document of a multi-document manifest, with where it sits in the text. */
export interface ManifestDocument {
  /** 0-based position among the non-empty documents. */
  index: number
  object: Record<string, unknown>
  /** 1-based line where the document's content starts. */
  startLine: number
  /** Finds the 1-based line of a field path (`spec.template.spec.containers[0].image`). */
  lineOf(path: string): number
}

export interface ManifestSyntaxError {
  line: number
  column: number
  message: string
  /** go-yaml names no line for errors found while decoding (aliases), only for syntax errors. */
  lineless?: boolean
}

export interface ParsedManifests {
  documents: ManifestDocument[]
  errors: ManifestSyntaxError[]
}

/**
 * Parses a multi-document YAML manifest, keeping source positions so that errors
 * (syntax, validation) can be pinned to a line in the editor.
 */
export function parseManifests(text: string): ParsedManifests {
  const lineCounter = new LineCounter()
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const errors: ManifestSyntaxError[] = []
  const documents: ManifestDocument[] = []
  const list = Array.isArray(docs) ? docs : [docs]
  for (const doc of list as Document.Parsed[]) {
    for (const e of doc.errors) {
      const { line, col } = lineCounter.linePos(e.pos[0])
      errors.push({ line, column: col, message: firstLine(e.message) })
    }
    if (doc.errors.length > 0 || doc.contents === null) continue
    const value = doc.toJS({ maxAliasCount: 100 }) as unknown
    if (value === null || value === undefined) continue
    const startLine = lineCounter.linePos(doc.contents.range[0]).line
    if (typeof value !== 'object' || Array.isArray(value)) {
      errors.push({ line: startLine, column: 1, message: 'cannot unmarshal a non-object document into a Kubernetes object' })
      continue
    }
    documents.push({
      index: documents.length,
      object: value as Record<string, unknown>,
      startLine,
      lineOf: (path) => lineOfPath(doc, lineCounter, path, startLine),
    })
  }
  return { documents, errors }
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
}

/** Splits `a.b[0].c` into ['a', 'b', 0, 'c']. */
export function splitFieldPath(path: string): (string | number)[] {
  const out: (string | number)[] = []
  for (const part of path.split('.')) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part)
    if (!m) {
      out.push(part)
      continue
    }
    if (m[1]) out.push(m[1])
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]))
  }
  return out
}

function lineOfPath(doc: Document.Parsed, lineCounter: LineCounter, path: string, fallback: number): number {
  const parts = splitFieldPath(path)
  // Walk down as far as the path exists; report the deepest node found.
  for (let n = parts.length; n > 0; n--) {
    const node = doc.getIn(parts.slice(0, n), true) as { range?: [number, number, number] } | undefined
    const range = node && typeof node === 'object' && 'range' in node ? node.range : undefined
    if (range) {
      // Prefer the key's line for a scalar value: it is on the same line anyway.
      return lineCounter.linePos(range[0]).line
    }
  }
  return fallback
}
