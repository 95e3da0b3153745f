import { ageOf } from '../kubectl/podSummary.ts'
import type { KubeObject } from '../api/types.ts'
import { canonicalQuantity } from '../util/exactQuantity.ts'
import { specOf } from './columns.ts'
import { defineKind } from './kindModule.ts'
import { defaultScaleDownRules, defaultScaleUpRules, type Behavior } from '../controllers/hpaBehavior.ts'
import { describeHorizontalPodAutoscaler, type MetricSpec, type MetricStatus } from '../kubectl/describe/describeHorizontalPodAutoscaler.ts'

interface HpaSpec {
  scaleTargetRef: { kind?: string; name?: string }
  minReplicas: number
  maxReplicas: number
  metrics: MetricSpec[]
  targetCPUUtilizationPercentage: number
}

const q = (v: string | undefined) => (v === undefined ? '<unset>' : canonicalQuantity(v))

/** One TARGETS entry (formatHPAMetrics): the current value from status.currentMetrics at the same index. */
function metricCell(m: MetricSpec, status: MetricStatus | undefined): string {
  let current = '<unknown>'
  const resource = m.resource ?? m.containerResource
  if (resource) {
    const t = resource.target ?? {}
    const measured = (m.resource ? status?.resource : status?.containerResource)?.current
    if (t.averageValue !== undefined) return `${resource.name}: ${measured?.averageValue !== undefined ? q(measured.averageValue) : current}/${q(t.averageValue)}`
    if (measured?.averageUtilization !== undefined) current = `${measured.averageUtilization}%`
    return `${resource.name}: ${current}/${t.averageUtilization === undefined ? '<auto>' : `${t.averageUtilization}%`}`
  }
  const t = (m.pods ?? m.object ?? m.external)?.target ?? {}
  if (m.object && t.averageValue !== undefined) return `${current}/${q(t.averageValue)} (avg)`
  return `${current}/${q(t.averageValue ?? t.value)}`
}

function targets(obj: KubeObject): string {
  const spec = specOf<HpaSpec>(obj)
  // autoscaling/v1 states a CPU utilization target directly.
  const statuses = (obj.status as { currentMetrics?: MetricStatus[] | null } | undefined)?.currentMetrics ?? []
  if (spec.targetCPUUtilizationPercentage !== undefined) return metricCell({ type: 'Resource', resource: { name: 'cpu', target: { averageUtilization: spec.targetCPUUtilizationPercentage } } }, statuses[0])
  const cells = (spec.metrics ?? []).map((m, i) => metricCell(m, statuses[i]))
  if (cells.length === 0) return '<none>'
  return cells.length > 2 ? `${cells.slice(0, 2).join(', ')} + ${cells.length - 2} more...` : cells.join(', ')
}

export const horizontalPodAutoscalerKind = defineKind({
  names: { kind: 'HorizontalPodAutoscaler', group: 'autoscaling', version: 'v2', plural: 'horizontalpodautoscalers', singular: 'horizontalpodautoscaler', shortNames: ['hpa'], namespaced: true, alsoServedAs: ['autoscaling/v1'] },
  // The horizontal-pod-autoscaler controller scales from metrics-server's resource metrics.
  simulated: true,
  nameRule: 'subdomain',
  describe: (hpa, ctx) => describeHorizontalPodAutoscaler(hpa, ctx.eventsFor(hpa), ctx.now),
  /** SetDefaults_HorizontalPodAutoscaler: one replica at least, and an 80% CPU target when no metric is given. */
  defaults(hpa) {
    const spec = ((hpa as { spec?: HpaSpec }).spec ??= {} as HpaSpec) as HpaSpec & { minReplicas?: number; metrics?: unknown[]; behavior?: Behavior }
    spec.minReplicas ??= 1
    // A behavior that is given gets every rule it leaves out (SetDefaults_HorizontalPodAutoscalerBehavior); none stays none.
    if (spec.behavior) spec.behavior = { scaleUp: defaultScaleUpRules(spec.behavior.scaleUp), scaleDown: defaultScaleDownRules(spec.behavior.scaleDown) }
    if (hpa.apiVersion === 'autoscaling/v2' && (spec.metrics ?? []).length === 0) {
      spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]
    }
  },
  table: {
    columns: ['NAME', 'REFERENCE', 'TARGETS', 'MINPODS', 'MAXPODS', 'REPLICAS', 'AGE'],
    wideColumns: [],
    row(obj, now) {
      const spec = specOf<HpaSpec>(obj)
      const ref = spec.scaleTargetRef ?? {}
      const replicas = (obj.status as { currentReplicas?: number } | undefined)?.currentReplicas ?? 0
      return [
        obj.metadata.name,
        `${ref.kind ?? ''}/${ref.name ?? ''}`,
        targets(obj),
        spec.minReplicas === undefined ? '<unset>' : String(spec.minReplicas),
        String(spec.maxReplicas ?? 0),
        String(replicas),
        ageOf(obj.metadata.creationTimestamp, now),
      ]
    },
    wideRow: () => [],
  },
})
