import { defaultNetworkPolicy, validateNetworkPolicy } from '../admission/networkPolicyValidation.ts'
import { describeNetworkPolicy } from '../kubectl/describe/describeNetworkPolicy.ts'
import { ageOf } from '../kubectl/podSummary.ts'
import type { NetworkPolicy } from '../network/networkPolicy.ts'
import { formatSelector } from '../util/labels.ts'
import { defineKind } from './kindModule.ts'

export const networkPolicyKind = defineKind<NetworkPolicy>({
  names: { kind: 'NetworkPolicy', group: 'networking.k8s.io', version: 'v1', plural: 'networkpolicies', singular: 'networkpolicy', shortNames: ['netpol'], namespaced: true },
  simulated: true,
  nameRule: 'subdomain',
  hasSpec: true,
  defaults: defaultNetworkPolicy,
  validate: validateNetworkPolicy,
  table: {
    columns: ['NAME', 'POD-SELECTOR', 'AGE'],
    wideColumns: [],
    row: (np, now) => [np.metadata.name, formatSelector((np as NetworkPolicy).spec?.podSelector ?? {}), ageOf(np.metadata.creationTimestamp, now)],
    wideRow: () => [],
  },
  describe: (np) => describeNetworkPolicy(np),
})
