import { describe, expect, it } from 'vitest'
import type { Node, Pod } from '../../src/engine/api/types.ts'
import { SeededRandom } from '../../src/engine/rng.ts'
import { buildNodeInfos, type NodeInfo } from '../../src/engine/scheduler/nodeInfo.ts'
import { numFeasibleNodesToFind } from '../../src/engine/scheduler/nodeSampling.ts'
import { SchedulerCache } from '../../src/engine/scheduler/schedulerCache.ts'
import { apply, deploymentYaml, newSim } from '../helpers.ts'

const node = (name: string, cpu = '4'): Node =>
  ({ kind: 'Node', metadata: { name }, spec: {}, status: { allocatable: { cpu, memory: '8Gi', pods: '110' } } }) as unknown as Node

const pod = (uid: string, nodeName: string | undefined, cpu: string, phase = 'Running'): Pod =>
  ({
    kind: 'Pod',
    metadata: { name: uid, namespace: 'default', uid },
    spec: { nodeName, containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu, memory: '64Mi' } } }] },
    status: { phase },
  }) as unknown as Pod

/** What a plugin can see of a snapshot, with each node's pods in a stable order. */
const view = (infos: readonly NodeInfo[]) =>
  infos.map((i) => ({
    node: i.node,
    pods: i.pods.map((p) => p.metadata.uid).sort(),
    requested: i.requested,
    nonZeroRequested: i.nonZeroRequested,
    allocatable: i.allocatable,
  }))

describe('the scheduler cache', () => {
  it('equals a snapshot rebuilt from scratch after any seeded series of pod and node events', () => {
    for (const seed of [1, 2, 3]) {
      const rng = new SeededRandom(seed)
      const cache = new SchedulerCache()
      const nodes = new Map<string, Node>()
      const pods = new Map<string, Pod>()
      const nodeNames = ['n-a', 'n-b', 'n-c', 'n-d', 'n-e']
      for (let step = 0; step < 2_000; step++) {
        const roll = rng.int(100)
        const name = nodeNames[rng.int(nodeNames.length)]
        if (roll < 8) {
          // A node appears, changes size, or goes (its pods stay bound to its name).
          if (nodes.has(name) && rng.int(2) === 0) {
            cache.onNode(nodes.get(name)!, true)
            nodes.delete(name)
          } else {
            const n = node(name, String(2 + rng.int(6)))
            nodes.set(name, n)
            cache.onNode(n, false)
          }
        } else {
          const uid = `p-${rng.int(60)}`
          const before = pods.get(uid)
          if (before && roll < 30) {
            cache.onPod(before, true)
            pods.delete(uid)
          } else if (before && roll < 45) {
            // A status change: same spec, new object; sometimes it finishes.
            const after = { ...before, status: { phase: rng.int(4) === 0 ? 'Succeeded' : 'Running' } } as Pod
            pods.set(uid, after)
            cache.onPod(after, false)
          } else if (before && roll < 60 && !before.spec.nodeName) {
            // The scheduler assumes it on a node, then binds it there.
            cache.assume(before, name)
            if (rng.int(3) === 0) cache.forget(uid)
            else {
              const bound = { ...before, spec: { ...before.spec, nodeName: name } } as Pod
              pods.set(uid, bound)
              cache.onPod(bound, false)
            }
          } else if (!before) {
            const created = pod(uid, rng.int(2) === 0 ? undefined : name, `${100 * (1 + rng.int(5))}m`)
            pods.set(uid, created)
            cache.onPod(created, false)
          }
        }
        const sortedNodes = [...nodes.values()].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))
        expect(view(cache.nodeInfos())).toEqual(view(buildNodeInfos(sortedNodes, [...pods.values()])))
      }
    }
  })

  it('follows a cluster as it scales, identical to a rebuild from the store', () => {
    const sim = newSim({ workers: 3 })
    apply(sim, deploymentYaml('web', 12, 'nginx:1.27', '        resources:\n          requests: {cpu: 100m, memory: 64Mi}\n'))
    sim.advance(30_000)
    apply(sim, deploymentYaml('web', 4, 'nginx:1.27', '        resources:\n          requests: {cpu: 100m, memory: 64Mi}\n'))
    sim.advance(60_000)
    const rebuilt = buildNodeInfos(sim.store.list<Node>('Node'), sim.store.list<Pod>('Pod'))
    expect(view(sim.scheduler.cache.nodeInfos())).toEqual(view(rebuilt))
    expect(rebuilt.reduce((n, i) => n + i.pods.length, 0)).toBeGreaterThan(4)
  })
})

describe('numFeasibleNodesToFind', () => {
  it('looks at every node below 100, then 50% − nodes/125 (at least 5%, at least 100 nodes)', () => {
    expect(numFeasibleNodesToFind(0)).toBe(0)
    expect(numFeasibleNodesToFind(99)).toBe(99)
    expect(numFeasibleNodesToFind(100)).toBe(100) // 49% of 100 is 49: at least 100
    expect(numFeasibleNodesToFind(250)).toBe(120) // 48%
    expect(numFeasibleNodesToFind(500)).toBe(230) // 46%
    expect(numFeasibleNodesToFind(1_000)).toBe(420) // 42%
    expect(numFeasibleNodesToFind(5_000)).toBe(500) // 10%
    expect(numFeasibleNodesToFind(5_001)).toBe(500) // 10% of 5,001, truncated
    expect(numFeasibleNodesToFind(6_000)).toBe(300) // 2% → at least 5%
    expect(numFeasibleNodesToFind(15_000)).toBe(750)
    expect(numFeasibleNodesToFind(1_000, 100)).toBe(1_000)
    expect(numFeasibleNodesToFind(1_000, 1)).toBe(100)
  })
})
