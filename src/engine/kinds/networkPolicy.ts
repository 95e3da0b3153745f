import { ageOf } from '../kubectl/podSummary.ts'
import type { LabelSelector } from '../api/types.ts'
import { formatSelector } from '../util/labels.ts'
import { specOf } from './columns.ts'
import { defineKind } from './kindModule.ts'
import { describeNetworkPolicy } from '../kubectl/describe/describeNetworkPolicy.ts'

export const networkPolicyKind = defineKind({
  names: { kind: 'NetworkPolicy', group: 'networking.k8s.io', version: 'v1', plural: 'networkpolicies', singular: 'networkpolicy', shortNames: ['netpol'], namespaced: true },
  simulated: true,
  nameRule: 'subdomain',
  describe: (np) => describeNetworkPolicy(np),
  table: {
    columns: ['NAME', 'POD-SELECTOR', 'AGE'],
    wideColumns: [],
    row: (obj, now) => [obj.metadata.name, formatSelector(specOf<{ podSelector: LabelSelector }>(obj).podSelector ?? {}), ageOf(obj.metadata.creationTimestamp, now)],
    wideRow: () => [],
  },
})
