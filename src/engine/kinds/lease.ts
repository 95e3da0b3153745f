import { ageOf } from '../kubectl/podSummary.ts'
import { specOf } from './columns.ts'
import { defineKind } from './kindModule.ts'

export const leaseKind = defineKind({
  names: { kind: 'Lease', group: 'coordination.k8s.io', version: 'v1', plural: 'leases', singular: 'lease', shortNames: [], namespaced: true },
  simulated: true,
  nameRule: 'subdomain',
  table: {
    columns: ['NAME', 'HOLDER', 'AGE'],
    wideColumns: [],
    row: (obj, now) => [obj.metadata.name, specOf<{ holderIdentity: string }>(obj).holderIdentity ?? '', ageOf(obj.metadata.creationTimestamp, now)],
    wideRow: () => [],
  },
})
