import { Document, isScalar, parseDocument, Scalar, visit } from 'yaml'
import { sortedKeys } from '../../util/goJson.ts'
import { inGoFieldOrder } from './goFieldOrder.ts'

/**
 * Prints one object as kubectl prints an object it built itself (`create … --dry-run=client`,
 * `run`, `expose`, and the server's answer to them): YAML goes through JSON into a map, so
 * its keys come out sorted; JSON is the Go struct marshalled as is, so its keys come in the
 * struct's field order (goFieldOrder.ts) and maps sorted, with encoding/json's HTML escaping.
 */
export function typedObjectYaml(obj: unknown): string {
  const doc = new Document(sortedKeys(obj), { version: '1.1' })
  // go-yaml double-quotes a string that would read back as another type ("3600", "true", ""),
  // and single-quotes one that cannot be plain for other reasons ('*', ' lead').
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && !node.value.includes('\n') && readsAsOtherType(node.value)) node.type = Scalar.QUOTE_DOUBLE
    },
  })
  return doc.toString({ lineWidth: 0, indentSeq: false, singleQuote: true })
}

function readsAsOtherType(s: string): boolean {
  if (s === '') return true
  const contents = parseDocument(s, { version: '1.1' }).contents
  return isScalar(contents) && typeof contents.value !== 'string'
}

export function typedObjectJson(obj: unknown): string {
  return JSON.stringify(inGoFieldOrder(obj), null, 4).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n'
}

