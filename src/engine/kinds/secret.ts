import { ageOf } from '../kubectl/podSummary.ts'
import { defineKind } from './kindModule.ts'
import { immutableDataErrors } from '../admission/immutableData.ts'
import { describeSecret } from '../kubectl/describe/describeSecret.ts'
import { base64 } from '../kubectl/commands/create/secret.ts'

export const secretKind = defineKind({
  names: { kind: 'Secret', group: '', version: 'v1', plural: 'secrets', singular: 'secret', shortNames: [], namespaced: true },
  simulated: true,
  nameRule: 'subdomain',
  validateUpdate: (obj, old) => immutableDataErrors(obj, old, ['data']),
  fieldLabels: ['type'],
  defaults(secret) {
    // SetDefaults_Secret: a Secret without a type is Opaque.
    if (!secret.type) secret.type = 'Opaque'
    // stringData is write-only: the v1 conversion folds it into data (its keys win) and drops it.
    const stringData = secret.stringData as Record<string, unknown> | undefined
    if (stringData !== undefined) {
      const encoded = Object.entries(stringData).map(([k, v]) => [k, base64(String(v))])
      if (encoded.length) secret.data = { ...((secret.data as Record<string, string> | undefined) ?? {}), ...Object.fromEntries(encoded) }
      delete secret.stringData
    }
  },
  describe: (secret) => describeSecret(secret),
  table: {
    columns: ['NAME', 'TYPE', 'DATA', 'AGE'],
    wideColumns: [],
    row(obj, now) {
      return [obj.metadata.name, String(obj.type ?? 'Opaque'), String(Object.keys((obj.data as object | undefined) ?? {}).length), ageOf(obj.metadata.creationTimestamp, now)]
    },
    wideRow: () => [],
  },
})
