import type { Pod } from '../../api/types.ts'

/**
 * The content of a downward API file for `fieldRef.fieldPath` (pkg/fieldpath): a single
 * value with no newline, or for labels and annotations `key="value"` lines, sorted.
 * Undefined for a field kubesim does not expose.
 */
export function downwardFieldContent(pod: Pod, fieldPath: string): string | undefined {
  const m = /^metadata\.(labels|annotations)(?:\['(.+)'\])?$/.exec(fieldPath)
  if (m) {
    const map = (m[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations) ?? {}
    if (m[2] !== undefined) return map[m[2]] ?? ''
    return formatMap(map)
  }
  const values: Record<string, string | undefined> = {
    'metadata.name': pod.metadata.name,
    'metadata.namespace': pod.metadata.namespace ?? 'default',
    'metadata.uid': pod.metadata.uid,
  }
  return values[fieldPath]
}

/** fieldpath.FormatMap: `k="v"` per line in key order, Go-quoted, no final newline. */
function formatMap(map: Record<string, string>): string {
  return Object.keys(map)
    .sort()
    .map((k) => `${k}=${JSON.stringify(map[k])}`)
    .join('\n')
}
