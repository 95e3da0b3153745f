import { labelSelector, struct, topLevel } from '../admission/decodeShapes.ts'
import { type FieldError, required, unsupported } from '../admission/fieldErrors.ts'
import type { PersistentVolumeClaim, PersistentVolumeClaimSpec, Pod } from '../api/types.ts'
import { ageOf } from '../kubectl/podSummary.ts'
import { defineKind } from './kindModule.ts'
import { describePersistentVolumeClaim, podsUsingClaim } from '../kubectl/describe/describePersistentVolumeClaim.ts'

export const pvcSpecShape = struct('v1.PersistentVolumeClaimSpec', {
  accessModes: '[]string', selector: labelSelector,
  resources: struct('v1.VolumeResourceRequirements', { requests: 'quantities', limits: 'quantities' }),
  volumeName: 'string', storageClassName: 'string', volumeMode: 'string', dataSource: 'any', dataSourceRef: 'any',
  volumeAttributesClassName: 'string',
})

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod']
const ACCESS_MODE_SHORT: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' }

/** SetDefaults_PersistentVolumeClaimSpec: claims are filesystems unless they ask for a block device. */
export function defaultClaimSpec(spec: PersistentVolumeClaimSpec): void {
  spec.volumeMode ??= 'Filesystem'
}

/** ValidatePersistentVolumeClaimSpec: at least one known access mode and a storage request. */
export function validateClaimSpec(spec: PersistentVolumeClaimSpec, path: string): FieldError[] {
  const errs: FieldError[] = []
  const modes = spec.accessModes ?? []
  if (modes.length === 0) errs.push(required(`${path}.accessModes`, 'at least 1 access mode is required'))
  for (const mode of modes) if (!ACCESS_MODES.includes(mode)) errs.push(unsupported(`${path}.accessModes`, mode, ACCESS_MODES))
  if (spec.resources?.requests?.storage === undefined) errs.push(required(`${path}.resources[storage]`))
  if (spec.volumeMode && !['Block', 'Filesystem'].includes(spec.volumeMode)) errs.push(unsupported(`${path}.volumeMode`, spec.volumeMode, ['Block', 'Filesystem']))
  return errs
}

/** `RWO,RWX`, as GetAccessModesAsString prints a claim's modes. */
export function accessModesString(modes: string[] | undefined): string {
  return (modes ?? []).map((m) => ACCESS_MODE_SHORT[m] ?? m).join(',')
}

/**
 * PersistentVolumeClaims: the PV controller binds them to volumes, static or provisioned
 * by the class's provisioner (kind's local-path for the default `standard` class).
 */
export const persistentVolumeClaimKind = defineKind<PersistentVolumeClaim>({
  names: { kind: 'PersistentVolumeClaim', group: '', version: 'v1', plural: 'persistentvolumeclaims', singular: 'persistentvolumeclaim', shortNames: ['pvc'], namespaced: true },
  simulated: true,
  nameRule: 'subdomain',
  shape: topLevel('v1.PersistentVolumeClaim', { spec: pvcSpecShape }),
  hasSpec: true,
  defaults: (pvc) => defaultClaimSpec(pvc.spec),
  initialStatus: () => ({ phase: 'Pending' }),
  validate: (pvc) => validateClaimSpec(pvc.spec, 'spec'),
  describe: (pvc, ctx) => describePersistentVolumeClaim(pvc, podsUsingClaim(pvc, ctx.store.list<Pod>('Pod', pvc.metadata.namespace)), ctx.eventsFor(pvc), ctx.now),
  table: {
    columns: ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'AGE'],
    wideColumns: ['VOLUMEMODE'],
    row(obj, now) {
      const pvc = obj as PersistentVolumeClaim
      const bound = !!pvc.spec.volumeName
      return [
        pvc.metadata.name,
        pvc.metadata.deletionTimestamp ? 'Terminating' : (pvc.status.phase ?? ''),
        pvc.spec.volumeName ?? '',
        bound ? (pvc.status.capacity?.storage ?? '') : '',
        bound ? accessModesString(pvc.status.accessModes) : '',
        pvc.spec.storageClassName ?? '',
        pvc.spec.volumeAttributesClassName || '<unset>',
        ageOf(pvc.metadata.creationTimestamp, now),
      ]
    },
    wideRow: (obj) => [(obj as PersistentVolumeClaim).spec.volumeMode ?? '<unset>'],
  },
})
