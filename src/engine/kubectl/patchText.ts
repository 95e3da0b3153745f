import { parseDocument } from 'yaml'
import { ApiError } from '../api/errors.ts'
import { KubectlError } from './resolve.ts'

/**
 * A `-p` patch as kubectl reads it (apimachinery's yaml.ToJSON): text that starts with
 * `{` is sent as it is, and a server refuses it if it is not JSON; anything else is
 * YAML, converted to JSON on the client, which refuses YAML it cannot parse.
 */
export function parsePatchText(text: string): unknown {
  if (/^\s*\{/.test(text)) {
    try {
      return JSON.parse(text)
    } catch {
      throw new ApiError('BadRequest', 'invalid JSON patch')
    }
  }
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: true, logLevel: 'error' })
  if (doc.errors.length > 0) {
    throw new KubectlError(`error: unable to parse ${goQuote(text)}: yaml: ${goYamlMessage(doc.errors[0].message)}`)
  }
  return doc.toJS({ maxAliasCount: 100 }) ?? null
}

/** go-yaml's words for the commonest mistakes; others keep the parser's own. */
function goYamlMessage(message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
  if (/^Nested mappings are not allowed in compact mappings/.test(first) || /^Implicit map keys need to be/.test(first)) return 'mapping values are not allowed in this context'
  return first.charAt(0).toLowerCase() + first.slice(1)
}

/** Go's %q of a string. */
export function goQuote(s: string): string {
  return JSON.stringify(s)
}
