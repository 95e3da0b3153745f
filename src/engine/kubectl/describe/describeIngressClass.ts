import type { KubeEvent, KubeObject } from '../../api/types.ts'
import { DescribeWriter } from '../describeWriter.ts'
import { describeEvents } from './common.ts'
import { describeMetadataHeader } from './describeMetadataHeader.ts'

/** `kubectl describe ingressclass` (describeIngressClassV1). */
export function describeIngressClass(ic: KubeObject, events: KubeEvent[], now: number): string {
  const spec = (ic.spec ?? {}) as { controller?: string; parameters?: { apiGroup?: string; kind?: string; name?: string } }
  const w = new DescribeWriter()
  describeMetadataHeader(w, ic, false)
  w.write(0, `Controller:\t${spec.controller ?? ''}\n`)
  if (spec.parameters) {
    w.write(0, 'Parameters:\n')
    if (spec.parameters.apiGroup) w.write(1, `APIGroup:\t${spec.parameters.apiGroup}\n`)
    w.write(1, `Kind:\t${spec.parameters.kind ?? ''}\n`)
    w.write(1, `Name:\t${spec.parameters.name ?? ''}\n`)
  }
  describeEvents(w, events, now)
  return w.toString()
}
