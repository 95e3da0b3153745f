import type { KubeObject } from '../../api/types.ts'

/** A ConfigMap's or Secret's keys with their contents as the container reads them (a Secret's base64-decoded). */
export function sourceData(obj: KubeObject): Map<string, string> {
  const out = new Map<string, string>()
  const data = (obj.data ?? {}) as Record<string, string>
  const binary = (obj.binaryData ?? {}) as Record<string, string>
  const decodeAll = obj.kind === 'Secret'
  for (const [k, v] of Object.entries(data)) out.set(k, decodeAll ? decodeBase64(String(v)) : String(v))
  for (const [k, v] of Object.entries(binary)) out.set(k, decodeBase64(String(v)))
  return out
}

export function decodeBase64(text: string): string {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)))
  } catch {
    return ''
  }
}
