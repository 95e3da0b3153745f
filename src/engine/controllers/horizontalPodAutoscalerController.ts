import { qualifiedPlural } from '../api/resources.ts'
import type { KubeObject, LabelSelector, Pod } from '../api/types.ts'
import { parseSimTime } from '../clock.ts'
import type { EngineContext } from '../context.ts'
import { kindModule } from '../kinds/registry.ts'
import { metricsApi, METRIC_RESOLUTION_MS, podUsage } from '../metrics/resourceMetrics.ts'
import { deepEqual } from '../util/deepEqual.ts'
import { canonicalQuantity } from '../util/exactQuantity.ts'
import { cpuMillis, quantityValue } from '../util/quantity.ts'
import { normalizeWithBehavior, normalizeWithoutBehavior, storeScaleEvent, type Behavior, type Condition, type HpaHistory } from './hpaBehavior.ts'
import { averageValueReplicas, ReplicaCalculationError, resourceReplicas, type PodMetric, type PodSample } from './hpaReplicaCalculator.ts'
import { splitKey, WorkQueue } from './workQueue.ts'

/** --horizontal-pod-autoscaler-sync-period. */
export const HPA_SYNC_PERIOD_MS = 15_000
const SOURCE = { component: 'horizontal-pod-autoscaler' }

interface Target {
  type?: string
  averageUtilization?: number
  averageValue?: string
  value?: string
}
interface MetricSpec {
  type?: string
  resource?: { name: string; target?: Target }
  containerResource?: { name: string; container: string; target?: Target }
  pods?: { metric?: { name?: string } }
  object?: { metric?: { name?: string } }
  external?: { metric?: { name?: string } }
}
interface HpaSpec {
  scaleTargetRef: { apiVersion?: string; kind: string; name: string }
  minReplicas?: number
  maxReplicas: number
  metrics?: MetricSpec[]
  behavior?: Behavior
}
interface HpaCondition extends Condition {
  lastTransitionTime: string
}
interface HpaStatus {
  currentReplicas?: number
  desiredReplicas?: number
  lastScaleTime?: string
  currentMetrics?: Record<string, unknown>[] | null
  conditions?: HpaCondition[]
}
type Hpa = KubeObject & { spec: HpaSpec; status?: HpaStatus }

/** One metric's verdict: a proposal with its status, or the error with its event reason. */
type MetricResult = { replicas: number; name: string; status: Record<string, unknown> } | MetricError
/** `error` as computeReplicasForMetrics wraps it; `cause` as the condition quotes it. */
type MetricError = { error: string; cause: string; reason: string }

/** The spec's metrics; an autoscaling/v1 object states a CPU utilization target (80% when unset). */
function metricsOf(hpa: Hpa): MetricSpec[] {
  if (Array.isArray(hpa.spec.metrics) && hpa.spec.metrics.length) return hpa.spec.metrics.filter((m) => m && typeof m === 'object')
  const percent = (hpa.spec as { targetCPUUtilizationPercentage?: number }).targetCPUUtilizationPercentage ?? 80
  return [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: percent } } }]
}

/** `500m`, `10485760`: a milli-unit amount as resource.NewMilliQuantity prints it. */
const milliQuantity = (milli: number) => (milli % 1000 === 0 ? canonicalQuantity(String(milli / 1000)) : `${milli}m`)

/** A resource amount in milli-units (`MilliValue`): CPU in millicores, memory in thousandths of a byte. */
const milliOf = (resource: string, text: string | number | undefined) => (text === undefined ? undefined : resource === 'cpu' ? cpuMillis(text) : quantityValue(text) * 1000)

/**
 * The horizontal pod autoscaler controller (pkg/controller/podautoscaler): every 15 s
 * each HPA reads its target's scale and its pods' metrics from the resource metrics API,
 * computes the replicas its metrics ask for, stabilizes and rate-limits that, and
 * scales the target through the API, saying why in its conditions and events.
 */
export class HorizontalPodAutoscalerController {
  private queue: WorkQueue
  private histories = new Map<string, HpaHistory>()

  constructor(private readonly ctx: EngineContext) {
    this.queue = new WorkQueue(ctx, 'horizontal-pod-autoscaler', (key) => this.sync(key))
    ctx.store.watch((type, obj, old) => {
      const key = `${obj.metadata.namespace}/${obj.metadata.name}`
      if (type === 'DELETED') {
        this.histories.delete(key)
        return
      }
      // A new HPA, or a changed spec, is looked at after one sync period (the queue's fixed-interval rate limiter).
      if (type === 'ADDED' || !deepEqual(obj.spec, old?.spec)) this.queue.addAfter(key, HPA_SYNC_PERIOD_MS)
    }, ['HorizontalPodAutoscaler'])
  }

  private sync(key: string): void {
    const [namespace, name] = splitKey(key)
    const hpa = this.ctx.store.get<Hpa>('HorizontalPodAutoscaler', namespace, name)
    if (!hpa) return
    try {
      this.reconcile(hpa)
    } finally {
      this.queue.addAfter(key, HPA_SYNC_PERIOD_MS)
    }
  }

  private history(key: string): HpaHistory {
    let h = this.histories.get(key)
    if (!h) this.histories.set(key, (h = { recommendations: [], scaleUps: [], scaleDowns: [] }))
    return h
  }

  private reconcile(hpa: Hpa): void {
    const { api, recorder, clock } = this.ctx
    const namespace = hpa.metadata.namespace ?? 'default'
    const key = `${namespace}/${hpa.metadata.name}`
    const spec = hpa.spec
    const status: HpaStatus = structuredClone(hpa.status ?? {})
    const conditions = (status.conditions ??= [])
    const setCondition = (c: Condition) => {
      const existing = conditions.find((x) => x.type === c.type)
      const lastTransitionTime = existing && existing.status === c.status ? existing.lastTransitionTime : clock.rfc3339()
      const next = { ...c, lastTransitionTime }
      if (existing) conditions.splice(conditions.indexOf(existing), 1, next)
      else conditions.push(next)
    }
    const write = () => {
      if (!deepEqual(status, hpa.status ?? {})) api.updateStatus(hpa, status)
    }

    const ref = spec.scaleTargetRef ?? { kind: '', name: '' }
    const module = kindModule(ref.kind)
    const target = module?.scale ? this.ctx.store.get(ref.kind, namespace, ref.name) : undefined
    if (!module?.scale || !target) {
      const err = module ? `${qualifiedPlural(module.names)} "${ref.name}" not found` : `no matches for kind "${ref.kind}" in group "${(ref.apiVersion ?? '').split('/').slice(0, -1).join('/')}"`
      recorder.warning(hpa, SOURCE, 'FailedGetScale', err)
      setCondition({ type: 'AbleToScale', status: 'False', reason: 'FailedGetScale', message: `the HPA controller was unable to get the target's current scale: ${err}` })
      write()
      return
    }
    setCondition({ type: 'AbleToScale', status: 'True', reason: 'SucceededGetScale', message: "the HPA controller was able to get the target's current scale" })
    const current = module.scale.get(target)
    const min = spec.minReplicas ?? 1
    let desired = 0
    let rescaleReason = ''
    let currentMetrics: Record<string, unknown>[] | undefined
    let rescale = false
    if (current === 0 && min !== 0) {
      setCondition({ type: 'ScalingActive', status: 'False', reason: 'ScalingDisabled', message: 'scaling is disabled since the replica count of the target is zero' })
    } else if (current > spec.maxReplicas) {
      rescaleReason = 'Current number of replicas above Spec.MaxReplicas'
      desired = spec.maxReplicas
    } else if (current < min) {
      rescaleReason = 'Current number of replicas below Spec.MinReplicas'
      desired = min
    } else {
      const metrics = metricsOf(hpa)
      const results = metrics.map((m) => this.metricReplicas(hpa, m, current, target))
      currentMetrics = results.map((r) => ('error' in r ? { type: '' } : r.status))
      let proposal = 0
      let proposalName = ''
      const invalid = results.filter((r): r is MetricError => 'error' in r)
      for (const r of results) if (!('error' in r) && (proposal === 0 || r.replicas > proposal)) [proposal, proposalName] = [r.replicas, r.name]
      if (invalid.length > 0 && (invalid.length >= metrics.length || proposal < current)) {
        const first = invalid[0]
        setCondition({ type: 'ScalingActive', status: 'False', reason: first.reason, message: `the HPA was unable to compute the replica count: ${first.cause}` })
        status.currentReplicas = current
        status.currentMetrics = currentMetrics
        write()
        recorder.warning(hpa, SOURCE, 'FailedComputeMetricsReplicas', `invalid metrics (${invalid.length} invalid out of ${metrics.length}), first error is: ${first.error}`)
        return
      }
      setCondition({ type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: `the HPA was able to successfully calculate a replica count from ${proposalName}` })
      desired = proposal
      if (desired > current) rescaleReason = `${proposalName} above target`
      if (desired < current) rescaleReason = 'All metrics below target'
      const history = this.history(key)
      const normalized = spec.behavior
        ? normalizeWithBehavior(history, spec.behavior, current, desired, min, spec.maxReplicas, clock.now)
        : normalizeWithoutBehavior(history, current, desired, min, spec.maxReplicas, clock.now)
      for (const c of normalized.conditions) setCondition(c)
      desired = normalized.replicas
    }
    rescale = desired !== current && !(current === 0 && min !== 0)
    if (rescale) {
      api.mutate(ref.kind, namespace, ref.name, (draft) => module.scale!.set(draft, desired))
      setCondition({ type: 'AbleToScale', status: 'True', reason: 'SucceededRescale', message: `the HPA controller was able to update the target scale to ${desired}` })
      recorder.normal(hpa, SOURCE, 'SuccessfulRescale', `New size: ${desired}; reason: ${rescaleReason}`)
      storeScaleEvent(this.history(key), spec.behavior, current, desired, clock.now)
      status.lastScaleTime = clock.rfc3339()
    } else desired = current
    status.currentReplicas = current
    status.desiredReplicas = desired
    if (currentMetrics) status.currentMetrics = currentMetrics
    write()
  }

  /** computeReplicasForMetric for one metric of the spec. */
  private metricReplicas(hpa: Hpa, metric: MetricSpec, current: number, target: KubeObject): MetricResult {
    const source = metric.type === 'ContainerResource' ? metric.containerResource : metric.type === 'Resource' ? metric.resource : undefined
    if (!source) {
      const kind = metric.type ?? ''
      const reason = { Pods: 'FailedGetPodsMetric', Object: 'FailedGetObjectMetric', External: 'FailedGetExternalMetric' }[kind] ?? 'InvalidMetricSourceType'
      const metricName = (metric.pods ?? metric.object ?? metric.external)?.metric?.name ?? ''
      const api = kind === 'External' ? 'external.metrics.k8s.io' : 'custom.metrics.k8s.io'
      const error = reason === 'InvalidMetricSourceType' ? `unknown metric source type "${kind}"` : `unable to get metric ${metricName}: unable to fetch metrics from ${kind === 'External' ? 'external' : 'custom'} metrics API: no ${api.replace(/\..*/, '')} metrics API (${api}) registered`
      this.ctx.recorder.warning(hpa, SOURCE, reason, error)
      return { error: `failed to get ${kind.toLowerCase()} metric value: ${error}`, cause: error, reason }
    }
    const resource = source.name
    const container = metric.type === 'ContainerResource' ? metric.containerResource?.container : undefined
    const reason = container ? 'FailedGetContainerResourceMetric' : 'FailedGetResourceMetric'
    const fail = (error: string) => {
      this.ctx.recorder.warning(hpa, SOURCE, reason, error)
      return { error: `failed to get ${resource} ${container ? 'container ' : ''}resource metric value: ${error}`, cause: error, reason }
    }
    const t = source.target ?? {}
    const averageValue = t.averageValue !== undefined ? milliOf(resource, t.averageValue)! : undefined
    if (averageValue === undefined && t.averageUtilization === undefined) return fail('invalid resource metric source: neither an average utilization target nor an average value (usage) target was set')
    const what = averageValue !== undefined ? 'usage' : 'utilization'
    const { pods, metrics, error } = this.samples(hpa.metadata.namespace ?? 'default', target, resource, container)
    if (error) return fail(`failed to get ${resource} ${what}: unable to get metrics for resource ${resource}: ${error}`)
    try {
      if (averageValue !== undefined) {
        const r = averageValueReplicas(current, averageValue, resource, pods, metrics, this.ctx.clock.now)
        const type = container ? 'ContainerResource' : 'Resource'
        const field = container ? 'containerResource' : 'resource'
        return { replicas: r.replicas, name: `${resource} resource`, status: { type, [field]: { name: resource, ...(container ? { container } : {}), current: { averageValue: milliQuantity(r.average) } } } }
      }
      const r = resourceReplicas(current, t.averageUtilization!, resource, pods, metrics, this.ctx.clock.now)
      const type = container ? 'ContainerResource' : 'Resource'
      const field = container ? 'containerResource' : 'resource'
      return {
        replicas: r.replicas,
        name: `${resource} ${container ? 'container ' : ''}resource utilization (percentage of request)`,
        status: { type, [field]: { name: resource, ...(container ? { container } : {}), current: { averageUtilization: r.utilization, averageValue: milliQuantity(r.rawAverage) } } },
      }
    } catch (e) {
      if (e instanceof ReplicaCalculationError) return fail(`failed to get ${resource} ${what}: ${e.message}`)
      throw e
    }
  }

  /** The target's pods as the replica calculator reads them, and their metrics from the resource metrics API. */
  private samples(namespace: string, target: KubeObject, resource: string, container: string | undefined): { pods: PodSample[]; metrics: Map<string, PodMetric>; error?: string } {
    const metrics = new Map<string, PodMetric>()
    const raw = (target.spec as { selector?: LabelSelector | Record<string, string> } | undefined)?.selector
    const selector: LabelSelector = raw && ('matchLabels' in raw || 'matchExpressions' in raw) ? (raw as LabelSelector) : { matchLabels: raw as Record<string, string> }
    const podList = this.ctx.store.select<Pod>('Pod', namespace, selector)
    const api = metricsApi(this.ctx)
    if (api.state !== 'available') {
      const why = api.state === 'missing' ? 'the server could not find the requested resource' : 'the server is currently unable to handle the request'
      return { pods: [], metrics, error: `unable to fetch metrics from resource metrics API: ${why} (get pods.metrics.k8s.io)` }
    }
    for (const pod of podList) {
      const usage = podUsage(this.ctx, pod, api.scrapedAt)
      if (!usage) continue
      const measured = usage.containers.filter((c) => !container || c.name === container)
      if (measured.length === 0) continue
      const value = measured.reduce((n, c) => n + (resource === 'cpu' ? c.cpuMilli : c.memoryBytes * 1000), 0)
      metrics.set(pod.metadata.name, { value, timestampMs: usage.timestamp, windowMs: METRIC_RESOLUTION_MS })
    }
    if (metrics.size === 0) return { pods: [], metrics, error: 'no metrics returned from resource metrics API' }
    const pods = podList.map((pod): PodSample => {
      const ready = pod.status.conditions?.find((c) => c.type === 'Ready')
      let request: number | undefined = 0
      let missingRequestIn: string | undefined
      for (const c of pod.spec.containers) {
        if (container && c.name !== container) continue
        const r = milliOf(resource, c.resources?.requests?.[resource])
        if (r === undefined) {
          request = undefined
          missingRequestIn = c.name
          break
        }
        request += r
      }
      return {
        name: pod.metadata.name,
        phase: pod.status.phase,
        deleting: !!pod.metadata.deletionTimestamp,
        ready: ready && { status: ready.status, lastTransitionMs: parseSimTime(ready.lastTransitionTime) },
        startTimeMs: pod.status.startTime ? parseSimTime(pod.status.startTime) : undefined,
        request,
        missingRequestIn,
      }
    })
    return { pods, metrics }
  }
}
