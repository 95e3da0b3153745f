import { ageOf } from '../kubectl/podSummary.ts'
import { defineKind } from './kindModule.ts'

export const serviceAccountKind = defineKind({
  names: { kind: 'ServiceAccount', group: '', version: 'v1', plural: 'serviceaccounts', singular: 'serviceaccount', shortNames: ['sa'], namespaced: true },
  simulated: true,
  nameRule: 'subdomain',
  table: {
    columns: ['NAME', 'SECRETS', 'AGE'],
    wideColumns: [],
    row: (obj, now) => [obj.metadata.name, String(((obj.secrets as unknown[] | undefined) ?? []).length), ageOf(obj.metadata.creationTimestamp, now)],
    wideRow: () => [],
  },
})
