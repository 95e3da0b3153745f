import type { Pod } from '../../api/types.ts'
import type { ScorePlugin } from '../plugin.ts'
import type { NodeInfo } from '../nodeInfo.ts'

const MB = 1024 * 1024
/** Below this the images on a node do not count (imagelocality minThreshold). */
const MIN_THRESHOLD = 23 * MB
/** Above this per container they count no more (maxContainerThreshold). */
const MAX_CONTAINER_THRESHOLD = 1000 * MB

/** The image's name as node status lists it: a missing tag is `latest` (normalizedImageName). */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name
}

interface ImageState {
  size: number
  numNodes: number
}

/** Every image name on the nodes, with its size and how many nodes have it (the snapshot's ImageStates). */
const imageStatesBySnapshot = new WeakMap<readonly NodeInfo[], Map<string, ImageState>>()

function imageStates(nodes: readonly NodeInfo[]): Map<string, ImageState> {
  let states = imageStatesBySnapshot.get(nodes)
  if (states) return states
  states = new Map()
  for (const { node } of nodes) {
    for (const image of node.status.images ?? []) {
      for (const name of image.names) {
        const s = states.get(name)
        if (s) s.numNodes += 1
        else states.set(name, { size: image.sizeBytes, numNodes: 1 })
      }
    }
  }
  imageStatesBySnapshot.set(nodes, states)
  return states
}

/**
 * ImageLocality: prefer nodes that already have the pod's images, by their size scaled
 * by how many nodes have them (an image everywhere says nothing about this node).
 */
export const imageLocalityScore: ScorePlugin = {
  name: 'ImageLocality',
  weight: 1,
  score(pod: Pod, info, state) {
    const states = imageStates(state.nodes)
    const total = state.nodes.length
    const containers = [...(pod.spec.initContainers ?? []), ...pod.spec.containers]
    let sum = 0
    const onNode = new Set((info.node.status.images ?? []).flatMap((i) => i.names))
    for (const c of containers) {
      const name = normalizedImageName(String(c.image ?? ''))
      const s = onNode.has(name) ? states.get(name) : undefined
      if (s) sum += Math.trunc(s.size * (s.numNodes / total))
    }
    const maxThreshold = MAX_CONTAINER_THRESHOLD * containers.length
    const clamped = Math.min(Math.max(sum, MIN_THRESHOLD), maxThreshold)
    return Math.trunc((100 * (clamped - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD))
  },
}
