import type { Field, Struct } from './decodeShapes.ts'
import { parseQuantity, QUANTITY_ERROR } from '../util/quantity.ts'

/**
 * Strict decoding of the simulated kinds, as the API server decodes a request body:
 * a value of the wrong JSON type fails with encoding/json's message, a malformed
 * quantity fails with the quantity message, and unknown fields are rejected (strict
 * field validation, the default since kubectl 1.27). Only a body that decodes cleanly
 * reaches defaulting and validation.
 */
export interface DecodeError {
  message: string
  path: string
}


/** Returns the errors of decoding a request body into its kind's shape. */
export function strictDecode(obj: Record<string, unknown>, shape: Struct): DecodeError[] {
  const state: WalkState = { unknown: [] }
  walkStruct(obj, shape, '', '', state)
  if (state.fatal) return [state.fatal]
  if (state.unknown.length > 0) {
    return [{ path: state.unknown[0], message: `strict decoding error: ${state.unknown.map((p) => `unknown field "${p}"`).join(', ')}` }]
  }
  return []
}

interface WalkState {
  unknown: string[]
  fatal?: DecodeError
}

function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'object') return 'object'
  if (typeof v === 'boolean') return 'bool'
  return typeof v // string, number
}

function goTypeOf(field: Field): string {
  if (typeof field === 'string') return field === 'quantities' ? 'v1.ResourceList' : field === 'intOrString' ? 'intstr.IntOrString' : field
  if ('struct' in field) return field.struct
  return `[]${goTypeOf(field.list)}`
}

/**
 * Walks one struct. `path` is the exact path for unknown-field messages (with list
 * indexes); `goPath` is encoding/json's (without them).
 */
function walkStruct(value: Record<string, unknown>, shape: Struct, path: string, goPath: string, state: WalkState): void {
  for (const [key, v] of Object.entries(value)) {
    if (state.fatal) return
    const field = shape.fields[key]
    const childPath = path ? `${path}.${key}` : key
    if (field === undefined) {
      if (!shape.open) state.unknown.push(childPath)
      continue
    }
    const childGoPath = goPath ? `${goPath}.${key}` : key
    walkField(v, field, childPath, childGoPath, shape.struct.replace(/^v1\./, ''), state)
  }
}

function walkField(v: unknown, field: Field, path: string, goPath: string, parent: string, state: WalkState): void {
  if (v === null || v === undefined || field === 'any') return
  const mismatch = (detail = jsonType(v), goType = goTypeOf(field)) => {
    state.fatal = { path, message: `json: cannot unmarshal ${detail} into Go struct field ${parent}.${goPath} of type ${goType}` }
  }
  if (typeof field !== 'string') {
    if ('struct' in field) {
      if (typeof v !== 'object' || Array.isArray(v)) return mismatch()
      walkStruct(v as Record<string, unknown>, field, path, goPath, state)
    } else {
      if (!Array.isArray(v)) return mismatch()
      v.forEach((item, i) => walkField(item, field.list, `${path}[${i}]`, goPath, parent, state))
    }
    return
  }
  switch (field) {
    case 'string':
      if (typeof v !== 'string') mismatch()
      return
    case 'bool':
      if (typeof v !== 'boolean') mismatch()
      return
    case 'int32':
    case 'int64':
      if (typeof v !== 'number') mismatch()
      else if (!Number.isInteger(v)) mismatch(`number ${v}`)
      return
    case 'intOrString':
      if (typeof v !== 'number' && typeof v !== 'string') mismatch()
      return
    case '[]string':
      if (!Array.isArray(v)) return mismatch()
      if (v.some((x) => typeof x !== 'string')) mismatch(jsonType(v.find((x) => typeof x !== 'string')), 'string')
      return
    case 'map[string]string':
      if (typeof v !== 'object' || Array.isArray(v)) return mismatch()
      for (const x of Object.values(v as Record<string, unknown>)) {
        if (x !== null && typeof x !== 'string') return mismatch(jsonType(x), 'string')
      }
      return
    case 'quantities':
      if (typeof v !== 'object' || Array.isArray(v)) return mismatch()
      for (const [k, q] of Object.entries(v as Record<string, unknown>)) {
        if ((typeof q !== 'string' && typeof q !== 'number') || parseQuantity(q) === undefined) {
          state.fatal = { path: `${path}.${k}`, message: QUANTITY_ERROR }
          return
        }
      }
      return
  }
}

/**
 * What decoding into Go structs does to JSON nulls: a null field is simply unset, and
 * a null list item becomes the zero value (an empty object), to be caught by validation.
 */
export function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === null ? {} : dropNulls(item)))
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = dropNulls(v)
    return out
  }
  return value
}
