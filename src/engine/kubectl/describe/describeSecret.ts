import type { KubeObject } from '../../api/types.ts'
import { DescribeWriter } from '../describeWriter.ts'
import { base64Length } from './describeConfigMap.ts'
import { describeMetadataHeader } from './describeMetadataHeader.ts'

/** `kubectl describe secret`: its type and each key's size, never the value (a service account token excepted). */
export function describeSecret(secret: KubeObject & { type?: string; data?: Record<string, string>; stringData?: Record<string, string> }): string {
  const w = new DescribeWriter()
  describeMetadataHeader(w, secret)
  const type = secret.type ?? 'Opaque'
  w.write(0, `\nType:\t${type}\n`)
  w.write(0, '\nData\n====\n')
  // stringData is written into data by the API server; a value there wins.
  const sizes = new Map<string, number>()
  for (const [k, v] of Object.entries(secret.data ?? {})) sizes.set(k, base64Length(String(v)))
  for (const [k, v] of Object.entries(secret.stringData ?? {})) sizes.set(k, new TextEncoder().encode(String(v)).length)
  for (const key of [...sizes.keys()].sort()) {
    if (key === 'token' && type === 'kubernetes.io/service-account-token') w.write(0, `${key}:\t${decodeBase64(secret.data?.[key] ?? '')}\n`)
    else w.write(0, `${key}:\t${sizes.get(key)} bytes\n`)
  }
  return w.toString()
}

function decodeBase64(text: string): string {
  try {
    return atob(text)
  } catch {
    return ''
  }
}
