/**
 * How the HPA turns a recommendation into a replica count
 * (pkg/controller/podautoscaler/horizontal.go): stabilization over recent
 * recommendations (300 s down by default), then the scaling policies' rate limits, then
 * min/max, with the conditions that say which of these applied.
 */

export interface ScalingPolicy {
  type: 'Pods' | 'Percent'
  value: number
  periodSeconds: number
}
export interface ScalingRules {
  stabilizationWindowSeconds?: number
  selectPolicy?: 'Max' | 'Min' | 'Disabled'
  policies?: ScalingPolicy[]
}
export interface Behavior {
  scaleUp?: ScalingRules
  scaleDown?: ScalingRules
}

/** --horizontal-pod-autoscaler-downscale-stabilization. */
export const DOWNSCALE_STABILIZATION_MS = 300_000

/** GenerateHPAScaleUpRules / GenerateHPAScaleDownRules: what the API server fills into a behavior that is given. */
export function defaultScaleUpRules(rules: ScalingRules = {}): ScalingRules {
  return {
    stabilizationWindowSeconds: rules.stabilizationWindowSeconds ?? 0,
    selectPolicy: rules.selectPolicy ?? 'Max',
    policies: rules.policies?.length ? rules.policies : [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }],
  }
}
export function defaultScaleDownRules(rules: ScalingRules = {}): ScalingRules {
  return {
    ...(rules.stabilizationWindowSeconds !== undefined ? { stabilizationWindowSeconds: rules.stabilizationWindowSeconds } : {}),
    selectPolicy: rules.selectPolicy ?? 'Max',
    policies: rules.policies?.length ? rules.policies : [{ type: 'Percent', value: 100, periodSeconds: 15 }],
  }
}

export interface Recommendation {
  replicas: number
  atMs: number
}
export interface ScaleEvent {
  change: number
  atMs: number
}

/** One HPA's memory between syncs (the controller keeps it per key). */
export interface HpaHistory {
  recommendations: Recommendation[]
  scaleUps: ScaleEvent[]
  scaleDowns: ScaleEvent[]
}

export interface Condition {
  type: 'AbleToScale' | 'ScalingActive' | 'ScalingLimited'
  status: 'True' | 'False'
  reason: string
  message: string
}

export interface Normalized {
  replicas: number
  conditions: Condition[]
}

/** Replaces the oldest sample past `cutoff`, or appends: the list never outgrows the stabilization period. */
function record(list: Recommendation[], replicas: number, nowMs: number, isOld: (r: Recommendation) => boolean): void {
  const old = list.findIndex(isOld)
  if (old >= 0) list[old] = { replicas, atMs: nowMs }
  else list.push({ replicas, atMs: nowMs })
}

/** normalizeDesiredReplicas: an HPA without `behavior` (the highest recommendation of 5 minutes; at most double, or 4). */
export function normalizeWithoutBehavior(history: HpaHistory, current: number, desired: number, min: number, max: number, nowMs: number): Normalized {
  const cutoff = nowMs - DOWNSCALE_STABILIZATION_MS
  let stabilized = desired
  for (const r of history.recommendations) if (r.atMs >= cutoff && r.replicas > stabilized) stabilized = r.replicas
  record(history.recommendations, desired, nowMs, (r) => r.atMs < cutoff)
  const conditions: Condition[] = [
    stabilized !== desired
      ? { type: 'AbleToScale', status: 'True', reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' }
      : { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size' },
  ]
  const scaleUpLimit = Math.max(2 * current, 4)
  let [maxAllowed, limitReason, limitMessage] =
    max > scaleUpLimit
      ? [scaleUpLimit, 'ScaleUpLimit', 'the desired replica count is increasing faster than the maximum scale rate']
      : [max, 'TooManyReplicas', 'the desired replica count is more than the maximum replica count']
  let replicas = stabilized
  if (stabilized < min) {
    replicas = min
    ;[limitReason, limitMessage] = ['TooFewReplicas', 'the desired replica count is less than the minimum replica count']
  } else if (stabilized > maxAllowed) replicas = maxAllowed
  else [limitReason, limitMessage] = ['DesiredWithinRange', 'the desired count is within the acceptable range']
  conditions.push({ type: 'ScalingLimited', status: replicas === stabilized ? 'False' : 'True', reason: limitReason, message: limitMessage })
  return { replicas, conditions }
}

/** Replicas added (or removed) by the events of the last `periodSeconds`. */
function changedWithin(events: ScaleEvent[], periodSeconds: number, nowMs: number): number {
  let sum = 0
  for (const e of events) if (e.atMs > nowMs - periodSeconds * 1000) sum += e.change
  return sum
}

/** calculateScaleUpLimitWithScalingRules. */
export function scaleUpLimit(current: number, history: HpaHistory, rules: ScalingRules, nowMs: number): number {
  if (rules.selectPolicy === 'Disabled') return current
  const pick = rules.selectPolicy === 'Min' ? Math.min : Math.max
  let result = rules.selectPolicy === 'Min' ? Infinity : -Infinity
  for (const p of rules.policies ?? []) {
    const start = current - changedWithin(history.scaleUps, p.periodSeconds, nowMs) + changedWithin(history.scaleDowns, p.periodSeconds, nowMs)
    const proposed = p.type === 'Pods' ? start + p.value : Math.ceil(start * (1 + p.value / 100))
    result = pick(result, proposed)
  }
  return result
}

/** calculateScaleDownLimitWithBehaviors. */
export function scaleDownLimit(current: number, history: HpaHistory, rules: ScalingRules, nowMs: number): number {
  if (rules.selectPolicy === 'Disabled') return current
  const pick = rules.selectPolicy === 'Min' ? Math.max : Math.min
  let result = rules.selectPolicy === 'Min' ? -Infinity : Infinity
  for (const p of rules.policies ?? []) {
    const start = current - changedWithin(history.scaleUps, p.periodSeconds, nowMs) + changedWithin(history.scaleDowns, p.periodSeconds, nowMs)
    const proposed = p.type === 'Pods' ? start - p.value : Math.trunc(start * (1 - p.value / 100))
    result = pick(result, proposed)
  }
  return result
}

/** normalizeDesiredReplicasWithBehaviors: stabilization windows both ways, then the policies' rates. */
export function normalizeWithBehavior(history: HpaHistory, behavior: Behavior, current: number, desired: number, min: number, max: number, nowMs: number): Normalized {
  const up = defaultScaleUpRules(behavior.scaleUp)
  const down = defaultScaleDownRules(behavior.scaleDown)
  const upCutoff = nowMs - (up.stabilizationWindowSeconds ?? 0) * 1000
  const downCutoff = nowMs - (down.stabilizationWindowSeconds ?? DOWNSCALE_STABILIZATION_MS / 1000) * 1000
  let upRecommendation = desired
  let downRecommendation = desired
  for (const r of history.recommendations) {
    if (r.atMs > upCutoff) upRecommendation = Math.min(r.replicas, upRecommendation)
    if (r.atMs > downCutoff) downRecommendation = Math.max(r.replicas, downRecommendation)
  }
  let stabilized = current
  if (stabilized < upRecommendation) stabilized = upRecommendation
  if (stabilized > downRecommendation) stabilized = downRecommendation
  record(history.recommendations, desired, nowMs, (r) => r.atMs < upCutoff && r.atMs < downCutoff)
  const conditions: Condition[] = []
  if (stabilized !== desired) {
    conditions.push(
      desired >= current
        ? { type: 'AbleToScale', status: 'True', reason: 'ScaleUpStabilized', message: 'recent recommendations were lower than current one, applying the lowest recent recommendation' }
        : { type: 'AbleToScale', status: 'True', reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' },
    )
  } else conditions.push({ type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size' })

  let replicas = stabilized
  let reason = 'DesiredWithinRange'
  let message = 'the desired count is within the acceptable range'
  if (stabilized > current) {
    const limit = Math.max(scaleUpLimit(current, history, up, nowMs), current)
    const [allowed, r, m] =
      max > limit ? [limit, 'ScaleUpLimit', 'the desired replica count is increasing faster than the maximum scale rate'] : [max, 'TooManyReplicas', 'the desired replica count is more than the maximum replica count']
    if (stabilized > allowed) [replicas, reason, message] = [allowed, r, m]
  } else if (stabilized < current) {
    const limit = Math.min(scaleDownLimit(current, history, down, nowMs), current)
    const [allowed, r, m] =
      min < limit ? [limit, 'ScaleDownLimit', 'the desired replica count is decreasing faster than the maximum scale rate'] : [min, 'TooFewReplicas', 'the desired replica count is less than the minimum replica count']
    if (stabilized < allowed) [replicas, reason, message] = [allowed, r, m]
  }
  conditions.push({ type: 'ScalingLimited', status: replicas === stabilized ? 'False' : 'True', reason, message })
  return { replicas, conditions }
}

/** storeScaleEvent: only an HPA with `behavior` keeps them (its policies read them back), trimmed to the longest period. */
export function storeScaleEvent(history: HpaHistory, behavior: Behavior | undefined, previous: number, next: number, nowMs: number): void {
  if (!behavior) return
  const rules = next > previous ? defaultScaleUpRules(behavior.scaleUp) : defaultScaleDownRules(behavior.scaleDown)
  const longest = Math.max(0, ...(rules.policies ?? []).map((p) => p.periodSeconds)) * 1000
  const list = next > previous ? history.scaleUps : history.scaleDowns
  const kept = list.filter((e) => e.atMs > nowMs - longest)
  kept.push({ change: Math.abs(next - previous), atMs: nowMs })
  list.splice(0, list.length, ...kept)
}
