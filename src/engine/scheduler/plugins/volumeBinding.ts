import type { ApiStore } from '../../api/store.ts'
import type { Node, PersistentVolumeClaim, Pod } from '../../api/types.ts'
import { classOfClaim, delaysBinding, isClaimBound, podClaimNames } from '../../storage/claimBinding.ts'
import { findBestMatch, volumeReachableFrom } from '../../storage/volumeMatching.ts'
import { ANN_SELECTED_NODE, NO_PROVISIONER, type PersistentVolume } from '../../storage/volumeTypes.ts'
import type { NodeInfo } from '../nodeInfo.ts'
import type { FilterPlugin, PreFilterPlugin } from '../plugin.ts'
import { unfit } from '../plugin.ts'

/** The filter's reasons, as volume_binding.go's ConflictReasons read. */
export const REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind"
export const REASON_NODE_CONFLICT = 'node(s) had volume node affinity conflict'
export const REASON_PV_NOT_EXIST = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)'

/** What PreFilter learnt about a pod's claims, for Filter to check node by node. */
interface PodVolumes {
  bound: PersistentVolumeClaim[]
  /** Unbound claims whose class waits for the first consumer: bound or provisioned for the chosen node. */
  toBind: PersistentVolumeClaim[]
}

/** The volumes a pod needs, for the node the scheduler chose: static volumes to bind, claims to provision there. */
export interface VolumeDecisions {
  staticBindings: { claim: PersistentVolumeClaim; volume: PersistentVolume }[]
  provisionings: PersistentVolumeClaim[]
}

/** One scheduling cycle's state per pod object (CycleState); the pod object is new for each attempt. */
const cycleState = new WeakMap<Pod, PodVolumes>()

/** checkVolumeProvisions: the class has a provisioner and its allowed topologies include the node. */
function canProvisionOn(store: ApiStore, claim: PersistentVolumeClaim, node: Node): boolean {
  const cls = classOfClaim(store, claim)
  if (!cls || cls.provisioner === NO_PROVISIONER) return false
  const topologies = cls.allowedTopologies ?? []
  if (topologies.length === 0) return true
  return topologies.some((t) => (t.matchLabelExpressions ?? []).every((e) => e.values.includes(node.metadata.labels?.[e.key] ?? '\u0000')))
}

/** A claim already being provisioned for another pod's node can only be used there. */
function sameSelectedNode(claim: PersistentVolumeClaim, node: Node): boolean {
  const selected = claim.metadata.annotations?.[ANN_SELECTED_NODE]
  return !selected || selected === node.metadata.name
}

/**
 * FindPodVolumes for one node: every bound claim's volume must be reachable from it,
 * and every claim still to bind must find a free static volume there or be provisionable
 * there. Returns the reasons it cannot, or the decisions when it can.
 */
export function findPodVolumes(pod: Pod, node: Node, store: ApiStore): { reasons: string[] } | { decisions: VolumeDecisions } {
  const state = cycleState.get(pod)
  const decisions: VolumeDecisions = { staticBindings: [], provisionings: [] }
  if (!state) return { decisions }
  const reasons: string[] = []
  for (const claim of state.bound) {
    const volume = store.get<PersistentVolume>('PersistentVolume', undefined, claim.spec.volumeName!)
    if (!volume) {
      reasons.push(REASON_PV_NOT_EXIST)
      break
    }
    if (!volumeReachableFrom(volume, node)) {
      reasons.push(REASON_NODE_CONFLICT)
      break
    }
  }
  if (state.toBind.length > 0) {
    const chosen = new Set<string>()
    const volumes = store.list<PersistentVolume>('PersistentVolume')
    let unsatisfied = false
    for (const claim of state.toBind) {
      const free = volumes.filter((v) => !chosen.has(v.metadata.name))
      const volume = findBestMatch(claim, free, node, true)
      if (volume) {
        chosen.add(volume.metadata.name)
        decisions.staticBindings.push({ claim, volume })
      } else if (canProvisionOn(store, claim, node) && sameSelectedNode(claim, node)) decisions.provisionings.push(claim)
      else unsatisfied = true
    }
    if (unsatisfied) reasons.push(REASON_BIND_CONFLICT)
  }
  return reasons.length > 0 ? { reasons } : { decisions }
}

/**
 * VolumeBinding's PreFilter: every claim the pod uses must exist and not be going away,
 * and a claim with immediate binding must already be bound. Both failures are
 * UnschedulableAndUnresolvable (preemption cannot help).
 */
export const volumeBinding: PreFilterPlugin = {
  name: 'VolumeBinding',
  preFilter(pod, store) {
    const names = podClaimNames(pod)
    if (names.length === 0) return null
    const state: PodVolumes = { bound: [], toBind: [] }
    let unboundImmediate = false
    for (const name of names) {
      const claim = store.get<PersistentVolumeClaim>('PersistentVolumeClaim', pod.metadata.namespace, name)
      if (!claim) return unfit(`persistentvolumeclaim "${name}" not found`, true)
      if (claim.metadata.deletionTimestamp) return unfit(`persistentvolumeclaim "${name}" is being deleted`, true)
      if (isClaimBound(claim)) state.bound.push(claim)
      else if (delaysBinding(store, claim)) state.toBind.push(claim)
      else unboundImmediate = true
    }
    if (unboundImmediate) return unfit('pod has unbound immediate PersistentVolumeClaims', true)
    cycleState.set(pod, state)
    return null
  },
}

/** VolumeBinding's Filter: the node must reach the pod's bound volumes and offer the unbound ones. */
export const volumeBindingFilter: FilterPlugin = {
  name: 'VolumeBinding',
  filter(pod, info: NodeInfo, store) {
    if (!cycleState.has(pod)) return null
    const found = findPodVolumes(pod, info.node, store)
    return 'reasons' in found ? unfit(found.reasons, true) : null
  },
}
