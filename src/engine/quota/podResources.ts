import type { Container, Pod } from '../api/types.ts'
import { compareQuantity } from '../util/exactQuantity.ts'
import { addLists, toResourceList, type ResourceList } from './resourceList.ts'

type Section = 'requests' | 'limits'

const isSidecar = (c: Container) => c.restartPolicy === 'Always'

/**
 * resourcehelper.PodRequests / PodLimits: app containers and sidecars add up; a regular
 * init container runs alone, so it only raises a resource to its own amount.
 */
export function podResourceList(pod: Pod, section: Section): ResourceList {
  const own = (c: Container) => toResourceList(c.resources?.[section])
  let sum: ResourceList = {}
  for (const c of [...pod.spec.containers, ...(pod.spec.initContainers ?? []).filter(isSidecar)]) sum = addLists(sum, own(c))
  for (const c of (pod.spec.initContainers ?? []).filter((c) => !isSidecar(c))) {
    for (const [k, v] of Object.entries(own(c))) if (!sum[k] || compareQuantity(v, sum[k]) > 0) sum[k] = v
  }
  return sum
}

export function containersOf(pod: Pod): Container[] {
  return [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]
}
