import type { KubeEvent, KubeObject } from '../../api/types.ts'
import { DescribeWriter } from '../describeWriter.ts'
import { describeEvents } from './common.ts'
import { describeMetadataHeader } from './describeMetadataHeader.ts'

/** `kubectl describe serviceaccount`: its image pull secrets, one per line under one header. */
export function describeServiceAccount(sa: KubeObject & { imagePullSecrets?: { name?: string }[] }, events: KubeEvent[], now: number): string {
  const w = new DescribeWriter()
  describeMetadataHeader(w, sa)
  const names = (sa.imagePullSecrets ?? []).map((s) => s.name ?? '')
  if (names.length === 0) w.write(0, 'Image pull secrets:\t<none>\n')
  names.forEach((name, i) => w.write(0, `${i === 0 ? 'Image pull secrets:' : '                   '}\t${name}\n`))
  describeEvents(w, events, now)
  return w.toString()
}
