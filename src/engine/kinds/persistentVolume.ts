import { ageOf } from '../kubectl/podSummary.ts'
import { canonicalQuantity } from '../util/exactQuantity.ts'
import { specOf } from './columns.ts'
import { defineKind } from './kindModule.ts'
import { describePersistentVolume } from '../kubectl/describe/describePersistentVolume.ts'

interface PersistentVolumeSpec {
  capacity: Record<string, string | number>
  accessModes: string[]
  persistentVolumeReclaimPolicy: string
  claimRef: { namespace?: string; name?: string }
  storageClassName: string
  volumeAttributesClassName: string
  volumeMode: string
}

const ACCESS_MODES: [string, string][] = [['ReadWriteOnce', 'RWO'], ['ReadOnlyMany', 'ROX'], ['ReadWriteMany', 'RWX'], ['ReadWriteOncePod', 'RWOP']]

/** GetAccessModesAsString: the short forms in a fixed order. */
export function accessModesCell(modes: string[] | undefined): string {
  return ACCESS_MODES.filter(([mode]) => modes?.includes(mode)).map(([, short]) => short).join(',')
}

export const persistentVolumeKind = defineKind({
  names: { kind: 'PersistentVolume', group: '', version: 'v1', plural: 'persistentvolumes', singular: 'persistentvolume', shortNames: ['pv'], namespaced: false },
  // The PV controller binds volumes to claims and reclaims them (controllers/persistentVolumeController.ts).
  simulated: true,
  nameRule: 'subdomain',
  hasSpec: true,
  defaults(pv) {
    const spec = pv.spec as Partial<PersistentVolumeSpec>
    spec.persistentVolumeReclaimPolicy ??= 'Retain'
    spec.volumeMode ??= 'Filesystem'
  },
  initialStatus: () => ({ phase: 'Pending' }),
  describe: (pv, ctx) => describePersistentVolume(pv, ctx.eventsFor(pv), ctx.now),
  table: {
    columns: ['NAME', 'CAPACITY', 'ACCESS MODES', 'RECLAIM POLICY', 'STATUS', 'CLAIM', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'REASON', 'AGE'],
    wideColumns: ['VOLUMEMODE'],
    row(obj, now) {
      const spec = specOf<PersistentVolumeSpec>(obj)
      const status = (obj.status ?? {}) as { phase?: string; reason?: string }
      const storage = spec.capacity?.storage
      return [
        obj.metadata.name,
        storage === undefined ? '0' : canonicalQuantity(storage),
        accessModesCell(spec.accessModes),
        spec.persistentVolumeReclaimPolicy ?? '',
        obj.metadata.deletionTimestamp ? 'Terminating' : (status.phase ?? ''),
        spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : '',
        spec.storageClassName ?? '',
        spec.volumeAttributesClassName || '<unset>',
        status.reason ?? '',
        ageOf(obj.metadata.creationTimestamp, now),
      ]
    },
    wideRow: (obj) => [specOf<PersistentVolumeSpec>(obj).volumeMode ?? '<unset>'],
  },
})
