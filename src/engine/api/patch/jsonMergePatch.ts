import { PatchError } from './patchError.ts'

/**
 * JSON merge patch (RFC 7386), as evanphx/json-patch's MergePatch applies it: an
 * object merges key by key, `null` removes a key, anything else replaces the value
 * whole (lists included). Nulls inside a value that is added are dropped.
 */
export function jsonMergePatch(doc: Record<string, unknown>, patch: unknown): Record<string, unknown> {
  if (!isObject(patch)) throw new PatchError(400, 'Invalid JSON Patch')
  return mergeDocs(structuredClone(doc), structuredClone(patch))
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function mergeDocs(doc: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete doc[key]
    else if (isObject(value) && isObject(doc[key])) doc[key] = mergeDocs(doc[key] as Record<string, unknown>, value)
    else doc[key] = pruneNulls(value)
  }
  return doc
}

function pruneNulls(v: unknown): unknown {
  if (isObject(v)) {
    for (const [k, child] of Object.entries(v)) {
      if (child === null) delete v[k]
      else pruneNulls(child)
    }
  } else if (Array.isArray(v)) v.forEach(pruneNulls)
  return v
}
