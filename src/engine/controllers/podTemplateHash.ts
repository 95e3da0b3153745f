import type { PodTemplateSpec } from '../api/types.ts'
import { NAME_ALPHABET } from '../rng.ts'

/** JSON with object keys sorted, so equal templates hash equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/**
 * The `pod-template-hash`: FNV-32a over the template, printed in decimal and mapped
 * onto kubectl's safe alphabet character by character (rand.SafeEncodeString), which
 * is why real hashes look like `7c5ddbdf54`.
 */
export function podTemplateHash(template: PodTemplateSpec, collisionCount = 0): string {
  const labels = { ...(template.metadata?.labels ?? {}) }
  delete labels['pod-template-hash']
  const text = canonicalJson({ ...template, metadata: { ...template.metadata, labels } }) + (collisionCount ? `#${collisionCount}` : '')
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return String(hash)
    .split('')
    .map((ch) => NAME_ALPHABET[ch.charCodeAt(0) % NAME_ALPHABET.length])
    .join('')
}
