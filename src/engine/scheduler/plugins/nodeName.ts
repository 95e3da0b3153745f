import type { FilterPlugin } from '../plugin.ts'
import { unfit } from '../plugin.ts'

/** A pod that names its node (spec.nodeName set before scheduling) only fits there. */
export const nodeName: FilterPlugin = {
  name: 'NodeName',
  filter(pod, { node }) {
    const wanted = pod.spec.nodeName
    if (!wanted || wanted === node.metadata.name) return null
    return unfit("node(s) didn't match the requested node name", true)
  },
}
