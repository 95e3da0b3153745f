import { describe, expect, it } from 'vitest'
import type { Node, Pod } from '../../src/engine/api/types.ts'
import { apply, kubectl, newSim } from '../helpers.ts'

const loner = (name: string, node: string, extra = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  nodeName: ${node}\n  terminationGracePeriodSeconds: 10\n  containers:\n  - {name: c, image: busybox, command: [sleep, "3600"]}\n${extra}`

describe('kubectl drain', () => {
  it('cordons, then lists every pod that blocks it, grouped by reason', () => {
    const sim = newSim({ workers: 2 })
    apply(sim, loner('a', 'worker-1'))
    apply(sim, loner('b', 'worker-1', '  volumes:\n  - {name: v, emptyDir: {}}\n'))
    sim.advance(5_000)
    expect(kubectl(sim, 'drain worker-1')).toBe(`node/worker-1 cordoned
error: unable to drain node "worker-1" due to error: [cannot delete Pods that declare no controller (use --force to override): default/a, cannot delete Pods with local storage (use --delete-emptydir-data to override): default/b], continuing command...
There are pending nodes to be drained:
 worker-1
cannot delete Pods that declare no controller (use --force to override): default/a
cannot delete Pods with local storage (use --delete-emptydir-data to override): default/b
`)
    apply(sim, loner('c', 'worker-1'))
    expect(kubectl(sim, 'drain worker-1 --pod-selector=app=none')).toBe('node/worker-1 already cordoned\nnode/worker-1 drained\n')
    expect(sim.store.get<Node>('Node', undefined, 'worker-1')!.spec.unschedulable).toBe(true)
  })

  it('evicts with --force and waits out the grace period, printing as each pod goes', () => {
    const sim = newSim({ workers: 2 })
    apply(sim, loner('a', 'worker-1'))
    sim.advance(5_000)
    const start = sim.now
    expect(kubectl(sim, 'drain worker-1 --force')).toBe(`node/worker-1 cordoned
Warning: deleting Pods that declare no controller: default/a
evicting pod default/a
pod/a evicted
node/worker-1 drained
`)
    // `sleep` ignores SIGTERM: the pod lasts its 10 s grace period.
    expect(sim.now - start).toBeGreaterThanOrEqual(10_000)
    expect(sim.store.get<Pod>('Pod', 'default', 'a')).toBeUndefined()
  })

  it('gives up after --timeout with the pods still pending', () => {
    const sim = newSim({ workers: 2 })
    apply(sim, loner('a', 'worker-1'))
    sim.advance(5_000)
    expect(kubectl(sim, 'drain worker-1 --force --timeout=3s')).toBe(`node/worker-1 cordoned
Warning: deleting Pods that declare no controller: default/a
evicting pod default/a
There are pending pods in node "worker-1" when an error occurred: error when waiting for pod "a" in namespace "default" to terminate: context deadline exceeded
pod/a
error: unable to drain node "worker-1" due to error: error when waiting for pod "a" in namespace "default" to terminate: context deadline exceeded, continuing command...
There are pending nodes to be drained:
 worker-1
error: error when waiting for pod "a" in namespace "default" to terminate: context deadline exceeded
`)
  })

  it('--grace-period shortens the wait; --disable-eviction deletes instead', () => {
    // Without CoreDNS, so that the workers hold only the test's pods.
    const sim = newSim({ workers: 2, coreDns: false })
    apply(sim, loner('a', 'worker-1'))
    apply(sim, loner('b', 'worker-2'))
    sim.advance(5_000)
    const start = sim.now
    expect(kubectl(sim, 'drain worker-1 --force --grace-period=1')).toContain('pod/a evicted\nnode/worker-1 drained\n')
    expect(sim.now - start).toBeLessThan(3_000)
    expect(kubectl(sim, 'drain worker-2 --force --disable-eviction --grace-period=0')).toBe(
      'node/worker-2 cordoned\nWarning: deleting Pods that declare no controller: default/b\npod/b deleted\nnode/worker-2 drained\n',
    )
  })

  it("refuses bad arguments with kubectl's words", () => {
    const sim = newSim()
    expect(kubectl(sim, 'drain')).toBe("error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples\n")
    expect(kubectl(sim, 'drain ghost')).toBe('Error from server (NotFound): nodes "ghost" not found\n')
    expect(kubectl(sim, 'drain worker-1 -l a=b')).toBe("error: cannot specify both a node name and a --selector option\nSee 'kubectl drain -h' for help and examples\n")
    expect(kubectl(sim, 'drain worker-1 --pod-selector=a=(')).toBe('error: --pod-selector=<pod_selector> must be a valid label selector\n')
    expect(kubectl(sim, 'drain worker-1 --timeout=5')).toBe('error: invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"\nSee \'kubectl drain --help\' for usage.\n')
  })
})
