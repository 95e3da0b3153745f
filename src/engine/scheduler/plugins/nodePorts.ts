import type { Pod } from '../../api/types.ts'
import type { FilterPlugin } from '../plugin.ts'
import { unfit } from '../plugin.ts'

/** A pod's host ports never change after creation: computed once per spec. */
const portsCache = new WeakMap<object, string[]>()

function hostPorts(pod: Pod): string[] {
  let ports = portsCache.get(pod.spec)
  if (!ports) {
    ports = pod.spec.containers.flatMap((c) => (c.ports ?? []).filter((p) => p.hostPort).map((p) => `${p.protocol ?? 'TCP'}/${p.hostPort}`))
    portsCache.set(pod.spec, ports)
  }
  return ports
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
