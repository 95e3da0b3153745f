type Json = unknown

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * kubectl apply's three-way merge, simplified: fields in the new configuration are set,
 * fields that were in the last applied configuration but are no longer are removed,
 * and fields nobody declared (status, defaults, `kubectl scale`'s replicas) are kept.
 * Lists are replaced whole.
 */
export function threeWayMerge(lastApplied: Json, config: Json, live: Json): Json {
  if (!isObject(config) || !isObject(live)) return structuredClone(config)
  const out: Record<string, Json> = { ...live }
  const last = isObject(lastApplied) ? lastApplied : {}
  for (const key of Object.keys(last)) if (!(key in config)) delete out[key]
  for (const [key, value] of Object.entries(config)) {
    out[key] = isObject(value) && isObject(live[key]) ? threeWayMerge(last[key], value, live[key]) : structuredClone(value)
  }
  return out
}
