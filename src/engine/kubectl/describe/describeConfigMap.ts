import type { KubeEvent, KubeObject } from '../../api/types.ts'
import { DescribeWriter } from '../describeWriter.ts'
import { describeEvents } from './common.ts'
import { describeMetadataHeader } from './describeMetadataHeader.ts'

/** `kubectl describe configmap` (ConfigMapDescriber): each key with its value under a rule, then binary keys by size. */
export function describeConfigMap(cm: KubeObject & { data?: Record<string, string>; binaryData?: Record<string, string> }, events: KubeEvent[], now: number): string {
  const w = new DescribeWriter()
  describeMetadataHeader(w, cm)
  w.write(0, '\nData\n====\n')
  for (const key of Object.keys(cm.data ?? {}).sort()) w.write(0, `${key}:\n----\n${cm.data![key]}\n\n`)
  w.write(0, '\nBinaryData\n====\n')
  for (const key of Object.keys(cm.binaryData ?? {}).sort()) w.write(0, `${key}: ${base64Length(cm.binaryData![key])} bytes\n`)
  w.write(0, '\n')
  describeEvents(w, events, now)
  return w.toString()
}

/** Bytes a base64 text decodes to. */
export function base64Length(text: string): number {
  const clean = text.replace(/\s/g, '')
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0
  return Math.max(0, Math.floor((clean.length * 3) / 4) - padding)
}
