import { ageOf } from '../kubectl/podSummary.ts'
import type { KubeObject } from '../api/types.ts'
import { listWithMore } from './columns.ts'
import { defineKind } from './kindModule.ts'
import { describeEndpoints } from '../kubectl/describe/describeEndpoints.ts'

interface Subset {
  addresses?: { ip: string }[]
  ports?: { port: number }[]
}

/** formatEndpoints: `ip:port` per address and port, at most three shown. */
function endpointsCell(obj: KubeObject): string {
  const subsets = (obj.subsets as Subset[] | undefined) ?? []
  if (subsets.length === 0) return '<none>'
  const list = subsets.flatMap((s) => {
    const addresses = s.addresses ?? []
    if (!s.ports?.length) return addresses.map((a) => a.ip)
    return s.ports.flatMap((p) => addresses.map((a) => (a.ip.includes(':') ? `[${a.ip}]:${p.port}` : `${a.ip}:${p.port}`)))
  })
  return listWithMore(list)
}

export const endpointsKind = defineKind({
  names: { kind: 'Endpoints', group: '', version: 'v1', plural: 'endpoints', singular: 'endpoints', shortNames: ['ep'], namespaced: true },
  simulated: true,
  deprecationWarning: 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
  nameRule: 'subdomain',
  describe: (ep, ctx) => describeEndpoints(ep, ctx.eventsFor(ep), ctx.now),
  table: {
    columns: ['NAME', 'ENDPOINTS', 'AGE'],
    wideColumns: [],
    row: (obj, now) => [obj.metadata.name, endpointsCell(obj), ageOf(obj.metadata.creationTimestamp, now)],
    wideRow: () => [],
  },
})
