import { ageOf } from '../kubectl/podSummary.ts'
import { specOf } from './columns.ts'
import { defineKind } from './kindModule.ts'

interface CSIDriverSpec {
  attachRequired: boolean
  podInfoOnMount: boolean
  storageCapacity: boolean
  requiresRepublish: boolean
  fsGroupPolicy: string
  tokenRequests: { audience?: string }[]
  volumeLifecycleModes: string[]
}

export const csiDriverKind = defineKind({
  names: { kind: 'CSIDriver', group: 'storage.k8s.io', version: 'v1', plural: 'csidrivers', singular: 'csidriver', shortNames: [], namespaced: false },
  simulated: true,
  nameRule: 'subdomain',
  hasSpec: true,
  defaults(driver) {
    const spec = driver.spec as Partial<CSIDriverSpec>
    spec.attachRequired ??= true
    spec.podInfoOnMount ??= false
    spec.requiresRepublish ??= false
    spec.storageCapacity ??= false
    spec.fsGroupPolicy ??= 'ReadWriteOnceWithFSType'
    spec.volumeLifecycleModes ??= ['Persistent']
  },
  table: {
    columns: ['NAME', 'ATTACHREQUIRED', 'PODINFOONMOUNT', 'STORAGECAPACITY', 'TOKENREQUESTS', 'REQUIRESREPUBLISH', 'MODES', 'AGE'],
    wideColumns: [],
    row(obj, now) {
      const spec = specOf<CSIDriverSpec>(obj)
      const tokens = spec.tokenRequests?.length ? spec.tokenRequests.map((t) => t.audience ?? '').join(',') : '<unset>'
      const modes = spec.volumeLifecycleModes?.length ? spec.volumeLifecycleModes.join(',') : '<none>'
      return [
        obj.metadata.name,
        String(spec.attachRequired ?? true),
        String(spec.podInfoOnMount ?? false),
        String(spec.storageCapacity ?? false),
        tokens,
        String(spec.requiresRepublish ?? false),
        modes,
        ageOf(obj.metadata.creationTimestamp, now),
      ]
    },
    wideRow: () => [],
  },
})
