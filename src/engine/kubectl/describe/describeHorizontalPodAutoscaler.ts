import type { KubeEvent, KubeObject } from '../../api/types.ts'
import { canonicalQuantity } from '../../util/exactQuantity.ts'
import { DescribeWriter, rfc1123z } from '../describeWriter.ts'
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './common.ts'

export interface MetricTarget {
  type?: string
  averageUtilization?: number
  averageValue?: string
  value?: string
}
export interface MetricSpec {
  type?: string
  resource?: { name?: string; target?: MetricTarget }
  containerResource?: { name?: string; container?: string; target?: MetricTarget }
  pods?: { metric?: { name?: string }; target?: MetricTarget }
  object?: { metric?: { name?: string }; describedObject?: { kind?: string; name?: string }; target?: MetricTarget }
  external?: { metric?: { name?: string }; target?: MetricTarget }
}
interface ScalingRules {
  stabilizationWindowSeconds?: number
  selectPolicy?: string
  policies?: { type?: string; value?: number; periodSeconds?: number }[]
}
interface HpaSpec {
  scaleTargetRef?: { kind?: string; name?: string }
  minReplicas?: number
  maxReplicas?: number
  metrics?: MetricSpec[]
  targetCPUUtilizationPercentage?: number
  behavior?: { scaleUp?: ScalingRules; scaleDown?: ScalingRules }
}
/** One entry of status.currentMetrics, by index of spec.metrics. */
export interface MetricStatus {
  type?: string
  resource?: { current?: { averageUtilization?: number; averageValue?: string } }
  containerResource?: { current?: { averageUtilization?: number; averageValue?: string } }
}
interface HpaStatus {
  currentMetrics?: MetricStatus[] | null
  currentReplicas?: number
  desiredReplicas?: number
  conditions?: { type: string; status: string; reason?: string; message?: string }[]
}

const q = (v: string | undefined) => (v === undefined ? '0' : canonicalQuantity(v))

/** The metrics as autoscaling/v2 states them; a v1 object's CPU target reads as a Resource metric, as the API server converts it. */
function metricsOf(spec: HpaSpec): MetricSpec[] {
  if (spec.metrics) return spec.metrics
  if (spec.targetCPUUtilizationPercentage !== undefined) {
    return [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: spec.targetCPUUtilizationPercentage } } }]
  }
  return []
}

/** One Metrics line; the current value comes from status.currentMetrics (custom and external metrics have none here). */
function describeMetric(w: DescribeWriter, m: MetricSpec, status: MetricStatus | undefined): void {
  let current = '<unknown>'
  const measured = (m.type === 'Resource' ? status?.resource : m.type === 'ContainerResource' ? status?.containerResource : undefined)?.current
  if (m.type === 'External' && m.external) {
    const t = m.external.target ?? {}
    if (t.averageValue !== undefined) w.write(1, `"${m.external.metric?.name ?? ''}" (target average value):\t${current} / ${q(t.averageValue)}\n`)
    else w.write(1, `"${m.external.metric?.name ?? ''}" (target value):\t${current} / ${q(t.value)}\n`)
  } else if (m.type === 'Pods' && m.pods) {
    w.write(1, `"${m.pods.metric?.name ?? ''}" on pods:\t${current} / ${q(m.pods.target?.averageValue)}\n`)
  } else if (m.type === 'Object' && m.object) {
    const t = m.object.target ?? {}
    w.write(1, `"${m.object.metric?.name ?? ''}" on ${m.object.describedObject?.kind ?? ''}/${m.object.describedObject?.name ?? ''} `)
    if (t.type === 'AverageValue') w.write(0, `(target average value):\t${current} / ${q(t.averageValue)}\n`)
    else w.write(0, `(target value):\t${current} / ${q(t.value)}\n`)
  } else if ((m.type === 'Resource' && m.resource) || (m.type === 'ContainerResource' && m.containerResource)) {
    const r = (m.resource ?? m.containerResource)!
    const t = r.target ?? {}
    if (t.averageValue !== undefined && measured?.averageValue !== undefined) current = canonicalQuantity(measured.averageValue)
    else if (measured?.averageUtilization !== undefined) current = `${measured.averageUtilization}% (${canonicalQuantity(measured.averageValue ?? '0')})`
    w.write(1, m.resource ? `resource ${r.name ?? ''} on pods` : `resource ${r.name ?? ''} of container "${m.containerResource!.container ?? ''}" on pods`)
    if (t.averageValue !== undefined) w.write(0, `:\t${current} / ${q(t.averageValue)}\n`)
    // The writer indents this half of the line again (LEVEL_1 mid-line in describe.go).
    else w.write(1, `(as a percentage of request):\t${current} / ${t.averageUtilization === undefined ? '<auto>' : `${t.averageUtilization}%`}\n`)
  } else w.write(1, `<unknown metric type "${m.type ?? ''}">\n`)
}

function describeBehavior(w: DescribeWriter, direction: string, rules: ScalingRules | undefined): void {
  if (!rules) return
  w.write(1, `${direction}:\n`)
  if (rules.stabilizationWindowSeconds !== undefined) w.write(2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`)
  if (rules.policies?.length) {
    w.write(2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`)
    w.write(2, 'Policies:\n')
    for (const p of rules.policies) w.write(3, `- Type: ${p.type ?? ''}\tValue: ${p.value ?? 0}\tPeriod: ${p.periodSeconds ?? 0} seconds\n`)
  }
}

/** `kubectl describe hpa` (describeHorizontalPodAutoscalerV2). */
export function describeHorizontalPodAutoscaler(hpa: KubeObject, events: KubeEvent[], now: number): string {
  const spec = (hpa.spec ?? {}) as HpaSpec
  const status = (hpa.status ?? {}) as HpaStatus
  const w = new DescribeWriter()
  w.write(0, `Name:\t${hpa.metadata.name}\n`)
  w.write(0, `Namespace:\t${hpa.metadata.namespace}\n`)
  printLabelsMultiline(w, 'Labels', hpa.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', hpa.metadata.annotations)
  w.write(0, `CreationTimestamp:\t${rfc1123z(hpa.metadata.creationTimestamp)}\n`)
  w.write(0, `Reference:\t${spec.scaleTargetRef?.kind ?? ''}/${spec.scaleTargetRef?.name ?? ''}\n`)
  w.write(0, 'Metrics:\t( current / target )\n')
  metricsOf(spec).forEach((m, i) => describeMetric(w, m, status.currentMetrics?.[i]))
  w.write(0, `Min replicas:\t${spec.minReplicas ?? '<unset>'}\n`)
  w.write(0, `Max replicas:\t${spec.maxReplicas ?? 0}\n`)
  if (spec.behavior) {
    w.write(0, 'Behavior:\n')
    describeBehavior(w, 'Scale Up', spec.behavior.scaleUp)
    describeBehavior(w, 'Scale Down', spec.behavior.scaleDown)
  }
  w.write(0, `${spec.scaleTargetRef?.kind ?? ''} pods:\t${status.currentReplicas ?? 0} current / ${status.desiredReplicas ?? 0} desired\n`)
  if (status.conditions?.length) {
    w.write(0, 'Conditions:\n')
    w.write(1, 'Type\tStatus\tReason\tMessage\n')
    w.write(1, '----\t------\t------\t-------\n')
    for (const c of status.conditions) w.write(1, `${c.type}\t${c.status}\t${c.reason ?? ''}\t${c.message ?? ''}\n`)
  }
  describeEvents(w, events, now)
  return w.toString()
}
