/**
 * `kubectl get --sort-by=FIELD` (pkg/cmd/get/sorter.go): objects ordered by the first value the
 * field's JSONPath finds; objects without it come first; strings compare naturally, or as
 * quantities when both parse as one.
 */
import { parseQuantity } from '../../util/quantity.ts'
import { JsonPath, JsonPathError, relaxedJsonPath } from './jsonpath.ts'

function naturalLess(a: string, b: string): boolean {
  const chunks = (s: string) => s.match(/\d+|\D+/g) ?? []
  const x = chunks(a)
  const y = chunks(b)
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue
    const xd = /^\d/.test(x[i])
    const yd = /^\d/.test(y[i])
    if (xd && yd) {
      const nx = x[i].replace(/^0+/, '')
      const ny = y[i].replace(/^0+/, '')
      if (nx.length !== ny.length) return nx.length < ny.length
      if (nx !== ny) return nx < ny
      return x[i].length < y[i].length
    }
    return x[i] < y[i]
  }
  return x.length < y.length
}

function isLess(a: unknown, b: unknown): boolean {
  if (a === null || b === null) return a === null && b !== null
  if (typeof a === 'number' && typeof b === 'number') return a < b
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = parseQuantity(a)
    const qb = parseQuantity(b)
    if (qa !== undefined && qb !== undefined) return qa < qb
    return naturalLess(a, b)
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return !a && b
  return false
}

/**
 * Sorts `items` (JSON objects, parallel to `keep`) by `field`. Throws JsonPathError when the
 * field is in none of them.
 */
export function sortByField<T>(field: string, items: unknown[], keep: T[]): T[] {
  if (items.length === 0) return keep
  const parser = new JsonPath(relaxedJsonPath(field), { allowMissingKeys: true })
  const keys = items.map((item) => {
    const values = parser.findResults(item)
    return values.length > 0 && values[0].length > 0 ? { value: values[0][0] } : undefined
  })
  if (keys.every((k) => k === undefined)) {
    throw new JsonPathError(`couldn't find any field with path ${JSON.stringify(relaxedJsonPath(field))} in the list of objects`)
  }
  const order = keep.map((_, i) => i)
  const less = (i: number, j: number) => {
    if (!keys[i]) return true
    if (!keys[j]) return false
    return isLess(keys[i]!.value, keys[j]!.value)
  }
  order.sort((i, j) => (less(i, j) && !less(j, i) ? -1 : less(j, i) && !less(i, j) ? 1 : 0))
  return order.map((i) => keep[i])
}
