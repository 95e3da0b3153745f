import { ageOf } from '../kubectl/podSummary.ts'
import type { KubeObject } from '../api/types.ts'
import { canonicalQuantity } from '../util/exactQuantity.ts'
import { specOf } from './columns.ts'
import { defineKind } from './kindModule.ts'
import { describeHorizontalPodAutoscaler, type MetricSpec } from '../kubectl/describe/describeHorizontalPodAutoscaler.ts'

interface HpaSpec {
  scaleTargetRef: { kind?: string; name?: string }
  minReplicas: number
  maxReplicas: number
  metrics: MetricSpec[]
  targetCPUUtilizationPercentage: number
}

const q = (v: string | undefined) => (v === undefined ? '<unset>' : canonicalQuantity(v))

/** One TARGETS entry (formatHPAMetrics); the current value stays unknown: kubesim has no metrics server. */
function metricCell(m: MetricSpec): string {
  const current = '<unknown>'
  const resource = m.resource ?? m.containerResource
  if (resource) {
    const t = resource.target ?? {}
    if (t.averageValue !== undefined) return `${resource.name}: ${current}/${q(t.averageValue)}`
    return `${resource.name}: ${current}/${t.averageUtilization === undefined ? '<auto>' : `${t.averageUtilization}%`}`
  }
  const t = (m.pods ?? m.object ?? m.external)?.target ?? {}
  if (m.object && t.averageValue !== undefined) return `${current}/${q(t.averageValue)} (avg)`
  return `${current}/${q(t.averageValue ?? t.value)}`
}

function targets(obj: KubeObject): string {
  const spec = specOf<HpaSpec>(obj)
  // autoscaling/v1 states a CPU utilization target directly.
  if (spec.targetCPUUtilizationPercentage !== undefined) return `cpu: <unknown>/${spec.targetCPUUtilizationPercentage}%`
  const cells = (spec.metrics ?? []).map(metricCell)
  if (cells.length === 0) return '<none>'
  return cells.length > 2 ? `${cells.slice(0, 2).join(', ')} + ${cells.length - 2} more...` : cells.join(', ')
}

export const horizontalPodAutoscalerKind = defineKind({
  names: { kind: 'HorizontalPodAutoscaler', group: 'autoscaling', version: 'v2', plural: 'horizontalpodautoscalers', singular: 'horizontalpodautoscaler', shortNames: ['hpa'], namespaced: true, alsoServedAs: ['autoscaling/v1'] },
  // No metrics and no autoscaling controller yet.
  simulated: false,
  nameRule: 'subdomain',
  describe: (hpa, ctx) => describeHorizontalPodAutoscaler(hpa, ctx.eventsFor(hpa), ctx.now),
  /** SetDefaults_HorizontalPodAutoscaler: one replica at least, and an 80% CPU target when no metric is given. */
  defaults(hpa) {
    const spec = ((hpa as { spec?: HpaSpec }).spec ??= {} as HpaSpec) as HpaSpec & { minReplicas?: number; metrics?: unknown[] }
    spec.minReplicas ??= 1
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
