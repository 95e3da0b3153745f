import type { KubeObject } from '../api/types.ts'
import { ageOf } from '../kubectl/podSummary.ts'
import { defineKind } from './kindModule.ts'
import { describeServiceAccount } from '../kubectl/describe/describeServiceAccount.ts'

export interface ServiceAccount extends KubeObject {
  kind: 'ServiceAccount'
  secrets?: { name: string }[]
}

export const serviceAccountKind = defineKind<ServiceAccount>({
  names: { kind: 'ServiceAccount', group: '', version: 'v1', plural: 'serviceaccounts', singular: 'serviceaccount', shortNames: ['sa'], namespaced: true },
  simulated: true,
  nameRule: 'subdomain',
  describe: (sa, ctx) => describeServiceAccount(sa, ctx.eventsFor(sa), ctx.now),
  table: {
    columns: ['NAME', 'SECRETS', 'AGE'],
    wideColumns: [],
    // Since v1.24 no token Secret is made, so a new account shows 0.
    row: (sa, now) => [sa.metadata.name, String((sa as ServiceAccount).secrets?.length ?? 0), ageOf(sa.metadata.creationTimestamp, now)],
    wideRow: () => [],
  },
})
