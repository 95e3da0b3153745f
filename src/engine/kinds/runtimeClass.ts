import { ageOf } from '../kubectl/podSummary.ts'
import { defineKind } from './kindModule.ts'

export const runtimeClassKind = defineKind({
  names: { kind: 'RuntimeClass', group: 'node.k8s.io', version: 'v1', plural: 'runtimeclasses', singular: 'runtimeclass', shortNames: [], namespaced: false },
  simulated: true,
  nameRule: 'subdomain',
  table: {
    columns: ['NAME', 'HANDLER', 'AGE'],
    wideColumns: [],
    row: (obj, now) => [obj.metadata.name, String(obj.handler ?? ''), ageOf(obj.metadata.creationTimestamp, now)],
    wideRow: () => [],
  },
})
