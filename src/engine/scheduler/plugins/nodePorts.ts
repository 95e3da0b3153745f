import type { Pod } from '../../api/types.ts'
import type { FilterPlugin } from '../plugin.ts'
import { unfit } from '../plugin.ts'

function hostPorts(pod: Pod): string[] {
  return pod.spec.containers.flatMap((c) =>
    (c.ports ?? []).filter((p) => p.hostPort).map((p) => `${p.protocol ?? 'TCP'}/${p.hostPort}`),
  )
}

/** A hostPort can be bound by only one pod per node. */
export const nodePorts: FilterPlugin = {
  name: 'NodePorts',
  filter(pod, info) {
    const wanted = hostPorts(pod)
    if (wanted.length === 0) return null
    const used = new Set(info.pods.flatMap(hostPorts))
    return wanted.some((p) => used.has(p)) ? unfit("node(s) didn't have free ports for the requested pod ports", false) : null
  },
}
