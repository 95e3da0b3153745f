import { PatchError } from './patchError.ts'

/**
 * JSON patch (RFC 6902) as the API server applies it, with evanphx/json-patch v4's
 * behaviour and messages: `add`, `remove`, `replace`, `move`, `copy`, `test`, paths in
 * JSON pointer syntax (`~1` for `/`, `~0` for `~`), `-` for the end of a list.
 * A patch that is not a list of operations is a 400; one that does not apply is a 422
 * whose message is what kubectl shows when it patches locally (`--dry-run=client`).
 */
export function jsonPatch(doc: unknown, patch: unknown): unknown {
  const ops = decodeOperations(patch)
  const root: { doc: unknown } = { doc: structuredClone(doc) }
  for (const op of ops) applyOperation(root, op)
  return root.doc
}

type Operation = Record<string, unknown>
type Container = Record<string, unknown> | unknown[]

const missing = 'missing value'
const invalidIndex = 'invalid index referenced'
const fail = (message: string) => new PatchError(422, message)

/** The server decodes the body into []jsonPatchOp first (strict field validation "Warn"). */
function decodeOperations(patch: unknown): Operation[] {
  const decodeError = (what: string, into: string) => new PatchError(400, `error decoding patch: json: cannot unmarshal ${what} into Go ${into}`)
  if (!Array.isArray(patch)) throw decodeError(jsonKind(patch), 'value of type []handlers.jsonPatchOp')
  for (const op of patch) {
    if (op === null) continue
    if (typeof op !== 'object' || Array.isArray(op)) throw decodeError(jsonKind(op), 'value of type handlers.jsonPatchOp')
    for (const field of ['op', 'path', 'from']) {
      const v = (op as Operation)[field]
      if (v !== undefined && v !== null && typeof v !== 'string') throw decodeError(jsonKind(v), `struct field jsonPatchOp.${field} of type string`)
    }
  }
  return patch.map((op) => (op ?? {}) as Operation)
}

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array'
  if (v === null) return 'null'
  if (typeof v === 'boolean') return 'bool'
  return typeof v // object, string, number
}

const decodeKey = (k: string) => k.replace(/~1/g, '/').replace(/~0/g, '~')

const isContainer = (v: unknown): v is Container => typeof v === 'object' && v !== null

/** The container holding the last path segment, and that segment (findObject). */
function findObject(root: { doc: unknown }, path: string): [Container, string] | undefined {
  const parts = path.split('/')
  if (parts.length < 2) return undefined
  if (!isContainer(root.doc)) return undefined
  let doc: Container = root.doc
  for (const part of parts.slice(1, -1)) {
    const next = get(doc, decodeKey(part))
    if (next instanceof Error || !isContainer(next)) return undefined
    doc = next
  }
  return [doc, decodeKey(parts[parts.length - 1])]
}

/** Go's strconv.Atoi, with its error text. */
function atoi(key: string): number | Error {
  if (!/^[+-]?\d+$/.test(key)) return new Error(`strconv.Atoi: parsing ${JSON.stringify(key)}: invalid syntax`)
  return Number(key)
}

function get(c: Container, key: string): unknown | Error {
  if (!Array.isArray(c)) return c[key]
  const idx = atoi(key)
  if (idx instanceof Error) return idx
  if (idx < 0 || idx >= c.length) return new Error(`Unable to access invalid index: ${idx}: ${invalidIndex}`)
  return c[idx]
}

function add(c: Container, key: string, value: unknown): Error | undefined {
  if (!Array.isArray(c)) {
    c[key] = value
    return undefined
  }
  if (key === '-') {
    c.push(value)
    return undefined
  }
  const idx = atoi(key)
  if (idx instanceof Error) return new Error(`value was not a proper array index: '${key}': ${idx.message}`)
  if (idx < 0 || idx >= c.length + 1) return new Error(`Unable to access invalid index: ${idx}: ${invalidIndex}`)
  c.splice(idx, 0, value)
  return undefined
}

function remove(c: Container, key: string): Error | undefined {
  if (!Array.isArray(c)) {
    if (!(key in c)) return new Error(`Unable to remove nonexistent key: ${key}: ${missing}`)
    delete c[key]
    return undefined
  }
  const idx = atoi(key)
  if (idx instanceof Error) return idx
  if (idx < 0 || idx >= c.length) return new Error(`Unable to access invalid index: ${idx}: ${invalidIndex}`)
  c.splice(idx, 1)
  return undefined
}

function pathOf(op: Operation, field: 'path' | 'from'): string | undefined {
  const v = op[field]
  return typeof v === 'string' ? v : undefined
}

function applyOperation(root: { doc: unknown }, op: Operation): void {
  const kind = typeof op.op === 'string' ? op.op : 'unknown'
  const value = op.value === undefined ? null : structuredClone(op.value)
  const path = pathOf(op, 'path')
  switch (kind) {
    case 'add': {
      if (path === undefined) throw fail(`add operation failed to decode path: ${missing}`)
      const found = findObject(root, path)
      if (!found) throw fail(`add operation does not apply: doc is missing path: "${path}": ${missing}`)
      const err = add(found[0], found[1], value)
      if (err) throw fail(`error in add for path: '${path}': ${err.message}`)
      return
    }
    case 'remove': {
      if (path === undefined) throw fail(`remove operation failed to decode path: ${missing}`)
      const found = findObject(root, path)
      if (!found) throw fail(`remove operation does not apply: doc is missing path: "${path}": ${missing}`)
      const err = remove(found[0], found[1])
      if (err) throw fail(`error in remove for path: '${path}': ${err.message}`)
      return
    }
    case 'replace': {
      if (path === undefined) throw fail(`replace operation failed to decode path: operation missing path field: ${missing}`)
      if (path === '') {
        if (!isContainer(value)) throw fail('replace operation value must be object or array: %!w(<nil>)')
        root.doc = value
        return
      }
      const found = findObject(root, path)
      if (!found) throw fail(`replace operation does not apply: doc is missing path: ${path}: ${missing}`)
      const [c, key] = found
      // v4 replaces a missing object key as if it were there; only a bad list index fails.
      if (get(c, key) instanceof Error) throw fail(`replace operation does not apply: doc is missing key: ${path}: ${missing}`)
      if (Array.isArray(c)) c[Number(key)] = value
      else c[key] = value
      return
    }
    case 'move': {
      const from = pathOf(op, 'from')
      if (from === undefined) throw fail(`move operation failed to decode from: operation, missing from field: ${missing}`)
      const source = findObject(root, from)
      if (!source) throw fail(`move operation does not apply: doc is missing from path: ${from}: ${missing}`)
      const moved = get(...source)
      if (moved instanceof Error) throw fail(`error in move for path: '${source[1]}': ${moved.message}`)
      const removed = remove(...source)
      if (removed) throw fail(`error in move for path: '${source[1]}': ${removed.message}`)
      if (path === undefined) throw fail(`move operation failed to decode path: operation missing path field: ${missing}`)
      const target = findObject(root, path)
      if (!target) throw fail(`move operation does not apply: doc is missing destination path: ${path}: ${missing}`)
      const err = add(target[0], target[1], moved)
      if (err) throw fail(`error in move for path: '${path}': ${err.message}`)
      return
    }
    case 'copy': {
      const from = pathOf(op, 'from')
      if (from === undefined) throw fail(`copy operation failed to decode from: operation, missing from field: ${missing}`)
      const source = findObject(root, from)
      if (!source) throw fail(`copy operation does not apply: doc is missing from path: ${from}: ${missing}`)
      const copied = get(...source)
      if (copied instanceof Error) throw fail(`error in copy for from: '${from}': ${copied.message}`)
      if (path === undefined) throw fail(`copy operation failed to decode path: ${missing}`)
      const target = findObject(root, path)
      if (!target) throw fail(`copy operation does not apply: doc is missing destination path: ${path}: ${missing}`)
      const err = add(target[0], target[1], structuredClone(copied ?? null))
      if (err) throw fail(`error while adding value during copy: ${err.message}`)
      return
    }
    case 'test': {
      if (path === undefined) throw fail(`test operation failed to decode path: operation missing path field: ${missing}`)
      if (path === '') {
        if (deepEqual(root.doc, value)) return
        throw fail(`testing value ${path} failed: test failed`)
      }
      const found = findObject(root, path)
      if (!found) throw fail(`test operation does not apply: is missing path: ${path}: ${missing}`)
      const actual = get(...found)
      if (actual instanceof Error) throw fail(`error in test for path: '${path}': ${actual.message}`)
      if ((actual ?? null) === null && value === null) return
      if (deepEqual(actual, value)) return
      throw fail(`testing value ${path} failed: test failed`)
    }
    default:
      throw fail(`Unexpected kind: ${kind}`)
  }
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((v, i) => deepEqual(v, (b as unknown[])[i]))
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  return ka.length === kb.length && ka.every((k) => k in b && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}
