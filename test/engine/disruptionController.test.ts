import { describe, expect, it } from 'vitest'
import { ApiError } from '../../src/engine/api/errors.ts'
import type { Pod } from '../../src/engine/api/types.ts'
import type { PodDisruptionBudget } from '../../src/engine/controllers/disruptionController.ts'
import { apply, kubectl, newSim } from '../helpers.ts'

const deployment = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: nginx:1.27}]
`
const pdb = (budget: string, name = 'web-pdb') => `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: ${name}}\nspec:\n  ${budget}\n  selector: {matchLabels: {app: web}}\n`
const statusOf = (sim: ReturnType<typeof newSim>, name = 'web-pdb') => sim.store.get<PodDisruptionBudget>('PodDisruptionBudget', 'default', name)!.status!
const webPods = (sim: ReturnType<typeof newSim>) => sim.store.list<Pod>('Pod', 'default').filter((p) => p.metadata.labels?.app === 'web' && !p.metadata.deletionTimestamp)

function evictError(fn: () => unknown): ApiError {
  try {
    fn()
  } catch (e) {
    if (e instanceof ApiError) return e
    throw e
  }
  throw new Error('eviction was allowed')
}

describe('disruption controller', () => {
  it.each([
    ['minAvailable: 2', 3, 2, 1],
    ['minAvailable: "50%"', 3, 2, 1],
    ['maxUnavailable: 1', 3, 2, 1],
    ['maxUnavailable: "50%"', 3, 1, 2],
    ['maxUnavailable: "10%"', 3, 2, 1],
    ['minAvailable: 4', 3, 4, 0],
  ])('%s over 3 ready replicas', (budget, expected, desired, allowed) => {
    const sim = newSim({ workers: 2 })
    apply(sim, deployment(3))
    apply(sim, pdb(budget))
    sim.advance(30_000)
    const s = statusOf(sim)
    expect(s).toMatchObject({ currentHealthy: 3, desiredHealthy: desired, disruptionsAllowed: allowed, expectedPods: expected, observedGeneration: 1 })
    expect(s.conditions).toEqual([
      expect.objectContaining({ type: 'DisruptionAllowed', status: allowed > 0 ? 'True' : 'False', reason: allowed > 0 ? 'SufficientPods' : 'InsufficientPods', message: '' }),
    ])
  })

  it('shows the budget in get and describe', () => {
    const sim = newSim({ workers: 2 })
    apply(sim, deployment(3))
    apply(sim, pdb('minAvailable: 2'))
    sim.advance(30_000)
    expect(kubectl(sim, 'get pdb')).toBe('NAME      MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE\nweb-pdb   2               N/A               1                     30s\n')
    expect(kubectl(sim, 'describe pdb web-pdb')).toContain('Status:\n    Allowed disruptions:  1\n    Current:              3\n    Desired:              2\n    Total:                3\n')
  })

  it('reports NoPods for a budget selecting nothing', () => {
    const sim = newSim({ workers: 2 })
    apply(sim, pdb('minAvailable: 1'))
    sim.advance(1_000)
    expect(statusOf(sim)).toMatchObject({ currentHealthy: 0, desiredHealthy: 1, disruptionsAllowed: 0, expectedPods: 0 })
    expect(kubectl(sim, 'describe pdb web-pdb')).toContain('Normal  NoPods  1s (x2 over 1s)  controllermanager  No matching pods found')
  })
})

describe('the Eviction API', () => {
  it('spends the budget, records the pod, then refuses with 429', () => {
    const sim = newSim({ workers: 2 })
    apply(sim, deployment(3))
    apply(sim, pdb('minAvailable: 2'))
    sim.advance(30_000)
    const [first, second] = webPods(sim)
    sim.ctx.api.evict('default', first.metadata.name)
    expect(statusOf(sim).disruptedPods).toEqual({ [first.metadata.name]: sim.ctx.clock.rfc3339(sim.now) })
    sim.settle()
    expect(statusOf(sim)).toMatchObject({ currentHealthy: 2, disruptionsAllowed: 0 })
    // The pod is going, so the controller has dropped it from disruptedPods.
    expect(statusOf(sim).disruptedPods).toBeUndefined()
    const err = evictError(() => sim.ctx.api.evict('default', second.metadata.name))
    expect(err.reason).toBe('TooManyRequests')
    expect(err.message).toBe("Cannot evict pod as it would violate the pod's disruption budget.")
    expect(err.details?.causes?.[0].message).toBe('The disruption budget web-pdb needs 2 healthy pods and has 2 currently')
    expect(sim.store.get<Pod>('Pod', 'default', second.metadata.name)!.metadata.deletionTimestamp).toBeUndefined()
    // The replacement becomes ready, and the budget allows one disruption again.
    sim.advance(30_000)
    expect(statusOf(sim)).toMatchObject({ currentHealthy: 3, disruptionsAllowed: 1 })
    sim.ctx.api.evict('default', second.metadata.name)
  })

  it('refuses a pod under two budgets with a plain server error', () => {
    const sim = newSim({ workers: 2 })
    apply(sim, deployment(2))
    apply(sim, pdb('minAvailable: 1'))
    apply(sim, pdb('maxUnavailable: 1', 'other'))
    sim.advance(30_000)
    const err = evictError(() => sim.ctx.api.evict('default', webPods(sim)[0].metadata.name))
    expect(err.printed()).toBe('Error from server: This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.')
  })

  it('lets an unready pod go under AlwaysAllow without spending the budget', () => {
    const sim = newSim({ workers: 2 })
    apply(sim, deployment(2))
    apply(sim, pdb('minAvailable: 2\n  unhealthyPodEvictionPolicy: AlwaysAllow'))
    sim.advance(30_000)
    const pod = webPods(sim)[0]
    sim.ctx.api.updateStatus(pod, { ...pod.status, conditions: pod.status.conditions!.map((c) => (c.type === 'Ready' ? { ...c, status: 'False' as const } : c)) })
    sim.ctx.api.evict('default', pod.metadata.name)
    expect(sim.store.get<Pod>('Pod', 'default', pod.metadata.name)?.metadata.deletionTimestamp).toBeDefined()
  })
})
