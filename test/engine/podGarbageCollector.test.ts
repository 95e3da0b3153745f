import { describe, expect, it } from 'vitest'
import type { Pod } from '../../src/engine/api/types.ts'
import { apply, kubectl, newSim, podYaml, pods } from '../helpers.ts'

describe('the pod garbage collector', () => {
  it('deletes a pod bound to a node that does not exist, after the 40s quarantine', () => {
    const sim = newSim({ workers: 1 })
    const seen: Pod[] = []
    sim.store.watch((type, obj) => {
      if (obj.kind === 'Pod' && type === 'DELETED') seen.push(obj as Pod)
    })
    apply(sim, podYaml('lost', 'nginx:1.27') + '  nodeName: foo-node\n')
    sim.advance(39_000)
    expect(kubectl(sim, 'get pods --no-headers')).toMatch(/^lost\s+0\/1\s+Pending/)
    sim.advance(2_000)
    expect(pods(sim)).toEqual([])
    expect(seen[0].status.phase).toBe('Failed')
    expect(seen[0].status.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({ reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' })
  })

  it('collects the pods of a deleted node', () => {
    const sim = newSim({ workers: 2 })
    apply(sim, podYaml('a', 'nginx:1.27') + '  nodeName: worker-1\n')
    apply(sim, podYaml('b', 'nginx:1.27') + '  nodeName: worker-2\n')
    sim.advance(5_000)
    expect(kubectl(sim, 'delete node worker-1')).toBe('node "worker-1" deleted\n')
    sim.advance(41_000)
    expect(pods(sim).map((p) => p.metadata.name)).toEqual(['b'])
  })
})
