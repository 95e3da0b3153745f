import { cpuMillis, formatCpu, parseQuantity } from '../util/quantity.ts'

/**
 * A quantity as the API server hands it back (canonical form): `0.5` CPU reads back
 * as `500m`, `1000m` as `1`; other quantities keep their suffix as written.
 */
export function formatQuantityForDisplay(resource: string, value: string | number): string {
  if (resource === 'cpu') return formatCpu(cpuMillis(value))
  if (typeof value === 'number') return String(value)
  return parseQuantity(value) === undefined ? value : value
}
