import type { Container, Pod } from '../api/types.ts'
import { milliValue, parseExactQuantity, wholeValue, type Quantity } from './exactQuantity.ts'

/**
 * The downward API's `resourceFieldRef` (pkg/api/v1/resource ExtractContainerResourceValue):
 * a container's limit or request divided by `divisor` (default 1) and rounded up, CPU in
 * milli-units (convertResourceCPUToString: 250m / 1 → 1, 250m / 1m → 250), memory and
 * ephemeral storage in bytes. The kubelet first fills unset limits with the node's
 * allocatable (defaultPodLimitsForDownwardAPI), so `limits.memory` of a container without
 * a limit is the node's allocatable memory.
 */

export interface ResourceFieldSelector {
  containerName?: string
  resource?: string
  divisor?: string | number
}

type Resources = Record<string, string | number | undefined>

const LIMIT_DEFAULTED = ['cpu', 'memory', 'ephemeral-storage']

function quantity(value: string | number | undefined): Quantity {
  return (value === undefined ? undefined : parseExactQuantity(value)) ?? { nano: 0n, format: 'DecimalSI' }
}

/** ceil(a / b) of non-negative bigints, as math.Ceil(float64(a) / float64(b)) gives for them. */
function ceilDiv(a: bigint, b: bigint): bigint {
  if (b === 0n) return 0n
  return (a + b - 1n) / b
}

/**
 * The value as the kubelet writes it (env variable or downward API file); undefined for a
 * resource the API does not offer (`unsupported container resource`). `allocatable` is the
 * node's status.allocatable, for limits the container does not set; without it they read 0.
 */
export function containerResourceValue(selector: ResourceFieldSelector, container: Container, allocatable?: Resources): string | undefined {
  const [section, name] = (selector.resource ?? '').split(/\.(.*)/s) as [string, string | undefined]
  if ((section !== 'limits' && section !== 'requests') || !name) return undefined
  const own = (container.resources?.[section] ?? {}) as Resources
  let value = own[name]
  if (value === undefined && section === 'limits' && LIMIT_DEFAULTED.includes(name)) value = allocatable?.[name]
  const divisor = selector.divisor === undefined || quantity(selector.divisor).nano === 0n ? quantity(1) : quantity(selector.divisor)
  if (name === 'cpu') return ceilDiv(milliValue(quantity(value)), milliValue(divisor)).toString()
  if (name === 'memory' || name === 'ephemeral-storage' || name.startsWith('hugepages-')) {
    if (name.startsWith('hugepages-') && section !== 'requests') return undefined
    return ceilDiv(wholeValue(quantity(value)), wholeValue(divisor)).toString()
  }
  return undefined
}

/** The container a selector names (containers, then init containers), or `fallback` when it names none. */
export function selectedContainer(pod: Pod, selector: ResourceFieldSelector, fallback?: Container): Container | undefined {
  if (!selector.containerName) return fallback
  const all = [...(pod.spec.containers ?? []), ...((pod.spec.initContainers ?? []) as Container[])]
  return all.find((c) => c.name === selector.containerName)
}
