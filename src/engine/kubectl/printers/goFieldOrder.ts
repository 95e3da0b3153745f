import TABLE from './goFieldOrder.json'

/**
 * kubectl decodes what it prints from `create`, `run` and `expose` into the typed Go struct,
 * so `-o json` lists fields in the structs' declaration order and map keys sorted
 * (encoding/json), whatever order the server stored them in. The order comes from
 * k8s.io/api's Go types: goFieldOrder.json, made by scripts/go-field-order/generate.mjs.
 */

/** The table's package of each apiVersion these verbs create. */
const PACKAGE_BY_API_VERSION: Record<string, string> = {
  v1: 'core',
  'apps/v1': 'apps',
  'batch/v1': 'batch',
  'networking.k8s.io/v1': 'networking',
  'rbac.authorization.k8s.io/v1': 'rbac',
  'scheduling.k8s.io/v1': 'scheduling',
  'policy/v1': 'policy',
}

type Field = [name: string, ref: string]
const parsed = new Map<string, Field[]>()

function fieldsOf(type: string): Field[] | undefined {
  let fields = parsed.get(type)
  if (fields) return fields
  const spec = (TABLE as Record<string, string>)[type]
  if (spec === undefined) return undefined
  fields = spec.split(' ').map((f) => {
    const colon = f.indexOf(':')
    return colon < 0 ? [f, ''] : [f.slice(0, colon), f.slice(colon + 1)]
  })
  parsed.set(type, fields)
  return fields
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** `value` (of the table's type `ref`) with its keys in Go's order; lists element by element. */
function reorder(value: unknown, ref: string): unknown {
  if (Array.isArray(value)) return value.map((v) => reorder(v, ref))
  if (!isRecord(value) || ref === '') return value
  if (ref === 'map' || ref.startsWith('map:')) {
    const inner = ref.slice(4)
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, reorder(value[k], inner)]),
    )
  }
  const fields = fieldsOf(ref)
  if (!fields) return value
  const out: Record<string, unknown> = {}
  for (const [name, fieldRef] of fields) if (name in value) out[name] = reorder(value[name], fieldRef)
  // Anything the struct does not declare keeps its place after the declared fields.
  for (const key of Object.keys(value)) if (!(key in out)) out[key] = value[key]
  return out
}

/** The object with its fields in the order kubectl's typed printer writes them; other kinds as they are. */
export function inGoFieldOrder(obj: unknown): unknown {
  if (!isRecord(obj)) return obj
  const pkg = PACKAGE_BY_API_VERSION[String(obj.apiVersion)]
  return pkg && fieldsOf(`${pkg}.${String(obj.kind)}`) ? reorder(obj, `${pkg}.${String(obj.kind)}`) : obj
}
