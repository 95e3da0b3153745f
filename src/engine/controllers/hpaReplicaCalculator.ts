/**
 * The HPA's replica arithmetic (pkg/controller/podautoscaler/replica_calculator.go),
 * pure: pods and their metrics in, a replica count out. `desired = ceil(ready × ratio)`
 * within a 10% tolerance, with unready pods and pods without metrics set aside and then
 * counted against the direction of the change.
 */

/** --horizontal-pod-autoscaler-tolerance. */
export const TOLERANCE = 0.1
/** --horizontal-pod-autoscaler-cpu-initialization-period. */
export const CPU_INITIALIZATION_PERIOD_MS = 5 * 60_000
/** --horizontal-pod-autoscaler-initial-readiness-delay. */
export const INITIAL_READINESS_DELAY_MS = 30_000

export interface PodSample {
  name: string
  phase: string
  deleting: boolean
  /** The Ready condition, if the pod has one. */
  ready?: { status: string; lastTransitionMs: number }
  startTimeMs?: number
  /** Sum of the containers' requests of the resource (milli-units); undefined when a container has none. */
  request?: number
  /** The container that has no request, for the error. */
  missingRequestIn?: string
}

/** A pod's metric (milli-units) and when its window ended. */
export interface PodMetric {
  value: number
  timestampMs: number
  windowMs: number
}

export interface Grouped {
  readyCount: number
  unready: Set<string>
  missing: Set<string>
  ignored: Set<string>
}

/** groupPods: which pods count, which wait for readiness, which have no metrics yet. */
export function groupPods(pods: PodSample[], metrics: Map<string, PodMetric>, resource: string, nowMs: number): Grouped {
  const g: Grouped = { readyCount: 0, unready: new Set(), missing: new Set(), ignored: new Set() }
  for (const pod of pods) {
    if (pod.deleting || pod.phase === 'Failed') {
      g.ignored.add(pod.name)
      continue
    }
    if (pod.phase === 'Pending') {
      g.unready.add(pod.name)
      continue
    }
    const metric = metrics.get(pod.name)
    if (!metric) {
      g.missing.add(pod.name)
      continue
    }
    if (resource === 'cpu') {
      let unready: boolean
      if (!pod.ready || pod.startTimeMs === undefined) unready = true
      else if (pod.startTimeMs + CPU_INITIALIZATION_PERIOD_MS > nowMs) {
        // Still starting: a sample counts only if the pod is ready and a whole window was measured since it became so.
        unready = pod.ready.status === 'False' || metric.timestampMs < pod.ready.lastTransitionMs + metric.windowMs
      } else {
        unready = pod.ready.status === 'False' && pod.startTimeMs + INITIAL_READINESS_DELAY_MS > pod.ready.lastTransitionMs
      }
      if (unready) {
        g.unready.add(pod.name)
        continue
      }
    }
    g.readyCount++
  }
  return g
}

export const within = (ratio: number) => Math.abs(1 - ratio) <= TOLERANCE

export class ReplicaCalculationError extends Error {}

/** GetResourceUtilizationRatio: total use over total requests, as an integer percentage. */
function utilizationRatio(metrics: Map<string, PodMetric>, requests: Map<string, number>, target: number) {
  let total = 0
  let requested = 0
  let entries = 0
  for (const [name, m] of metrics) {
    const request = requests.get(name)
    if (request === undefined) continue
    total += m.value
    requested += request
    entries++
  }
  if (requested === 0) throw new ReplicaCalculationError('no metrics returned matched known pods')
  const utilization = Math.trunc((total * 100) / requested)
  return { ratio: utilization / target, utilization, rawAverage: Math.trunc(total / entries) }
}

export interface ResourceReplicas {
  replicas: number
  utilization: number
  rawAverage: number
}

/** GetResourceReplicas: a Utilization target. Throws ReplicaCalculationError with the controller's message. */
export function resourceReplicas(current: number, target: number, resource: string, pods: PodSample[], podMetrics: Map<string, PodMetric>, nowMs: number): ResourceReplicas {
  if (pods.length === 0) throw new ReplicaCalculationError('no pods returned by selector while calculating replica count')
  const metrics = new Map(podMetrics)
  const g = groupPods(pods, metrics, resource, nowMs)
  for (const name of [...g.ignored, ...g.unready]) metrics.delete(name)
  if (metrics.size === 0) throw new ReplicaCalculationError('did not receive metrics for targeted pods (pods might be unready)')
  const requests = new Map<string, number>()
  for (const pod of pods) {
    if (pod.request === undefined) throw new ReplicaCalculationError(`missing request for ${resource} in container ${pod.missingRequestIn ?? ''} of Pod ${pod.name}`)
    requests.set(pod.name, pod.request)
  }
  const { ratio, utilization, rawAverage } = utilizationRatio(metrics, requests, target)
  const scaleUpWithUnready = g.unready.size > 0 && ratio > 1
  if (!scaleUpWithUnready && g.missing.size === 0) {
    if (within(ratio)) return { replicas: current, utilization, rawAverage }
    return { replicas: Math.ceil(ratio * g.readyCount), utilization, rawAverage }
  }
  // Pods without metrics count as at 100% (or the target) when scaling down, 0% when scaling up.
  if (g.missing.size > 0) {
    for (const name of g.missing) {
      if (ratio < 1) metrics.set(name, { value: Math.trunc((requests.get(name)! * Math.max(100, target)) / 100), timestampMs: 0, windowMs: 0 })
      else if (ratio > 1) metrics.set(name, { value: 0, timestampMs: 0, windowMs: 0 })
    }
  }
  if (scaleUpWithUnready) for (const name of g.unready) metrics.set(name, { value: 0, timestampMs: 0, windowMs: 0 })
  const next = utilizationRatio(metrics, requests, target).ratio
  // The pods set aside may not turn the decision around, nor make it moot.
  if (within(next) || (ratio < 1 && next > 1) || (ratio > 1 && next < 1)) return { replicas: current, utilization, rawAverage }
  const replicas = Math.ceil(next * metrics.size)
  if ((next < 1 && replicas > current) || (next > 1 && replicas < current)) return { replicas: current, utilization, rawAverage }
  return { replicas, utilization, rawAverage }
}

/** GetRawResourceReplicas / calcPlainMetricReplicas: an AverageValue target (milli-units per pod). */
export function averageValueReplicas(current: number, targetValue: number, resource: string, pods: PodSample[], podMetrics: Map<string, PodMetric>, nowMs: number): { replicas: number; average: number } {
  if (pods.length === 0) throw new ReplicaCalculationError('no pods returned by selector while calculating replica count')
  const metrics = new Map(podMetrics)
  const g = groupPods(pods, metrics, resource, nowMs)
  for (const name of [...g.ignored, ...g.unready]) metrics.delete(name)
  if (metrics.size === 0) throw new ReplicaCalculationError('did not receive metrics for targeted pods (pods might be unready)')
  const usage = (m: Map<string, PodMetric>) => {
    let total = 0
    for (const v of m.values()) total += v.value
    const average = total / m.size
    return { ratio: average / targetValue, average: Math.trunc(average) }
  }
  const { ratio, average } = usage(metrics)
  const scaleUpWithUnready = g.unready.size > 0 && ratio > 1
  if (!scaleUpWithUnready && g.missing.size === 0) {
    if (within(ratio)) return { replicas: current, average }
    return { replicas: Math.ceil(ratio * g.readyCount), average }
  }
  for (const name of g.missing) {
    if (ratio < 1) metrics.set(name, { value: targetValue, timestampMs: 0, windowMs: 0 })
    else metrics.set(name, { value: 0, timestampMs: 0, windowMs: 0 })
  }
  if (scaleUpWithUnready) for (const name of g.unready) metrics.set(name, { value: 0, timestampMs: 0, windowMs: 0 })
  const next = usage(metrics).ratio
  if (within(next) || (ratio < 1 && next > 1) || (ratio > 1 && next < 1)) return { replicas: current, average }
  const replicas = Math.ceil(next * metrics.size)
  if ((next < 1 && replicas > current) || (next > 1 && replicas < current)) return { replicas: current, average }
  return { replicas, average }
}
