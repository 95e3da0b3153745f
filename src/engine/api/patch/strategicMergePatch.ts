import { goValueText } from './goValueText.ts'
import { PatchError } from './patchError.ts'
import { PatchSchema } from './patchMeta.ts'

/**
 * Strategic merge patch, as the API server applies it
 * (k8s.io/apimachinery/pkg/util/strategicpatch, StrategicMergeMapPatch): maps merge,
 * `null` deletes a key, and lists merge item by item where the API type tags them
 * with a patchMergeKey (containers by name, ports by containerPort, …), else are
 * replaced. Directives: `$patch: replace|delete` in a map or list item,
 * `$retainKeys`, `$deleteFromPrimitiveList/<field>`, `$setElementOrder/<field>`.
 * The result keeps Kubernetes' list order: patch items first where they are new,
 * live-only items where the live list had them.
 */
export function strategicMergePatch(original: Record<string, unknown>, patch: Record<string, unknown>, kind: string): Record<string, unknown> {
  return mergeMap(structuredClone(original), structuredClone(patch), PatchSchema.forKind(kind))
}

type JsonMap = Record<string, unknown>

const DIRECTIVE = '$patch'
const RETAIN_KEYS = '$retainKeys'
const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList'
const SET_ELEMENT_ORDER = '$setElementOrder'

const isMap = (v: unknown): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v)

const badRequest = (message: string) => new PatchError(400, message)
const noMergeKey = (m: JsonMap, key: string) => new PatchError(500, `map: ${goValueText(m)} does not contain declared merge key: ${key}`)
const badPatchType = (t: unknown, m: JsonMap) => new PatchError(500, `unknown patch type: ${goValueText(t)} in map: ${goValueText(m)}`)

function mergeMap(original: JsonMap | undefined, patch: JsonMap, schema: PatchSchema): JsonMap {
  if (DIRECTIVE in patch) {
    const directive = patch[DIRECTIVE]
    if (directive === 'replace') {
      delete patch[DIRECTIVE]
      return patch
    }
    if (directive === 'delete') return {}
    throw badPatchType(directive, patch)
  }
  original ??= {}
  applyRetainKeys(original, patch)
  mergeOrderedLists(original, patch, schema)

  for (let [key, patchValue] of Object.entries(patch)) {
    let isDeleteList = false
    if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      const slash = key.indexOf('/')
      if (slash < 0 || key.slice(0, slash) !== DELETE_FROM_PRIMITIVE_LIST) throw badRequest('invalid patch format of primitive list')
      key = key.slice(slash + 1)
      isDeleteList = true
    }
    if (patchValue === null) {
      delete original[key]
      continue
    }
    if (!(key in original)) {
      if (!isDeleteList) setWithoutDirectives(original, key, discardNulls(patchValue))
      continue
    }
    const current = original[key]
    if (isMap(current) && isMap(patchValue)) {
      const { meta, schema: sub } = schema.lookup(key)
      original[key] = strategyOf(meta.strategy) === 'replace' ? patchValue : mergeMap(current, patchValue, sub)
    } else if (Array.isArray(current) && Array.isArray(patchValue)) {
      const { meta, schema: sub } = schema.lookup(key)
      original[key] = strategyOf(meta.strategy) === 'merge' || isDeleteList ? mergeSlice(current, patchValue, sub, meta.mergeKey ?? '', isDeleteList) : patchValue
    } else if (!isDeleteList) {
      setWithoutDirectives(original, key, discardNulls(patchValue))
    }
  }
  return original
}

/**
 * `$setElementOrder/<field>: [...]` with its list (mergePatchIntoOriginal): the list
 * merges as usual, then takes the directive's order, live-only items interleaved.
 */
function mergeOrderedLists(original: JsonMap, patch: JsonMap, schema: PatchSchema): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER)) continue
    const order = patch[key]
    delete patch[key]
    if (!Array.isArray(order)) throw new PatchError(500, `expected a []interface {}, but received a ${goType(order) === 'map' ? 'map[string]interface {}' : goType(order)}`)
    const slash = key.indexOf('/')
    if (slash < 0 || key.slice(0, slash) !== SET_ELEMENT_ORDER) throw badRequest('invalid patch format of setElementOrder list')
    const field = key.slice(slash + 1)
    const originalList = original[field]
    const patchList = patch[field]
    if (originalList !== undefined && !Array.isArray(originalList)) continue
    if (patchList !== undefined && !Array.isArray(patchList)) continue
    const { meta, schema: sub } = schema.lookup(field)
    const mergeKey = meta.mergeKey ?? ''
    let merged: unknown[]
    if (originalList && !patchList) merged = originalList
    else if (!originalList && patchList) merged = removeDirectives(patchList)[0] as unknown[]
    else if (originalList && patchList) merged = strategyOf(meta.strategy) === 'merge' ? mergeSlice(originalList, patchList, sub, mergeKey, false) : patchList
    else continue
    const all = [...(originalList ?? []), ...(patchList ?? [])]
    if (all.length === 0) {
      original[field] = merged
      delete patch[field]
      continue
    }
    const kind = elementKind(originalList ?? [], patchList ?? [])
    const inOrder = (v: unknown) => indexOf(order, v, mergeKey, kind) >= 0
    original[field] = normalizeElementOrder(merged.filter(inOrder), merged.filter((v) => !inOrder(v)), order, originalList ?? [], mergeKey, kind)
    delete patch[field]
  }
}

/** The strategy besides retainKeys (extractRetainKeysPatchStrategy). */
function strategyOf(tag: string | undefined): string {
  return (tag ?? '')
    .split(',')
    .filter((s) => s && s !== 'retainKeys')
    .join(',')
}

/** `$retainKeys: [a, b]`: keys of the live map not listed go; every key the patch sets must be listed. */
function applyRetainKeys(original: JsonMap, patch: JsonMap): void {
  if (!(RETAIN_KEYS in patch)) return
  const list = patch[RETAIN_KEYS]
  delete patch[RETAIN_KEYS]
  if (!Array.isArray(list)) throw badRequest('invalid patch format of retainKeys')
  const retained = new Set(list)
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || key.startsWith(DELETE_FROM_PRIMITIVE_LIST) || key.startsWith(SET_ELEMENT_ORDER)) continue
    if (!retained.has(key)) throw badRequest('invalid patch format of retainKeys')
  }
  for (const key of Object.keys(original)) if (!retained.has(key)) delete original[key]
}

function setWithoutDirectives(target: JsonMap, key: string, value: unknown): void {
  const [kept, keep] = removeDirectives(value)
  if (keep) target[key] = kept
  else delete target[key]
}

/** A value taken whole from the patch loses its directives; a map that is one is dropped. */
function removeDirectives(v: unknown): [unknown, boolean] {
  if (isMap(v)) {
    if (DIRECTIVE in v) return [undefined, false]
    for (const [k, child] of Object.entries(v)) {
      const [kept, keep] = removeDirectives(child)
      if (keep) v[k] = kept
      else delete v[k]
    }
    return [v, true]
  }
  if (Array.isArray(v)) {
    const out: unknown[] = []
    for (const item of v) {
      const [kept, keep] = removeDirectives(item)
      if (keep) out.push(kept)
    }
    return [out, true]
  }
  return [v, true]
}

/** Nulls in a value added whole mean nothing (IgnoreUnmatchedNulls). */
function discardNulls(v: unknown): unknown {
  if (isMap(v)) {
    for (const [k, child] of Object.entries(v)) {
      if (child === null) delete v[k]
      else discardNulls(child)
    }
  } else if (Array.isArray(v)) v.forEach(discardNulls)
  return v
}

type ElementKind = 'map' | 'scalar'

/** All items of the lists are of one type (sliceElementType); lists of lists are refused. */
function elementKind(...lists: unknown[][]): ElementKind {
  let first: string | undefined
  for (const list of lists) {
    for (const v of list) {
      const t = goType(v)
      if (first === undefined) {
        first = t
        if (t === 'slice') throw new PatchError(422, 'lists of lists are not supported')
      } else if (t !== first) {
        throw new PatchError(500, `list element types are not identical: ${goValueText(lists)}`)
      }
    }
  }
  if (first === undefined) throw new PatchError(500, 'no elements in any of the given slices')
  return first === 'map' ? 'map' : 'scalar'
}

function goType(v: unknown): string {
  if (v === null) return 'nil'
  if (Array.isArray(v)) return 'slice'
  if (typeof v === 'object') return 'map'
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64'
  return typeof v
}

function mergeSlice(original: unknown[], patch: unknown[], schema: PatchSchema, mergeKey: string, isDeleteList: boolean): unknown[] {
  if (original.length === 0 && patch.length === 0) return original
  const kind = elementKind(original, patch)
  let merged: unknown[]
  if (kind === 'scalar') {
    if (isDeleteList) return original.filter((v) => !patch.includes(v))
    merged = [...new Set([...original, ...patch])]
  } else {
    if (mergeKey === '') throw new PatchError(500, `cannot merge lists without merge key for ${schema.name}`)
    ;[original, patch] = withoutSpecialElements(original as JsonMap[], patch as JsonMap[], mergeKey)
    merged = mergeByKey(original as JsonMap[], patch as JsonMap[], mergeKey, schema)
  }
  const inPatch = (v: unknown) => indexOf(patch, v, mergeKey, kind) >= 0
  const patchItems = merged.filter(inPatch)
  const serverOnly = merged.filter((v) => !inPatch(v))
  return normalizeElementOrder(patchItems, serverOnly, patch, original, mergeKey, kind)
}

/** Handles `$patch: delete` items (remove by key) and `$patch: replace` (the list becomes the patch's items). */
function withoutSpecialElements(original: JsonMap[], patch: JsonMap[], mergeKey: string): [JsonMap[], JsonMap[]] {
  const plain: JsonMap[] = []
  let replace = false
  for (const item of patch) {
    if (!(DIRECTIVE in item)) {
      plain.push(item)
      continue
    }
    const directive = item[DIRECTIVE]
    if (directive === 'delete') {
      if (!(mergeKey in item)) throw noMergeKey(item, mergeKey)
      original = original.filter((o) => o[mergeKey] !== item[mergeKey])
    } else if (directive === 'replace') replace = true
    else if (directive === 'merge') throw new PatchError(500, 'merging lists cannot yet be specified in the patch')
    else throw badPatchType(directive, item)
  }
  return replace ? [plain, []] : [original, plain]
}

function mergeByKey(original: JsonMap[], patch: JsonMap[], mergeKey: string, schema: PatchSchema): JsonMap[] {
  const out = [...original]
  for (const item of patch) {
    if (!(mergeKey in item)) throw noMergeKey(item, mergeKey)
    const at = out.findIndex((o) => o[mergeKey] === item[mergeKey])
    if (at >= 0) out[at] = mergeMap(out[at], item, schema)
    else out.push(item)
  }
  return out
}

function indexOf(list: unknown[], value: unknown, mergeKey: string, kind: ElementKind): number {
  const key = (v: unknown) => (kind === 'map' ? (v as JsonMap)[mergeKey] : v)
  const wanted = key(value)
  return list.findIndex((v) => key(v) === wanted)
}

/**
 * Patch items in patch order, live-only items in live order, interleaved so that
 * each live-only item stays before the patch items that followed it in the live
 * list (normalizeElementOrder and mergeSortedSlice).
 */
function normalizeElementOrder(patch: unknown[], serverOnly: unknown[], patchOrder: unknown[], serverOrder: unknown[], mergeKey: string, kind: ElementKind): unknown[] {
  const right = sortByOrder(patch, patchOrder, mergeKey, kind)
  const left = sortByOrder(serverOnly, serverOrder, mergeKey, kind)
  const out: unknown[] = []
  let i = 0
  let j = 0
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++])
    else if (j >= right.length) out.push(left[i++])
    else {
      const li = indexOf(serverOrder, left[i], mergeKey, kind)
      const ri = indexOf(serverOrder, right[j], mergeKey, kind)
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++])
      else out.push(right[j++])
    }
  }
  return out
}

function sortByOrder(items: unknown[], order: unknown[], mergeKey: string, kind: ElementKind): unknown[] {
  if (kind === 'map') {
    for (const list of [items, order]) for (const v of list) if (!(mergeKey in (v as JsonMap))) throw noMergeKey(v as JsonMap, mergeKey)
  }
  return items
    .map((v, i) => ({ v, i, at: indexOf(order, v, mergeKey, kind) }))
    .sort((a, b) => (a.at >= 0 && b.at >= 0 ? a.at - b.at : a.i - b.i))
    .map((e) => e.v)
}
