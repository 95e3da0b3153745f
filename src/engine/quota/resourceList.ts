import { addQuantity, compareQuantity, formatExactQuantity, parseExactQuantity, type Quantity } from '../util/exactQuantity.ts'

/** A v1.ResourceList in exact quantities: `{pods: 1, requests.cpu: 500m}`. */
export type ResourceList = Record<string, Quantity>

/** Reads a stored `{cpu: "500m"}` map; entries that are not quantities are skipped. */
export function toResourceList(raw: Record<string, string | number> | undefined): ResourceList {
  const out: ResourceList = {}
  for (const [k, v] of Object.entries(raw ?? {})) {
    const q = parseExactQuantity(v)
    if (q) out[k] = q
  }
  return out
}

/** Writes a list back as the API server stores it: canonical strings. */
export function fromResourceList(list: ResourceList): Record<string, string> {
  const out: Record<string, string> = {}
  for (const k of Object.keys(list).sort()) out[k] = formatExactQuantity(list[k])
  return out
}

/** quota.Add: the union, summing keys present in both. */
export function addLists(a: ResourceList, b: ResourceList): ResourceList {
  const out: ResourceList = { ...a }
  for (const [k, v] of Object.entries(b)) out[k] = out[k] ? addQuantity(out[k], v) : v
  return out
}

/** quota.Mask: only the named keys. */
export function maskList(list: ResourceList, names: Iterable<string>): ResourceList {
  const out: ResourceList = {}
  for (const k of names) if (list[k]) out[k] = list[k]
  return out
}

/** quota.LessThanOrEqual: the keys of `a` above their limit in `b` (keys `b` lacks are not limited). */
export function exceededKeys(a: ResourceList, b: ResourceList): string[] {
  return Object.keys(a).filter((k) => b[k] && compareQuantity(a[k], b[k]) > 0)
}

/** prettyPrint in the quota admission: `requests.cpu=500m,pods=1`, keys sorted. */
export function prettyPrintList(list: ResourceList): string {
  return Object.keys(list)
    .sort()
    .map((k) => `${k}=${formatExactQuantity(list[k])}`)
    .join(',')
}
