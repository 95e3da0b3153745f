import type { KubeEvent, KubeObject } from '../../api/types.ts'
import { parseSimTime } from '../../clock.ts'
import { accessModesCell } from '../../kinds/persistentVolume.ts'
import { canonicalQuantity } from '../../util/exactQuantity.ts'
import { humanDuration } from '../../util/duration.ts'
import { DescribeWriter } from '../describeWriter.ts'
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './common.ts'
import { finalizersCell, storageClassOf } from './describePersistentVolumeClaim.ts'

interface PersistentVolumeSpec {
  capacity?: Record<string, string | number>
  accessModes?: string[]
  persistentVolumeReclaimPolicy?: string
  claimRef?: { namespace?: string; name?: string }
  volumeMode?: string
  nodeAffinity?: { required?: { nodeSelectorTerms?: { matchExpressions?: { key: string; operator: string; values?: string[] }[] }[] } }
  hostPath?: { path: string; type?: string }
  nfs?: { server: string; path: string; readOnly?: boolean }
  local?: { path: string }
  csi?: { driver: string; fsType?: string; volumeHandle: string; readOnly?: boolean; volumeAttributes?: Record<string, string> }
}

function describeSource(w: DescribeWriter, spec: PersistentVolumeSpec): void {
  if (spec.hostPath) {
    w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${spec.hostPath.path}\n    HostPathType:\t${spec.hostPath.type || '<none>'}\n`)
  } else if (spec.nfs) {
    w.write(2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${spec.nfs.server}\n    Path:\t${spec.nfs.path}\n    ReadOnly:\t${!!spec.nfs.readOnly}\n`)
  } else if (spec.local) {
    w.write(2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${spec.local.path}\n`)
  } else if (spec.csi) {
    const c = spec.csi
    w.write(2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${c.driver}\n    FSType:\t${c.fsType ?? ''}\n    VolumeHandle:\t${c.volumeHandle}\n    ReadOnly:\t${!!c.readOnly}\n`)
    const keys = Object.keys(c.volumeAttributes ?? {}).sort()
    w.write(2, 'VolumeAttributes:\t')
    if (keys.length === 0) w.write(0, '<none>\n')
    keys.forEach((k, i) => w.write(0, `${i === 0 ? '' : '\t\t\t'}${k}=${c.volumeAttributes![k]}\n`))
  } else w.write(1, '<unknown>\n')
}

/** printVolumeNodeAffinity: the required node selector terms, one block per term. */
function describeNodeAffinity(w: DescribeWriter, affinity: PersistentVolumeSpec['nodeAffinity']): void {
  w.write(0, 'Node Affinity:\t')
  if (!affinity?.required) return w.write(0, '<none>\n')
  w.write(0, '\n')
  const terms = affinity.required.nodeSelectorTerms ?? []
  w.write(1, 'Required Terms:\t')
  if (terms.length === 0) return w.write(0, '<none>\n')
  w.write(0, '\n')
  terms.forEach((term, i) => {
    w.write(2, `Term ${i}:\t`)
    const exprs = term.matchExpressions ?? []
    if (exprs.length === 0) return w.write(0, '<none>\n')
    exprs.forEach((e, j) => {
      if (j !== 0) w.write(2, '\t')
      w.write(0, `${e.key} ${e.operator.toLowerCase()}${e.values?.length ? ` [${e.values.join(', ')}]` : ''}\n`)
    })
  })
}

/** `kubectl describe pv` (describePersistentVolume). */
export function describePersistentVolume(pv: KubeObject, events: KubeEvent[], now: number): string {
  const spec = (pv.spec ?? {}) as PersistentVolumeSpec
  const w = new DescribeWriter()
  w.write(0, `Name:\t${pv.metadata.name}\n`)
  printLabelsMultiline(w, 'Labels', pv.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', pv.metadata.annotations)
  w.write(0, `Finalizers:\t${finalizersCell(pv.metadata.finalizers)}\n`)
  w.write(0, `StorageClass:\t${storageClassOf(pv)}\n`)
  if (pv.metadata.deletionTimestamp) w.write(0, `Status:\tTerminating (lasts ${humanDuration(now - parseSimTime(pv.metadata.deletionTimestamp))})\n`)
  else w.write(0, `Status:\t${(pv.status as { phase?: string } | undefined)?.phase ?? ''}\n`)
  w.write(0, `Claim:\t${spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : ''}\n`)
  w.write(0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`)
  w.write(0, `Access Modes:\t${accessModesCell(spec.accessModes)}\n`)
  if (spec.volumeMode) w.write(0, `VolumeMode:\t${spec.volumeMode}\n`)
  w.write(0, `Capacity:\t${spec.capacity?.storage !== undefined ? canonicalQuantity(spec.capacity.storage) : '0'}\n`)
  describeNodeAffinity(w, spec.nodeAffinity)
  w.write(0, `Message:\t${(pv.status as { message?: string } | undefined)?.message ?? ''}\n`)
  w.write(0, 'Source:\n')
  describeSource(w, spec)
  describeEvents(w, events, now)
  return w.toString()
}
