import { describe, expect, it } from 'vitest'
import { normalizeWithBehavior, normalizeWithoutBehavior, scaleDownLimit, scaleUpLimit, type HpaHistory } from '../../src/engine/controllers/hpaBehavior.ts'
import { resourceReplicas, type PodMetric, type PodSample } from '../../src/engine/controllers/hpaReplicaCalculator.ts'

const NOW = 3_600_000
const pod = (name: string, extra: Partial<PodSample> = {}): PodSample => ({
  name,
  phase: 'Running',
  deleting: false,
  ready: { status: 'True', lastTransitionMs: 0 },
  startTimeMs: 0,
  request: 200,
  ...extra,
})
const metric = (value: number): PodMetric => ({ value, timestampMs: NOW, windowMs: 15_000 })
const history = (): HpaHistory => ({ recommendations: [], scaleUps: [], scaleDowns: [] })

describe('HPA replica calculation', () => {
  it('is ceil(current × utilization / target)', () => {
    const r = resourceReplicas(1, 50, 'cpu', [pod('a')], new Map([['a', metric(500)]]), NOW)
    expect(r).toEqual({ replicas: 5, utilization: 250, rawAverage: 500 })
    const pods = ['a', 'b', 'c', 'd', 'e'].map((n) => pod(n))
    expect(resourceReplicas(5, 50, 'cpu', pods, new Map(pods.map((p) => [p.name, metric(134)])), NOW).replicas).toBe(7)
  })

  it('does nothing within the 10% tolerance', () => {
    const pods = ['a', 'b'].map((n) => pod(n))
    // 54% of 50%: ratio 1.08.
    expect(resourceReplicas(2, 50, 'cpu', pods, new Map(pods.map((p) => [p.name, metric(108)])), NOW).replicas).toBe(2)
    // 56%: ratio 1.12, out of tolerance: ceil(2 × 1.12) = 3.
    expect(resourceReplicas(2, 50, 'cpu', pods, new Map(pods.map((p) => [p.name, metric(112)])), NOW).replicas).toBe(3)
  })

  it('counts pods without metrics as 0% when scaling up and as 100% when scaling down', () => {
    const pods = [pod('a'), pod('b')]
    // a at 200% while b has no metrics: 0% for b gives 100% → ceil(2 × 2) = 4.
    expect(resourceReplicas(2, 50, 'cpu', pods, new Map([['a', metric(400)]]), NOW).replicas).toBe(4)
    // a at 10% while b has none: b counts as 100%, average 55% → ratio 1.1 → no change (not the scale-down a alone asks).
    expect(resourceReplicas(2, 50, 'cpu', pods, new Map([['a', metric(20)]]), NOW).replicas).toBe(2)
  })

  it('sets unready pods aside when scaling up, and never lets them reverse the direction', () => {
    const pods = [pod('a'), pod('b', { ready: { status: 'False', lastTransitionMs: NOW - 10_000 }, startTimeMs: NOW - 20_000 })]
    // a at 60% (ratio 1.2); with b at 0% the average is 30%: the direction would reverse, so no change.
    expect(resourceReplicas(2, 50, 'cpu', pods, new Map([['a', metric(120)], ['b', metric(0)]]), NOW).replicas).toBe(2)
    // a at 300%: with b at 0%, 150% → ceil(2 × 3) = 6.
    expect(resourceReplicas(2, 50, 'cpu', pods, new Map([['a', metric(600)], ['b', metric(0)]]), NOW).replicas).toBe(6)
  })

  it('fails with the controller\'s messages', () => {
    expect(() => resourceReplicas(1, 50, 'cpu', [], new Map(), NOW)).toThrow('no pods returned by selector while calculating replica count')
    expect(() => resourceReplicas(1, 50, 'cpu', [pod('a', { request: undefined, missingRequestIn: 'php' })], new Map([['a', metric(5)]]), NOW)).toThrow(
      'missing request for cpu in container php of Pod a',
    )
  })
})

describe('HPA normalization', () => {
  it('keeps the highest recommendation of the last 5 minutes before scaling down (no behavior)', () => {
    const h = history()
    expect(normalizeWithoutBehavior(h, 7, 7, 1, 10, 0).replicas).toBe(7)
    const down = normalizeWithoutBehavior(h, 7, 1, 1, 10, 60_000)
    expect(down.replicas).toBe(7)
    expect(down.conditions[0]).toMatchObject({ reason: 'ScaleDownStabilized' })
    // Once the 7 is older than 300 s, the 1 applies.
    expect(normalizeWithoutBehavior(h, 7, 1, 1, 10, 300_001).replicas).toBe(1)
  })

  it('limits a scale-up without behavior to double, or 4, and says why', () => {
    const r = normalizeWithoutBehavior(history(), 1, 9, 1, 10, 0)
    expect(r.replicas).toBe(4)
    expect(r.conditions[1]).toMatchObject({ type: 'ScalingLimited', status: 'True', reason: 'ScaleUpLimit' })
    expect(normalizeWithoutBehavior(history(), 4, 20, 1, 5, 0).conditions[1]).toMatchObject({ reason: 'TooManyReplicas', status: 'True' })
    expect(normalizeWithoutBehavior(history(), 2, 0, 1, 5, 0).conditions[1]).toMatchObject({ reason: 'TooFewReplicas', status: 'True' })
  })

  it('applies the default scale-up policies: 100% or 4 pods per 15 s, whichever is more', () => {
    const h = history()
    expect(scaleUpLimit(1, h, { selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] }, 0)).toBe(5)
    expect(scaleUpLimit(10, h, { selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] }, 0)).toBe(20)
    expect(scaleUpLimit(10, h, { selectPolicy: 'Min', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] }, 0)).toBe(14)
    const r = normalizeWithBehavior(history(), {}, 1, 12, 1, 20, 0)
    expect(r.replicas).toBe(5)
    expect(r.conditions[1]).toMatchObject({ reason: 'ScaleUpLimit' })
  })

  it('counts the period\'s earlier changes against the policy', () => {
    const h = history()
    h.scaleDowns.push({ change: 3, atMs: 50_000 })
    // 1 pod per 60 s: 10 → 7 already happened 10 s ago, so the period started at 10 and 9 is the floor.
    expect(scaleDownLimit(7, h, { policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] }, 60_000)).toBe(9)
    const r = normalizeWithBehavior(h, { scaleDown: { stabilizationWindowSeconds: 0, policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } }, 7, 2, 1, 10, 60_000)
    expect(r.replicas).toBe(7)
  })

  it('stabilizes a behavior scale-down over its window', () => {
    const h = history()
    normalizeWithBehavior(h, { scaleDown: { stabilizationWindowSeconds: 60 } }, 5, 5, 1, 10, 0)
    expect(normalizeWithBehavior(h, { scaleDown: { stabilizationWindowSeconds: 60 } }, 5, 2, 1, 10, 30_000).replicas).toBe(5)
    expect(normalizeWithBehavior(h, { scaleDown: { stabilizationWindowSeconds: 60 } }, 5, 2, 1, 10, 61_000).replicas).toBe(2)
  })
})
