import type { Field, Struct } from '../../admission/decodeShapes.ts'

/**
 * Decoding a patched object back into its Go type, as the API server does after a
 * patch (runtime.DefaultUnstructuredConverter.FromUnstructuredWithValidation):
 * a value of the wrong type fails with the converter's message (`unrecognized type:
 * int32`), and unknown fields are dropped and reported, which the server turns into
 * `Warning: unknown field "spec.foo"` (field validation "Warn", the default for patch).
 * Unknown fields are removed from `obj` in place.
 */
export function decodePatched(obj: Record<string, unknown>, shape: Struct): { error?: string; unknownFields: string[] } {
  const state: State = { unknownFields: [] }
  walkStruct(obj, shape, '', state)
  return state
}

interface State {
  unknownFields: string[]
  error?: string
}

/** The Go kind of a decoded JSON value (numbers decode as int64 when whole). */
function goKind(v: unknown): string {
  if (Array.isArray(v)) return 'slice'
  if (typeof v === 'object') return 'map'
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64'
  return typeof v // string, boolean → bool below
}

function walkStruct(value: Record<string, unknown>, shape: Struct, path: string, state: State): void {
  for (const key of Object.keys(value)) {
    if (state.error) return
    const field = shape.fields[key]
    const childPath = path ? `${path}.${key}` : key
    if (field === undefined) {
      if (!shape.open) {
        state.unknownFields.push(childPath)
        delete value[key]
      }
      continue
    }
    walkField(value[key], field, childPath, state)
  }
}

function walkField(v: unknown, field: Field, path: string, state: State): void {
  if (v === null || v === undefined || field === 'any' || field === 'quantities' || field === 'intOrString') return
  const kind = goKind(v) === 'boolean' ? 'bool' : goKind(v)
  if (typeof field !== 'string') {
    if ('struct' in field) {
      if (kind !== 'map') state.error = `cannot restore struct from: ${kind}`
      else walkStruct(v as Record<string, unknown>, field, path, state)
    } else if (kind !== 'slice') state.error = `cannot restore slice from ${kind}`
    else (v as unknown[]).forEach((item, i) => walkField(item, field.list, `${path}[${i}]`, state))
    return
  }
  switch (field) {
    case 'string':
      if (kind === 'int64' || kind === 'float64') state.error = `cannot convert ${kind} to string`
      else if (kind !== 'string') state.error = 'unrecognized type: string'
      return
    case 'int32':
    case 'int64':
      if (kind === 'float64') state.error = `cannot convert float64 to ${field}`
      else if (kind !== 'int64') state.error = `unrecognized type: ${field}`
      return
    case 'bool':
      if (kind !== 'bool') state.error = 'unrecognized type: bool'
      return
    case '[]string':
      if (kind !== 'slice') state.error = `cannot restore slice from ${kind}`
      else (v as unknown[]).forEach((item, i) => walkField(item, 'string', `${path}[${i}]`, state))
      return
    case 'map[string]string':
      if (kind !== 'map') state.error = `cannot restore map from ${kind}`
      else for (const [k, item] of Object.entries(v as object)) walkField(item, 'string', `${path}.${k}`, state)
      return
  }
}
