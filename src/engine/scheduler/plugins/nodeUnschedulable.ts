import type { FilterPlugin } from '../plugin.ts'
import { unfit } from '../plugin.ts'
import { tolerates } from './taintToleration.ts'

/** Cordoned nodes take no new pods, unless the pod tolerates the unschedulable taint. */
export const nodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(pod, { node }) {
    if (!node.spec.unschedulable) return null
    const taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' as const }
    if ((pod.spec.tolerations ?? []).some((t) => tolerates(t, taint))) return null
    return unfit('node(s) were unschedulable', true)
  },
}
