/**
 * How Go prints the generic JSON values kubectl's printers hold (map[string]interface{},
 * []interface{}, string, int64, float64, bool, nil): fmt's %v and %#v, encoding/json.
 */
type Json = unknown

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v)

function goFloat(n: number): string {
  // strconv 'g' shortest: exponent form below 1e-4 and from 1e21, with two exponent digits.
  return String(n).replace(/e([+-])(\d)$/, 'e$10$2')
}

/** fmt's %v: `map[a:1 b:2]`, `[x y]`, `<nil>`. */
export function goValue(v: Json): string {
  if (v === null || v === undefined) return '<nil>'
  if (typeof v === 'string') return v
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloat(v)
  if (typeof v === 'boolean') return String(v)
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`
  if (isObject(v)) {
    return `map[${Object.keys(v)
      .sort()
      .map((k) => `${k}:${goValue(v[k])}`)
      .join(' ')}]`
  }
  return String(v)
}

/** fmt's %#v of a value held in an interface{}. */
export function goSyntax(v: Json): string {
  if (v === null || v === undefined) return 'interface {}(nil)'
  if (typeof v === 'string') return JSON.stringify(v)
  if (typeof v === 'number' || typeof v === 'boolean') return goValue(v)
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSyntax).join(', ')}}`
  if (isObject(v)) {
    return `map[string]interface {}{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${goSyntax(v[k])}`)
      .join(', ')}}`
  }
  return String(v)
}

/** The Go type name of a decoded JSON value, as `%v` of reflect.Type prints it. */
export function goTypeName(v: Json): string {
  if (v === null || v === undefined) return 'interface {}'
  if (typeof v === 'string') return 'string'
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64'
  if (typeof v === 'boolean') return 'bool'
  if (Array.isArray(v)) return '[]interface {}'
  return 'map[string]interface {}'
}

export { goJson } from '../../util/goJson.ts'
