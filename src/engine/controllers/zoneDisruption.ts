import type { Node } from '../api/types.ts'

/**
 * The node lifecycle controller's view of each zone's health (ComputeZoneState in
 * pkg/controller/nodelifecycle): it stops tainting nodes NoExecute when a whole zone, or
 * a large part of a small cluster, is not ready, because then the fault is more likely
 * the network or the control plane than the nodes.
 */
export type ZoneState = 'Normal' | 'PartialDisruption' | 'FullDisruption'

/** --unhealthy-zone-threshold */
const UNHEALTHY_ZONE_THRESHOLD = 0.55
/** --large-cluster-size-threshold: at or below it, a partially disrupted zone taints nothing. */
export const LARGE_CLUSTER_SIZE_THRESHOLD = 50

/** utilnode.GetZoneKey: region and zone labels; nodes without them share the zone "". */
export function zoneKey(node: Node): string {
  const labels = node.metadata.labels ?? {}
  const region = labels['topology.kubernetes.io/region'] ?? ''
  const zone = labels['topology.kubernetes.io/zone'] ?? ''
  return region === '' && zone === '' ? '' : `${region}:\x00:${zone}`
}

function isReady(node: Node): boolean {
  return node.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True'
}

export function zoneState(nodes: readonly Node[]): ZoneState {
  const ready = nodes.filter(isReady).length
  const notReady = nodes.length - ready
  if (ready === 0 && notReady > 0) return 'FullDisruption'
  if (notReady > 2 && notReady / nodes.length >= UNHEALTHY_ZONE_THRESHOLD) return 'PartialDisruption'
  return 'Normal'
}

/** Every zone's state, by zone key. */
export function zoneStates(nodes: readonly Node[]): Map<string, ZoneState> {
  const byZone = new Map<string, Node[]>()
  for (const node of nodes) byZone.set(zoneKey(node), [...(byZone.get(zoneKey(node)) ?? []), node])
  return new Map([...byZone].map(([zone, members]) => [zone, zoneState(members)]))
}
