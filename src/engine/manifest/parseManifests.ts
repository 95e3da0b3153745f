import { binaryAsText } from './binaryTag.ts'
import { Composer, isAlias, LineCounter, Parser, visit, type CST, type Document, type Node } from 'yaml'

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
 * Deepest nesting of collections accepted. go-yaml allows 10000, but yaml's composer
 * and toJS recurse, and a stack overflow inside them can leave V8 unable to compile
 * regular expressions afterwards; real manifests stay far below this.
 */
export const MAX_DEPTH = 200

/**
 * Parses a multi-document YAML manifest, keeping source positions so that errors
 * (syntax, validation) can be pinned to a line in the editor. Never throws: whatever
 * the YAML library raises becomes an error with a line.
 */
export function parseManifests(text: string): ParsedManifests {
  const lineCounter = new LineCounter()
  const errors: ManifestSyntaxError[] = []
  const documents: ManifestDocument[] = []
  let docs: Document.Parsed[]
  try {
    // The CST parser is iterative, so depth is measured before anything recurses.
    const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text))
    const tooDeep = offsetBeyondDepth(tokens, MAX_DEPTH)
    if (tooDeep !== undefined) {
      const { line, col } = lineCounter.linePos(tooDeep)
      return { documents, errors: [{ line, column: col, message: `exceeded max depth of ${MAX_DEPTH}` }] }
    }
    // Known 1.1 tags (!!set, !!omap, !!timestamp) would give Sets, Maps and Dates;
    // unresolved, they stay plain JSON values as in sigs.k8s.io/yaml.
    // logLevel 'error': yaml would print its warnings (collection keys) to the console.
    const composer = new Composer({ uniqueKeys: true, resolveKnownTags: false, customTags: [binaryAsText], logLevel: 'error' })
    docs = Array.from(composer.compose(tokens))
  } catch (e) {
    return { documents, errors: [{ line: 1, column: 1, message: firstLine(messageOf(e)) }] }
  }
  for (const doc of docs) {
    for (const e of doc.errors) {
      const { line, col } = lineCounter.linePos(e.pos[0])
      errors.push({ line, column: col, message: firstLine(e.message) })
    }
    if (doc.errors.length > 0 || doc.contents === null) continue
    const startLine = lineCounter.linePos(doc.contents.range[0]).line
    let value: unknown
    try {
      const cycle = selfContainingAnchor(doc)
      if (cycle !== undefined) {
        errors.push({ line: startLine, column: 1, message: `anchor '${cycle}' value contains itself`, lineless: true })
        continue
      }
      value = doc.toJS({ maxAliasCount: 100 })
    } catch (e) {
      errors.push({ line: startLine, column: 1, ...decodeError(messageOf(e)) })
      continue
    }
    if (value === null || value === undefined) continue
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

/** Where the first collection nested deeper than `max` starts, if any. */
function offsetBeyondDepth(tokens: CST.Token[], max: number): number | undefined {
  const stack: [CST.Token, number][] = tokens.map((t) => [t, 0])
  while (stack.length > 0) {
    const [token, enclosing] = stack.pop()!
    if (token.type === 'document') {
      if (token.value) stack.push([token.value, enclosing])
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      const depth = enclosing + 1
      if (depth > max) return token.offset
      for (const item of token.items) {
        if (item.key) stack.push([item.key, depth])
        if (item.value) stack.push([item.value, depth])
      }
    }
  }
  return undefined
}

/** An anchor whose alias sits inside its own value (`a: &x {b: *x}`): toJS would build a cycle. */
function selfContainingAnchor(doc: Document.Parsed): string | undefined {
  // Aliases refer to the last anchor of that name before them, in document order.
  const anchors = new Map<string, Node>()
  let found: string | undefined
  visit(doc, {
    Node(_key, node, path) {
      if (isAlias(node)) {
        const source = anchors.get(node.source)
        if (source && path.includes(source)) {
          found = node.source
          return visit.BREAK
        }
      } else if (node.anchor) anchors.set(node.anchor, node)
      return undefined
    },
  })
  return found
}

/** go-yaml's words for what yaml's toJS refuses. */
function decodeError(message: string): { message: string; lineless?: boolean } {
  if (message.startsWith('Excessive alias count')) return { message: 'document contains excessive aliasing', lineless: true }
  const unresolved = /^Unresolved alias[^:]*: (.*)$/.exec(message)
  if (unresolved) return { message: `unknown anchor '${unresolved[1]}' referenced`, lineless: true }
  return { message: firstLine(message) }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
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
