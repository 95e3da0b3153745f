import type { KubeEvent, KubeObject } from '../../api/types.ts'
import { formatLabels } from '../../util/labels.ts'
import { DescribeWriter } from '../describeWriter.ts'
import { describeEvents } from './common.ts'

interface StorageClass extends KubeObject {
  provisioner?: string
  parameters?: Record<string, string>
  allowVolumeExpansion?: boolean
  mountOptions?: string[]
  reclaimPolicy?: string
  volumeBindingMode?: string
  allowedTopologies?: { matchLabelExpressions?: { key: string; values: string[] }[] }[]
}

/** IsDefaultAnnotationText: `Yes` when the (beta) is-default-class annotation says true. */
function isDefault(sc: KubeObject): string {
  const a = sc.metadata.annotations ?? {}
  return a['storageclass.kubernetes.io/is-default-class'] === 'true' || a['storageclass.beta.kubernetes.io/is-default-class'] === 'true' ? 'Yes' : 'No'
}

/** `kubectl describe storageclass` (describeStorageClass). */
export function describeStorageClass(sc: StorageClass, events: KubeEvent[], now: number): string {
  const w = new DescribeWriter()
  w.write(0, `Name:\t${sc.metadata.name}\n`)
  w.write(0, `IsDefaultClass:\t${isDefault(sc)}\n`)
  w.write(0, `Annotations:\t${formatLabels(sc.metadata.annotations)}\n`)
  w.write(0, `Provisioner:\t${sc.provisioner ?? ''}\n`)
  w.write(0, `Parameters:\t${formatLabels(sc.parameters)}\n`)
  w.write(0, `AllowVolumeExpansion:\t${sc.allowVolumeExpansion === undefined ? '<unset>' : sc.allowVolumeExpansion ? 'True' : 'False'}\n`)
  if (!sc.mountOptions?.length) w.write(0, 'MountOptions:\t<none>\n')
  else {
    w.write(0, 'MountOptions:\n')
    for (const option of sc.mountOptions) w.write(1, `${option}\n`)
  }
  if (sc.reclaimPolicy) w.write(0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`)
  if (sc.volumeBindingMode) w.write(0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`)
  if (sc.allowedTopologies) {
    // printAllowedTopologies: one term per block, each expression `key in [v1, v2]`.
    w.write(0, 'AllowedTopologies:\t')
    if (sc.allowedTopologies.length === 0) w.write(0, '<none>\n')
    else {
      w.write(0, '\n')
      sc.allowedTopologies.forEach((term, i) => {
        w.write(1, `Term ${i}:\t`)
        const exprs = term.matchLabelExpressions ?? []
        if (exprs.length === 0) w.write(0, '<none>\n')
        exprs.forEach((e, j) => {
          if (j !== 0) w.write(1, '\t')
          w.write(0, `${e.key} in [${e.values.join(', ')}]\n`)
        })
      })
    }
  }
  describeEvents(w, events, now)
  return w.toString()
}
