import { indent, wrapString } from './wordWrap.ts'
import { property, propertiesOf, resolveRef, type Schema } from './schema.ts'

/**
 * kubectl explain's plaintext template (pkg/explain/v2/templates/plaintext.tmpl), written
 * out: the DESCRIPTION and FIELDS of a kind, or FIELD/DESCRIPTION/FIELDS of a field path,
 * and the --recursive tree of field names and types.
 */

export class FieldNotFound extends Error {}

/** typeGuess: `string`, `integer`, `Object`, `[]Container`, `map[string]string`, `ObjectMeta`… */
export function typeGuess(schema: Schema): string {
  if (schema.items) return `[]${typeGuess(schema.items)}`
  if (schema.additionalProperties && typeof schema.additionalProperties !== 'boolean') return `map[string]${typeGuess(schema.additionalProperties)}`
  if (schema.allOf && !schema.properties && schema.allOf.length === 1) return typeGuess(schema.allOf[0])
  if (schema.$ref) {
    const target = resolveRef(schema.$ref)
    const type = target?.type
    if (!target || !type || type === 'object') return schema.$ref.split('/').pop()!.split('.').pop() || 'Object'
    return scalarType(type)
  }
  if (schema.type === 'object') return 'Object'
  return schema.type ? scalarType(schema.type) : 'Object'
}

function scalarType(type: string | string[]): string {
  if (Array.isArray(type)) return type.includes('number') && type.includes('string') ? 'IntOrString' : type.join('|')
  return type === 'number' ? 'integer' : type
}

const resolved = (schema: Schema) => resolveRef(schema.$ref) ?? schema

/** The "description" template: the schema's own text, then that of what it refers to. */
function description(schema: Schema): string {
  const s = resolved(schema)
  let out = s.description ? s.description + '\n' : ''
  for (const sub of s.allOf ?? []) out += description(sub)
  if (s.items) out += description(s.items)
  if (s.additionalProperties && typeof s.additionalProperties !== 'boolean') out += description(s.additionalProperties)
  return out
}

function fieldDetail(name: string, parent: Schema, short: boolean, level: number): string {
  const pad = level * 2
  const field = property(parent, name)!
  let out = `${indent(pad, name)}\t<${typeGuess(field)}>${parent.required?.includes(name) ? ' -required-' : ''}\n`
  if (!short) out += indent(pad + 2, wrapString(field.description || '<no description>', 78 - pad)) + '\n\n'
  return out
}

function fieldList(schema: Schema, level: number, recursive: boolean, history: Set<string>): string {
  const ref = schema.$ref ?? ''
  if (ref && history.has(ref)) return ''
  const seen = new Set(history).add(ref)
  const s = resolved(schema)
  let out = ''
  for (const [name, sub] of propertiesOf(s)) {
    out += fieldDetail(name, s, recursive, level)
    if (recursive) out += fieldList(sub, level + 1, recursive, seen)
  }
  for (const sub of s.allOf ?? []) out += fieldList(sub, level, recursive, seen)
  if (s.items) out += fieldList(s.items, level, recursive, seen)
  if (s.additionalProperties && typeof s.additionalProperties !== 'boolean') out += fieldList(s.additionalProperties, level, recursive, seen)
  return out
}

/** The "output" template: follow the path, then DESCRIPTION and FIELDS of where it ends ('' when it leads nowhere). */
export function output(schema: Schema, path: string[], recursive: boolean, history = new Set<string>()): string {
  const ref = schema.$ref ?? ''
  const seen = new Set(history).add(ref)
  const s = resolved(schema)
  if (path.length === 0) {
    let out = 'DESCRIPTION:\n' + indent(4, wrapString(description(s) || '<empty>', 76)) + '\n'
    const fields = fieldList(s, 1, recursive, new Set())
    if (fields) out += 'FIELDS:\n' + fields
    return out
  }
  if (ref && history.has(ref)) return ''
  const sub = property(s, path[0])
  if (sub) {
    const head = path.length === 1 ? `FIELD: ${path[0]} <${typeGuess(sub)}>\n\n\n` : ''
    return head + output(sub, path.slice(1), recursive, new Set())
  }
  if (s.items) return output(s.items, path, recursive, seen)
  if (s.additionalProperties && typeof s.additionalProperties !== 'boolean') return output(s.additionalProperties, path, recursive, seen)
  for (const alt of s.allOf ?? []) {
    const text = output(alt, path, recursive, seen)
    if (text) return text
  }
  return ''
}
