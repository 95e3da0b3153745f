import type { KubeEvent, PersistentVolumeClaim, Pod } from '../../api/types.ts'
import { parseSimTime } from '../../clock.ts'
import { accessModesCell } from '../../kinds/persistentVolume.ts'
import { canonicalQuantity } from '../../util/exactQuantity.ts'
import { humanDuration } from '../../util/duration.ts'
import { DescribeWriter, rfc1123z } from '../describeWriter.ts'
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './common.ts'

const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class'

/** GetPersistentVolumeClaimClass / GetPersistentVolumeClass: the beta annotation wins over storageClassName. */
export function storageClassOf(obj: { metadata: { annotations?: Record<string, string> }; spec?: unknown }): string {
  return obj.metadata.annotations?.[BETA_CLASS_ANNOTATION] ?? (obj.spec as { storageClassName?: string } | undefined)?.storageClassName ?? ''
}

/** Go's `%v` of a []string finalizer list: `[kubernetes.io/pvc-protection]`. */
export function finalizersCell(finalizers: string[] | undefined): string {
  return `[${(finalizers ?? []).join(' ')}]`
}

/** Pods that mount the claim, then pods that own it (getPodsForPVC), by name. */
export function podsUsingClaim(pvc: PersistentVolumeClaim, pods: readonly Pod[]): Pod[] {
  const users = pods.filter((p) => ((p.spec.volumes as { persistentVolumeClaim?: { claimName?: string } }[] | undefined) ?? []).some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name))
  for (const ref of pvc.metadata.ownerReferences ?? []) {
    const owner = ref.kind === 'Pod' ? pods.find((p) => p.metadata.uid === ref.uid) : undefined
    if (owner && !users.includes(owner)) users.push(owner)
  }
  return users
}

/** `kubectl describe pvc` (describePersistentVolumeClaim). */
export function describePersistentVolumeClaim(pvc: PersistentVolumeClaim, usedBy: Pod[], events: KubeEvent[], now: number): string {
  const w = new DescribeWriter()
  w.write(0, `Name:\t${pvc.metadata.name}\n`)
  w.write(0, `Namespace:\t${pvc.metadata.namespace}\n`)
  w.write(0, `StorageClass:\t${storageClassOf(pvc)}\n`)
  if (pvc.metadata.deletionTimestamp) w.write(0, `Status:\tTerminating (lasts ${humanDuration(now - parseSimTime(pvc.metadata.deletionTimestamp))})\n`)
  else w.write(0, `Status:\t${pvc.status?.phase ?? ''}\n`)
  w.write(0, `Volume:\t${pvc.spec.volumeName ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', pvc.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', pvc.metadata.annotations)
  w.write(0, `Finalizers:\t${finalizersCell(pvc.metadata.finalizers)}\n`)
  const status = (pvc.status ?? {}) as { accessModes?: string[]; capacity?: Record<string, string>; conditions?: Record<string, string>[] }
  const bound = !!pvc.spec.volumeName
  w.write(0, `Capacity:\t${bound && status.capacity?.storage !== undefined ? canonicalQuantity(status.capacity.storage) : ''}\n`)
  w.write(0, `Access Modes:\t${bound ? accessModesCell(status.accessModes) : ''}\n`)
  if (pvc.spec.volumeMode) w.write(0, `VolumeMode:\t${pvc.spec.volumeMode}\n`)
  const dataSource = (pvc.spec as { dataSource?: { apiGroup?: string; kind?: string; name?: string } }).dataSource
  if (dataSource) {
    w.write(0, 'DataSource:\n')
    if (dataSource.apiGroup) w.write(1, `APIGroup:\t${dataSource.apiGroup}\n`)
    w.write(1, `Kind:\t${dataSource.kind ?? ''}\n`)
    w.write(1, `Name:\t${dataSource.name ?? ''}\n`)
  }
  const names = usedBy.map((p) => p.metadata.name).sort()
  w.write(0, `Used By:\t${names.length === 0 ? '<none>' : names.join('\n\t')}\n`)
  if (status.conditions?.length) {
    w.write(0, 'Conditions:\n')
    w.write(1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n')
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n')
    for (const c of status.conditions) {
      w.write(1, `${c.type} \t${c.status} \t${rfc1123zOrZero(c.lastProbeTime)} \t${rfc1123zOrZero(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`)
    }
  }
  describeEvents(w, events, now)
  return w.toString()
}

/** A zero metav1.Time formats as Go's zero time. */
function rfc1123zOrZero(t: string | undefined): string {
  return t ? rfc1123z(t) : 'Mon, 01 Jan 0001 00:00:00 +0000'
}
