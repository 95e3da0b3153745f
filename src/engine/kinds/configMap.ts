import { ageOf } from '../kubectl/podSummary.ts'
import { defineKind } from './kindModule.ts'
import { immutableDataErrors } from '../admission/immutableData.ts'
import { describeConfigMap } from '../kubectl/describe/describeConfigMap.ts'

export const configMapKind = defineKind({
  names: { kind: 'ConfigMap', group: '', version: 'v1', plural: 'configmaps', singular: 'configmap', shortNames: ['cm'], namespaced: true },
  simulated: true,
  nameRule: 'subdomain',
  validateUpdate: (obj, old) => immutableDataErrors(obj, old, ['data', 'binaryData']),
  describe: (cm, ctx) => describeConfigMap(cm, ctx.eventsFor(cm), ctx.now),
  table: {
    columns: ['NAME', 'DATA', 'AGE'],
    wideColumns: [],
    row(obj, now) {
      const count = Object.keys((obj.data as object | undefined) ?? {}).length + Object.keys((obj.binaryData as object | undefined) ?? {}).length
      return [obj.metadata.name, String(count), ageOf(obj.metadata.creationTimestamp, now)]
    },
    wideRow: () => [],
  },
})
