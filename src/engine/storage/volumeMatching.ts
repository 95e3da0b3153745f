import type { Node, PersistentVolumeClaim } from '../api/types.ts'
import { matchesNodeSelectorTerms, type NodeSelectorRequirement } from '../scheduler/plugins/nodeAffinity.ts'
import { compareQuantity, parseExactQuantity, type Quantity } from '../util/exactQuantity.ts'
import { selectorMatches } from '../util/labels.ts'
import { type PersistentVolume, storageClassName } from './volumeTypes.ts'

function storageOf(resources: Record<string, string | number> | undefined): Quantity | undefined {
  const value = resources?.storage
  return value === undefined ? undefined : parseExactQuantity(value)
}

/** IsVolumeBoundToClaim: the volume's claimRef names this claim (and its uid, once set). */
export function isVolumeBoundToClaim(volume: PersistentVolume, claim: PersistentVolumeClaim): boolean {
  const ref = volume.spec.claimRef
  if (!ref || ref.name !== claim.metadata.name || ref.namespace !== claim.metadata.namespace) return false
  return !ref.uid || ref.uid === claim.metadata.uid
}

/** CheckNodeAffinity: a volume without node affinity is reachable from every node. */
export function volumeReachableFrom(volume: PersistentVolume, node: Node): boolean {
  const terms = volume.spec.nodeAffinity?.required?.nodeSelectorTerms
  if (!volume.spec.nodeAffinity?.required) return true
  return matchesNodeSelectorTerms((terms ?? []) as { matchExpressions?: NodeSelectorRequirement[] }[], node)
}

function volumeModeMismatch(volume: PersistentVolume, claim: PersistentVolumeClaim): boolean {
  return (volume.spec.volumeMode ?? 'Filesystem') !== (claim.spec.volumeMode ?? 'Filesystem')
}

function hasAccessModes(volume: PersistentVolume, claim: PersistentVolumeClaim): boolean {
  const offered = volume.spec.accessModes ?? []
  return (claim.spec.accessModes ?? []).every((m) => offered.includes(m))
}

/**
 * checkVolumeSatisfyClaim: why a volume the claim asked for by name (spec.volumeName)
 * cannot serve it, in the PV controller's words; undefined when it can.
 */
export function volumeMismatch(volume: PersistentVolume, claim: PersistentVolumeClaim): string | undefined {
  const requested = storageOf(claim.spec.resources?.requests as Record<string, string> | undefined)
  const offered = storageOf(volume.spec.capacity)
  if (requested && (!offered || compareQuantity(offered, requested) < 0)) return 'requested PV is too small'
  if (storageClassName(claim) !== storageClassName(volume)) return 'storageClassName does not match'
  if (volumeModeMismatch(volume, claim)) return 'incompatible volumeMode'
  if (!hasAccessModes(volume, claim)) return 'incompatible accessMode'
  return undefined
}

/**
 * findBestMatchForClaim (index.go): a volume pre-bound to the claim wins; otherwise the
 * Available, unclaimed volume of the claim's class, access modes (fewest extra modes
 * first), volume mode and selector with the smallest capacity that fits. With delayed
 * binding and no node, only pre-bound volumes count: the scheduler picks the others.
 */
export function findBestMatch(claim: PersistentVolumeClaim, volumes: readonly PersistentVolume[], node: Node | undefined, delayBinding: boolean): PersistentVolume | undefined {
  const requested = storageOf(claim.spec.resources?.requests as Record<string, string> | undefined)
  const wantedClass = storageClassName(claim)
  let best: { volume: PersistentVolume; modes: number; size: Quantity } | undefined
  for (const volume of volumes) {
    if (volumeModeMismatch(volume, claim) || volume.metadata.deletionTimestamp) continue
    if (!hasAccessModes(volume, claim)) continue
    const reachable = !node || volumeReachableFrom(volume, node)
    if (isVolumeBoundToClaim(volume, claim)) return reachable ? volume : undefined
    if (!node && delayBinding) continue
    if (volume.status?.phase !== 'Available' || volume.spec.claimRef) continue
    if (claim.spec.selector && !selectorMatches(claim.spec.selector, volume.metadata.labels)) continue
    if (storageClassName(volume) !== wantedClass || !reachable) continue
    const size = storageOf(volume.spec.capacity)
    if (!size || (requested && compareQuantity(size, requested) < 0)) continue
    const modes = volume.spec.accessModes?.length ?? 0
    if (!best || modes < best.modes || (modes === best.modes && compareQuantity(size, best.size) < 0)) best = { volume, modes, size }
  }
  return best?.volume
}
