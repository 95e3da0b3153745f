/**
 * A decoded JSON value as Go's fmt prints it with `%v`: `map[a:1 b:[x y]]`. The API
 * server's patch errors quote patches and list items this way.
 */
export function goValueText(v: unknown): string {
  if (v === null || v === undefined) return '<nil>'
  if (Array.isArray(v)) return `[${v.map(goValueText).join(' ')}]`
  if (typeof v === 'object') {
    const entries = Object.keys(v as object)
      .sort()
      .map((k) => `${k}:${goValueText((v as Record<string, unknown>)[k])}`)
    return `map[${entries.join(' ')}]`
  }
  return String(v)
}
