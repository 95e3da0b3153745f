/** The well-known topology labels a cloud provider puts on its nodes. */
export const ZONE_LABEL = 'topology.kubernetes.io/zone'
export const REGION_LABEL = 'topology.kubernetes.io/region'

/** Labels of a node in the `index`-th zone (0 → zone-a) of the simulated cloud's one region. */
export function zoneLabels(index: number): Record<string, string> {
  return { [REGION_LABEL]: 'region-1', [ZONE_LABEL]: `zone-${String.fromCharCode(97 + (index % 26))}` }
}
