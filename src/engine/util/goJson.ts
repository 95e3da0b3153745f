type Json = unknown

/** A map's keys in sorted order, all the way down, dropping undefined values (how Go encodes generic maps). */
export function sortedKeys(v: Json): Json {
  if (Array.isArray(v)) return v.map(sortedKeys)
  if (typeof v !== 'object' || v === null) return v
  const obj = v as Record<string, Json>
  const out: Record<string, Json> = {}
  for (const k of Object.keys(obj).sort()) if (obj[k] !== undefined) out[k] = sortedKeys(obj[k])
  return out
}

/** encoding/json: sorted map keys, HTML-safe escapes; MarshalIndent with four spaces when `indent`. */
export function goJson(v: Json, indent: boolean): string {
  return JSON.stringify(sortedKeys(v), null, indent ? 4 : undefined)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
