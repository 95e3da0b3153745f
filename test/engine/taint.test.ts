import { describe, expect, it } from 'vitest'
import type { Node, Pod } from '../../src/engine/api/types.ts'
import { apply, kubectl, newSim, pods, podYaml } from '../helpers.ts'

const taintsOf = (sim: ReturnType<typeof newSim>, name: string) => sim.store.get<Node>('Node', undefined, name)!.spec.taints

describe('kubectl taint', () => {
  it('adds, refuses a second taint of the same key and effect, overwrites and removes, as kubectl says', () => {
    const sim = newSim({ workers: 2 })
    expect(kubectl(sim, 'taint nodes worker-1 dedicated=gpu:NoSchedule')).toBe('node/worker-1 tainted\n')
    expect(taintsOf(sim, 'worker-1')).toEqual([{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }])
    expect(kubectl(sim, 'taint nodes worker-1 dedicated=cpu:NoSchedule')).toBe(
      'error: node worker-1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n',
    )
    expect(kubectl(sim, 'taint nodes worker-1 dedicated=cpu:NoSchedule --overwrite')).toBe('node/worker-1 modified\n')
    expect(kubectl(sim, 'taint nodes worker-1 spot:PreferNoSchedule')).toBe('node/worker-1 tainted\n')
    // New taints go first, as kubectl's reorganizeTaints orders them.
    expect(taintsOf(sim, 'worker-1')!.map((t) => t.key)).toEqual(['spot', 'dedicated'])
    expect(kubectl(sim, 'taint nodes worker-1 dedicated:NoSchedule-')).toBe('node/worker-1 untainted\n')
    expect(kubectl(sim, 'taint nodes worker-1 spot-')).toBe('node/worker-1 untainted\n')
    expect(taintsOf(sim, 'worker-1')).toBeUndefined()
    expect(kubectl(sim, 'taint nodes worker-1 spot-')).toBe('error: taint "spot" not found\n')
    expect(kubectl(sim, 'taint nodes worker-1 a:NoSchedule b:NoExecute-')).toBe('error: taint "b:NoExecute" not found\n')
  })

  it('visits nodes by -l and --all, and prints -o name and --dry-run', () => {
    const sim = newSim({ workers: 2 })
    expect(kubectl(sim, 'taint nodes --all x=y:NoSchedule --dry-run=client')).toBe(
      'node/control-plane tainted (dry run)\nnode/worker-1 tainted (dry run)\nnode/worker-2 tainted (dry run)\n',
    )
    expect(taintsOf(sim, 'worker-1')).toBeUndefined()
    expect(kubectl(sim, 'taint nodes -l node-role.kubernetes.io/control-plane x=y:NoSchedule -o name')).toBe('node/control-plane\n')
    expect(kubectl(sim, 'taint nodes worker-1 worker-2 nope k:NoSchedule')).toBe('node/worker-1 tainted\nnode/worker-2 tainted\nError from server (NotFound): nodes "nope" not found\n')
  })

  it("refuses bad taint specs with kubectl's messages", () => {
    const sim = newSim({ workers: 1 })
    const see = "\nSee 'kubectl taint -h' for help and examples\n"
    expect(kubectl(sim, 'taint nodes worker-1 k=v:Sometimes')).toBe('error: invalid taint effect: Sometimes, unsupported taint effect' + see)
    expect(kubectl(sim, 'taint nodes worker-1 a=b=c:NoSchedule')).toBe('error: invalid taint spec: a=b=c:NoSchedule' + see)
    expect(kubectl(sim, 'taint nodes worker-1 a:b:c')).toBe('error: invalid taint spec: a:b:c' + see)
    expect(kubectl(sim, 'taint nodes worker-1 k:NoSchedule k:NoSchedule')).toBe('error: duplicated taints with the same key and effect: {k  NoSchedule <nil>}' + see)
    expect(kubectl(sim, 'taint nodes worker-1 k=v')).toContain('error: invalid taint spec: k=v, name part must consist of alphanumeric characters')
    expect(kubectl(sim, 'taint nodes worker-1 k:NoSchedule k-')).toBe('error: can not both modify and remove the following taint(s) in the same command: k=\n')
    expect(kubectl(sim, 'taint nodes worker-1 k:NoSchedule extra')).toBe('error: all resources must be specified before taint changes: extra\n')
    expect(kubectl(sim, 'taint nodes k:NoSchedule')).toBe("error: at least one resource name must be specified since 'all' parameter is not set\n")
    expect(kubectl(sim, 'taint nodes worker-1')).toBe('error: at least one taint update is required\n')
    expect(kubectl(sim, 'taint')).toBe('error: one or more resources must be specified as <resource> <name>\n')
    expect(kubectl(sim, 'taint pods web k:NoSchedule')).toBe('error: invalid resource type pods, only node types are supported\n')
    expect(kubectl(sim, 'taint nodes --all -l a=b k:NoSchedule')).toBe("error: setting 'all' parameter with a non empty selector is prohibited\n")
  })

  it('NoSchedule keeps new pods off the node; removing it lets them schedule', () => {
    const sim = newSim({ workers: 1, controlPlane: false })
    kubectl(sim, 'taint nodes worker-1 dedicated=gpu:NoSchedule')
    apply(sim, podYaml('web', 'nginx:1.27'))
    sim.advance(10_000)
    expect(sim.store.get<Pod>('Pod', 'default', 'web')!.spec.nodeName).toBeUndefined()
    expect(kubectl(sim, 'get events --field-selector reason=FailedScheduling -o name')).not.toBe('')
    kubectl(sim, 'taint nodes worker-1 dedicated-')
    sim.advance(30_000)
    expect(sim.store.get<Pod>('Pod', 'default', 'web')!.spec.nodeName).toBe('worker-1')
  })

  it('NoExecute evicts running pods that do not tolerate it, through the taint eviction controller', () => {
    const sim = newSim({ workers: 1, controlPlane: false })
    apply(sim, podYaml('web', 'nginx:1.27'))
    apply(
      sim,
      podYaml('tolerant', 'nginx:1.27', '  tolerations:\n  - {key: maintenance, operator: Exists, effect: NoExecute}\n'),
    )
    sim.advance(10_000)
    expect(pods(sim).map((p) => p.status.phase)).toEqual(['Running', 'Running'])
    expect(kubectl(sim, 'taint nodes worker-1 maintenance=now:NoExecute')).toBe('node/worker-1 tainted\n')
    sim.advance(60_000)
    expect(pods(sim).map((p) => p.metadata.name)).toEqual(['tolerant'])
  })
})
