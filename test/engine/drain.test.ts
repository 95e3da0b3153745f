import { describe, expect, it } from 'vitest'
import type { Node, Pod } from '../../src/engine/api/types.ts'
import { apply, kubectl, kubectlShell, newSim } from '../helpers.ts'

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

describe('kubectl drain with a PodDisruptionBudget', () => {
  // Three ready replicas, all on worker-1 (worker-2 cordoned meanwhile), and a budget.
  function pinned(minAvailable: number, roomElsewhere = false) {
    const sim = newSim({ workers: 2, coreDns: false })
    kubectl(sim, 'cordon worker-2')
    apply(sim, `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: nginx:1.27}]
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web}
spec:
  minAvailable: ${minAvailable}
  selector: {matchLabels: {app: web}}
`)
    sim.advance(30_000)
    if (roomElsewhere) kubectl(sim, 'uncordon worker-2')
    const names = sim.store.list<Pod>('Pod', 'default').map((p) => p.metadata.name).sort()
    return { sim, names }
  }
  const refused = (name: string) => `error when evicting pods/"${name}" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.`

  it('retries a refused eviction every 5 s until --timeout, then lists what is left', () => {
    const { sim, names } = pinned(2)
    const [a, b, c] = names
    const start = sim.now
    expect(kubectl(sim, 'drain worker-1 --timeout=7s')).toBe(
      [
        'node/worker-1 cordoned',
        `evicting pod default/${a}`,
        `evicting pod default/${b}`,
        refused(b),
        `evicting pod default/${c}`,
        refused(c),
        `pod/${a} evicted`,
        `evicting pod default/${b}`,
        refused(b),
        `evicting pod default/${c}`,
        refused(c),
        `evicting pod default/${b}`,
        `evicting pod default/${c}`,
        `There are pending pods in node "worker-1" when an error occurred: [error when evicting pods/"${b}" -n "default": global timeout reached: 7s, error when evicting pods/"${c}" -n "default": global timeout reached: 7s]`,
        `pod/${b}`,
        `pod/${c}`,
        `error: unable to drain node "worker-1" due to error: [error when evicting pods/"${b}" -n "default": global timeout reached: 7s, error when evicting pods/"${c}" -n "default": global timeout reached: 7s], continuing command...`,
        'There are pending nodes to be drained:',
        ' worker-1',
        `error: [error when evicting pods/"${b}" -n "default": global timeout reached: 7s, error when evicting pods/"${c}" -n "default": global timeout reached: 7s]`,
        '',
      ].join('\n'),
    )
    expect(sim.now - start).toBe(10_000)
  })

  it('goes on once the budget allows: the replacement elsewhere gets ready', () => {
    const { sim, names } = pinned(2, true)
    const out = kubectl(sim, 'drain worker-1')
    for (const n of names) expect(out).toContain(`pod/${n} evicted\n`)
    expect(out).toContain(refused(names[1]))
    expect(out.endsWith('node/worker-1 drained\n')).toBe(true)
  })

  it('makes one attempt in the app, where time does not run during a command', () => {
    const { sim, names } = pinned(2)
    expect(kubectlShell(sim, 'drain worker-1', { waitAdvancesTime: false })).toBe(
      [
        'node/worker-1 cordoned',
        `evicting pod default/${names[0]}`,
        `evicting pod default/${names[1]}`,
        refused(names[1]),
        `evicting pod default/${names[2]}`,
        refused(names[2]),
        "kubesim: 2 eviction(s) refused for now; kubectl drain would retry every 5s, so run it again once the budget allows",
        '',
      ].join('\n'),
    )
  })

  it('without --timeout, a script stops retrying after 10 simulated minutes and says so', () => {
    const { sim, names } = pinned(3)
    const start = sim.now
    const lines = kubectl(sim, 'drain worker-1').trimEnd().split('\n')
    expect(sim.now - start).toBe(600_000)
    // Attempts at 0 s, 5 s, … 600 s: 121 for each pod, each refused.
    expect(lines.filter((l) => l === refused(names[0]))).toHaveLength(121)
    expect(lines.at(-1)).toBe('kubesim: stopped retrying after 10m0s; kubectl drain without --timeout retries for ever')
    expect(sim.store.list<Pod>('Pod', 'default').every((p) => !p.metadata.deletionTimestamp)).toBe(true)
  })

  it('deletes regardless of the budget with --disable-eviction', () => {
    const { sim, names } = pinned(3)
    const out = kubectl(sim, 'drain worker-1 --disable-eviction')
    for (const n of names) expect(out).toContain(`pod/${n} deleted\n`)
    expect(out.endsWith('node/worker-1 drained\n')).toBe(true)
  })
})
