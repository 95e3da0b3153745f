import type { KubeEvent } from '../../api/types.ts'
import { DescribeWriter } from '../describeWriter.ts'
import { describeEvents } from './common.ts'
import { describeMetadataHeader } from './describeMetadataHeader.ts'
import type { EndpointSlice } from './describeService.ts'

/** `kubectl describe endpointslice` (describeEndpointSliceV1). */
export function describeEndpointSlice(eps: EndpointSlice, events: KubeEvent[], now: number): string {
  const w = new DescribeWriter()
  describeMetadataHeader(w, eps)
  w.write(0, `AddressType:\t${eps.addressType ?? ''}\n`)
  if (!eps.ports?.length) w.write(0, 'Ports: <unset>\n')
  else {
    w.write(0, 'Ports:\n')
    w.write(1, 'Name\tPort\tProtocol\n')
    w.write(1, '----\t----\t--------\n')
    for (const p of eps.ports) w.write(1, `${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol ?? 'TCP'}\n`)
  }
  if (!eps.endpoints?.length) w.write(0, 'Endpoints: <none>\n')
  else {
    w.write(0, 'Endpoints:\n')
    for (const e of eps.endpoints) {
      w.write(1, `- Addresses:\t${e.addresses.join(', ') || '<none>'}\n`)
      w.write(2, 'Conditions:\n')
      w.write(3, `Ready:\t${e.conditions?.ready === undefined ? '<unset>' : String(e.conditions.ready)}\n`)
      w.write(2, `Hostname:\t${e.hostname ?? '<unset>'}\n`)
      if (e.targetRef) w.write(2, `TargetRef:\t${e.targetRef.kind ?? ''}/${e.targetRef.name ?? ''}\n`)
      w.write(2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`)
      w.write(2, `Zone:\t${e.zone ?? '<unset>'}\n`)
    }
  }
  describeEvents(w, events, now)
  return w.toString()
}
