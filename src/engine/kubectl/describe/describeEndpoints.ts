import type { KubeEvent, KubeObject } from '../../api/types.ts'
import { DescribeWriter } from '../describeWriter.ts'
import { describeEvents } from './common.ts'
import { describeMetadataHeader } from './describeMetadataHeader.ts'

interface Subset {
  addresses?: { ip: string }[]
  notReadyAddresses?: { ip: string }[]
  ports?: { name?: string; port: number; protocol?: string }[]
}

/** `kubectl describe endpoints` (describeEndpoints): each subset's addresses and ports, a blank line after each. */
export function describeEndpoints(ep: KubeObject & { subsets?: Subset[] }, events: KubeEvent[], now: number): string {
  const w = new DescribeWriter()
  describeMetadataHeader(w, ep)
  w.write(0, 'Subsets:\n')
  for (const subset of ep.subsets ?? []) {
    w.write(1, `Addresses:\t${(subset.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`)
    w.write(1, `NotReadyAddresses:\t${(subset.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`)
    if (subset.ports?.length) {
      w.write(1, 'Ports:\n')
      w.write(2, 'Name\tPort\tProtocol\n')
      w.write(2, '----\t----\t--------\n')
      for (const p of subset.ports) w.write(2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? 'TCP'}\n`)
    }
    w.write(0, '\n')
  }
  describeEvents(w, events, now)
  return w.toString()
}
