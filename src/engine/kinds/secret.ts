import { ageOf } from '../kubectl/podSummary.ts'
import { defineKind } from './kindModule.ts'
import { describeSecret } from '../kubectl/describe/describeSecret.ts'

export const secretKind = defineKind({
  names: { kind: 'Secret', group: '', version: 'v1', plural: 'secrets', singular: 'secret', shortNames: [], namespaced: true },
  simulated: true,
  nameRule: 'subdomain',
  fieldLabels: ['type'],
  describe: (secret) => describeSecret(secret),
  table: {
    columns: ['NAME', 'TYPE', 'DATA', 'AGE'],
    wideColumns: [],
    row(obj, now) {
      const keys = new Set([...Object.keys((obj.data as object | undefined) ?? {}), ...Object.keys((obj.stringData as object | undefined) ?? {})])
      return [obj.metadata.name, String(obj.type ?? 'Opaque'), String(keys.size), ageOf(obj.metadata.creationTimestamp, now)]
    },
    wideRow: () => [],
  },
})
