import { ageOf } from '../kubectl/podSummary.ts'
import { defineKind } from './kindModule.ts'
import { describeStorageClass } from '../kubectl/describe/describeStorageClass.ts'

const DEFAULT_CLASS = ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class']

export const storageClassKind = defineKind({
  names: { kind: 'StorageClass', group: 'storage.k8s.io', version: 'v1', plural: 'storageclasses', singular: 'storageclass', shortNames: ['sc'], namespaced: false },
  simulated: true,
  nameRule: 'subdomain',
  defaults(sc) {
    sc.reclaimPolicy ??= 'Delete'
    sc.volumeBindingMode ??= 'Immediate'
  },
  describe: (sc, ctx) => describeStorageClass(sc, ctx.eventsFor(sc), ctx.now),
  table: {
    columns: ['NAME', 'PROVISIONER', 'RECLAIMPOLICY', 'VOLUMEBINDINGMODE', 'ALLOWVOLUMEEXPANSION', 'AGE'],
    wideColumns: [],
    row(obj, now) {
      const isDefault = DEFAULT_CLASS.some((a) => obj.metadata.annotations?.[a] === 'true')
      return [
        isDefault ? `${obj.metadata.name} (default)` : obj.metadata.name,
        String(obj.provisioner ?? ''),
        String(obj.reclaimPolicy ?? 'Delete'),
        String(obj.volumeBindingMode ?? 'Immediate'),
        String(obj.allowVolumeExpansion === true),
        ageOf(obj.metadata.creationTimestamp, now),
      ]
    },
    wideRow: () => [],
  },
})
