import type { Node, Pod } from '../api/types.ts'
import { addPod, allocatableOf, newNodeInfo, occupiesNode, removePod, type NodeInfo } from './nodeInfo.ts'

/** Where a pod is counted, and the object counted (removal takes that very object off). */
interface Placement {
  node: string
  pod: Pod
  /** Counted by the scheduler's own Reserve before the API has it bound (AssumePod). */
  assumed: boolean
}

/**
 * kube-scheduler's cache: nodes and what occupies them, kept up to date one watch event
 * at a time (add, update or remove a pod; add, update or remove a node) instead of being
 * rebuilt from every pod. A cycle's cost then grows with the nodes it looks at, not
 * with the pods in the cluster.
 */
export class SchedulerCache {
  /** Every node name with a node or a pod counted on it; pods on a node that is gone wait here for it. */
  private readonly infos = new Map<string, NodeInfo & { present: boolean }>()
  private readonly placed = new Map<string, Placement>()
  /** The present nodes in name order (the store's order), rebuilt only when nodes come or go. */
  private ordered: NodeInfo[] | undefined

  /** The nodes, in name order. The array is shared: do not modify it. */
  nodeInfos(): readonly NodeInfo[] {
    if (!this.ordered) {
      this.ordered = [...this.infos.values()].filter((i) => i.present)
      this.ordered.sort((a, b) => (a.node.metadata.name < b.node.metadata.name ? -1 : a.node.metadata.name > b.node.metadata.name ? 1 : 0))
    }
    return this.ordered
  }

  nodeInfo(name: string): NodeInfo | undefined {
    const info = this.infos.get(name)
    return info?.present ? info : undefined
  }

  /** A node's watch event. */
  onNode(node: Node, deleted: boolean): void {
    const name = node.metadata.name
    const info = this.infos.get(name)
    if (deleted) {
      if (!info) return
      info.present = false
      this.ordered = undefined
      if (info.pods.length === 0) this.infos.delete(name)
      return
    }
    if (!info) {
      this.infos.set(name, { ...newNodeInfo(node), present: true })
      this.ordered = undefined
      return
    }
    if (!info.present) {
      info.present = true
      this.ordered = undefined
    }
    if (info.node !== node) {
      info.node = node
      info.allocatable = allocatableOf(node)
      // A new array for the changed node: what plugins worked out per snapshot (ImageLocality's image states) is redone.
      if (this.ordered) this.ordered = [...this.ordered]
    }
  }

  /** A pod's watch event: it is counted on its node while bound there and not finished. */
  onPod(pod: Pod, deleted: boolean): void {
    const uid = pod.metadata.uid
    const before = this.placed.get(uid)
    const node = !deleted && pod.spec.nodeName && occupiesNode(pod) ? pod.spec.nodeName : undefined
    // An assumed pod stays counted until the API shows it bound (or it is forgotten or gone).
    if (!deleted && !pod.spec.nodeName && before?.assumed) return
    if (before && before.node === node) {
      if (before.pod === pod) return
      if (before.pod.spec === pod.spec) {
        // Same requests and ports: swap the object in place.
        const info = this.infos.get(node)!
        info.pods[info.pods.indexOf(before.pod)] = pod
        const withAffinity = info.podsWithAffinity.indexOf(before.pod)
        if (withAffinity >= 0) info.podsWithAffinity[withAffinity] = pod
        before.pod = pod
        before.assumed = false
        return
      }
    }
    if (before) this.unplace(uid, before)
    if (node) this.place(pod, node, false)
  }

  /** Reserve: count the pod on the node it was just given, before the binding is written. */
  assume(pod: Pod, node: string): void {
    const before = this.placed.get(pod.metadata.uid)
    if (before) this.unplace(pod.metadata.uid, before)
    this.place(pod, node, true)
  }

  /** Unreserve: the assumed pod did not go to its node after all. */
  forget(uid: string): void {
    const before = this.placed.get(uid)
    if (before?.assumed) this.unplace(uid, before)
  }

  private place(pod: Pod, node: string, assumed: boolean): void {
    let info = this.infos.get(node)
    if (!info) {
      // A pod bound to a node that is not (yet) there: counted when the node appears, as a rebuild would.
      info = { ...emptyInfo(node), present: false }
      this.infos.set(node, info)
    }
    addPod(info, pod)
    this.placed.set(pod.metadata.uid, { node, pod, assumed })
  }

  private unplace(uid: string, placement: Placement): void {
    const info = this.infos.get(placement.node)!
    removePod(info, placement.pod)
    this.placed.delete(uid)
    if (!info.present && info.pods.length === 0) this.infos.delete(placement.node)
  }
}

/** The entry of a node the cache has not seen: only its pods matter until it appears. */
function emptyInfo(name: string): NodeInfo {
  const node = { kind: 'Node', metadata: { name }, spec: {}, status: { allocatable: { cpu: '0', memory: '0', pods: '0' } } } as unknown as Node
  return newNodeInfo(node)
}
