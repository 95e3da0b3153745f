import { ageOf } from '../kubectl/podSummary.ts'
import { listWithMore } from './columns.ts'
import { defineKind } from './kindModule.ts'

export const endpointSliceKind = defineKind({
  names: { kind: 'EndpointSlice', group: 'discovery.k8s.io', version: 'v1', plural: 'endpointslices', singular: 'endpointslice', shortNames: [], namespaced: true },
  simulated: true,
  nameRule: 'subdomain',
  table: {
    columns: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
    wideColumns: [],
    row(obj, now) {
      const ports = ((obj.ports as { port?: number; name?: string }[] | undefined) ?? []).map((p) => (p.port !== undefined ? String(p.port) : (p.name ?? '*')))
      const addresses = ((obj.endpoints as { addresses?: string[] }[] | undefined) ?? []).flatMap((e) => e.addresses ?? [])
      return [
        obj.metadata.name,
        String(obj.addressType ?? ''),
        ports.length ? listWithMore(ports) : '<unset>',
        addresses.length ? listWithMore(addresses) : '<unset>',
        ageOf(obj.metadata.creationTimestamp, now),
      ]
    },
    wideRow: () => [],
  },
})
