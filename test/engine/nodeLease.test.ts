import { describe, expect, it } from 'vitest'
import type { KubeEvent, Node, Pod, Taint } from '../../src/engine/api/types.ts'
import type { Lease } from '../../src/engine/kinds/lease.ts'
import type { Simulation } from '../../src/engine/simulation.ts'
import { apply, deploymentYaml, kubectl, newSim, podYaml, pods } from '../helpers.ts'

const lease = (sim: Simulation, node: string) => sim.store.get<Lease>('Lease', 'kube-node-lease', node)
const node = (sim: Simulation, name: string) => sim.store.get<Node>('Node', undefined, name)!
const ready = (sim: Simulation, name: string) => node(sim, name).status.conditions.find((c) => c.type === 'Ready')!
/** The events of the test's pods and of nodes (both in default), not of kube-system's CoreDNS pods. */
const events = (sim: Simulation, reason: string) =>
  sim.store.list<KubeEvent>('Event', 'default').filter((e) => e.reason === reason).map((e) => `${e.involvedObject.name}: ${e.message}`)

function setTaints(sim: Simulation, nodeName: string, taints: Taint[]): void {
  sim.ctx.api.mutate<Node>('Node', undefined, nodeName, (n) => {
    n.spec.taints = taints
  })
  sim.settle()
}

describe('node leases', () => {
  it('each kubelet registers a Lease named after its node and renews it every 10s', () => {
    const sim = newSim({ workers: 2 })
    expect(kubectl(sim, 'get leases -n kube-node-lease')).toBe(
      ['NAME            HOLDER          AGE', 'control-plane   control-plane   0s', 'worker-1        worker-1        0s', 'worker-2        worker-2        0s', ''].join('\n'),
    )
    const first = lease(sim, 'worker-1')!
    expect(first.spec).toEqual({ holderIdentity: 'worker-1', leaseDurationSeconds: 40, renewTime: '2026-01-05T09:00:00.000000Z' })
    expect(first.metadata.generation).toBeUndefined() // renewals do not count as spec changes
    expect(first.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: 'worker-1', uid: node(sim, 'worker-1').metadata.uid }])
    sim.advance(25_000)
    expect(lease(sim, 'worker-1')!.spec.renewTime).toBe('2026-01-05T09:00:20.000000Z')
    expect(kubectl(sim, 'describe node worker-1')).toContain(
      'Lease:\n  HolderIdentity:  worker-1\n  AcquireTime:     <unset>\n  RenewTime:       Mon, 05 Jan 2026 09:00:20 +0000\n',
    )
  })

  it('an idle cluster writes nothing but lease renewals: one per node every 10s', () => {
    const sim = newSim({ workers: 3 })
    apply(sim, deploymentYaml('web', 3))
    sim.advance(60_000)
    const writes: string[] = []
    sim.store.watch((type, obj) => writes.push(`${type} ${obj.kind}`))
    const pending = sim.ctx.queue.size
    sim.advance(10 * 60_000)
    expect(new Set(writes)).toEqual(new Set(['MODIFIED Lease']))
    expect(writes).toHaveLength(4 * 60)
    // One renewal timer per kubelet and one health check per node, and CoreDNS's two pods' probes (liveness, readiness), no more.
    expect(sim.ctx.queue.size).toBe(pending)
    expect(sim.ctx.queue.size).toBeLessThanOrEqual(2 * 4 + 1 + 2 * 2)
  })

  it('a silent kubelet is noticed after the 50s grace period: Unknown conditions, unreachable taints, pods not ready', () => {
    const sim = newSim({ workers: 2 })
    apply(sim, deploymentYaml('web', 2))
    sim.advance(35_000) // the last renewal is at 30s
    const onNode = pods(sim).find((p) => p.spec.nodeName === 'worker-1')!
    sim.nodeDown('worker-1')
    sim.advance(44_999)
    expect(ready(sim, 'worker-1').status).toBe('True')
    expect(node(sim, 'worker-1').spec.taints).toBeUndefined()
    sim.advance(1) // 80s = 30s + 50s
    expect(lease(sim, 'worker-1')!.spec.renewTime).toBe('2026-01-05T09:00:30.000000Z')
    expect(ready(sim, 'worker-1')).toMatchObject({
      status: 'Unknown',
      reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.',
      lastHeartbeatTime: '2026-01-05T09:00:30Z',
      lastTransitionTime: '2026-01-05T09:01:20Z',
    })
    expect(node(sim, 'worker-1').spec.taints).toEqual([
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: '2026-01-05T09:01:20Z' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: '2026-01-05T09:01:20Z' },
    ])
    const pod = sim.store.get<Pod>('Pod', 'default', onNode.metadata.name)!
    expect(pod.status.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False')
    expect(events(sim, 'NodeNotReady').sort()).toEqual([`${pod.metadata.name}: Node is not ready`, 'worker-1: Node worker-1 status is now: NodeNotReady'].sort())
    expect(ready(sim, 'worker-2').status).toBe('True')
  })

  it('a kubelet back in time is never NotReady; one back later renews at once, posts Ready, and the taints come off', () => {
    const sim = newSim({ workers: 2 })
    sim.advance(30_000)
    sim.nodeDown('worker-1')
    sim.advance(40_000)
    sim.nodeUp('worker-1')
    expect(lease(sim, 'worker-1')!.spec.renewTime).toBe('2026-01-05T09:01:10.000000Z')
    sim.advance(60_000)
    expect(ready(sim, 'worker-1').status).toBe('True')
    expect(events(sim, 'NodeNotReady')).toEqual([])

    sim.nodeDown('worker-1')
    sim.advance(120_000)
    expect(kubectl(sim, 'get node worker-1')).toMatch(/worker-1\s+NotReady/)
    sim.nodeUp('worker-1')
    expect(ready(sim, 'worker-1')).toMatchObject({ status: 'True', reason: 'KubeletReady', lastTransitionTime: sim.ctx.clock.rfc3339() })
    expect(node(sim, 'worker-1').spec.taints).toBeUndefined()
    expect(events(sim, 'NodeReady')).toEqual(['worker-1: Node worker-1 status is now: NodeReady'])
    // And it is watched again: a second outage is noticed as the first was.
    sim.nodeDown('worker-1')
    sim.advance(60_000)
    expect(ready(sim, 'worker-1').status).toBe('Unknown')
  })

  it('deleting a Node collects its Lease', () => {
    const sim = newSim({ workers: 2 })
    kubectl(sim, 'delete node worker-2')
    sim.settle()
    expect(lease(sim, 'worker-2')).toBeUndefined()
    sim.advance(30_000)
    expect(lease(sim, 'worker-2')).toBeUndefined()
    expect(lease(sim, 'worker-1')).toBeDefined()
  })
})

describe('taint eviction', () => {
  const tolerating = (name: string, seconds?: number) =>
    podYaml(
      name,
      'nginx:1.27',
      `  nodeName: worker-1\n  tolerations:\n  - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute${seconds === undefined ? '' : `, tolerationSeconds: ${seconds}`}}\n`,
    )
  const gone = (sim: Simulation, name: string) => {
    const pod = sim.store.get<Pod>('Pod', 'default', name)
    return !pod || !!pod.metadata.deletionTimestamp
  }

  it('deletes a pod when its tolerationSeconds for the unreachable taint run out, and never one that tolerates it forever', () => {
    const sim = newSim({ workers: 2 })
    apply(sim, [tolerating('short', 60), tolerating('forever'), podYaml('default-300s', 'nginx:1.27', '  nodeName: worker-1\n')].join('---\n'))
    sim.advance(30_000)
    sim.nodeDown('worker-1')
    sim.advance(50_000) // tainted at 80s
    expect(node(sim, 'worker-1').spec.taints?.some((t) => t.effect === 'NoExecute')).toBe(true)
    sim.advance(59_999)
    expect(gone(sim, 'short')).toBe(false)
    sim.advance(1)
    expect(gone(sim, 'short')).toBe(true)
    const short = sim.store.get<Pod>('Pod', 'default', 'short')!
    expect(short.status.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'DeletionByTaintManager',
      message: 'Taint manager: deleting due to NoExecute taint',
    })
    expect(events(sim, 'TaintManagerEviction')).toEqual(['short: Marking for deletion Pod default/short'])
    sim.advance(239_999)
    expect(gone(sim, 'default-300s')).toBe(false)
    sim.advance(1)
    expect(gone(sim, 'default-300s')).toBe(true)
    sim.advance(3_600_000)
    expect(gone(sim, 'forever')).toBe(false)
  })

  const maintenance = (name: string, seconds: number, more = '') =>
    podYaml(name, 'nginx:1.27', `  nodeName: worker-1\n  tolerations:\n  - {key: maintenance, operator: Exists, effect: NoExecute, tolerationSeconds: ${seconds}}\n${more}`)

  it('evicts at once for a NoExecute taint the pod does not tolerate, and cancels a pending eviction when the taint goes', () => {
    const sim = newSim({ workers: 2 })
    apply(sim, [maintenance('waits', 120), podYaml('plain', 'nginx:1.27', '  nodeName: worker-2\n')].join('---\n'))
    sim.advance(10_000)
    setTaints(sim, 'worker-1', [{ key: 'maintenance', effect: 'NoExecute' }])
    sim.advance(60_000)
    expect(gone(sim, 'waits')).toBe(false)
    setTaints(sim, 'worker-1', [])
    expect(events(sim, 'TaintManagerEviction')).toEqual(['waits: Cancelling deletion of Pod default/waits'])
    sim.advance(120_000)
    expect(gone(sim, 'waits')).toBe(false)

    setTaints(sim, 'worker-2', [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }])
    expect(gone(sim, 'plain')).toBe(true)
    expect(events(sim, 'TaintManagerEviction')).toContain('plain: Marking for deletion Pod default/plain')
  })

  it('counts tolerationSeconds from when the taint was first seen; the shortest matching toleration wins', () => {
    const sim = newSim({ workers: 2 })
    apply(sim, maintenance('waits', 100, '  - {key: upgrade, operator: Exists, effect: NoExecute, tolerationSeconds: 3600}\n'))
    sim.advance(10_000)
    const taint: Taint = { key: 'maintenance', effect: 'NoExecute' }
    setTaints(sim, 'worker-1', [taint])
    sim.advance(50_000)
    // Another NoExecute taint, tolerated for longer, neither restarts the clock nor extends it.
    setTaints(sim, 'worker-1', [taint, { key: 'upgrade', effect: 'NoExecute' }])
    sim.advance(49_999)
    expect(gone(sim, 'waits')).toBe(false)
    sim.advance(1)
    expect(gone(sim, 'waits')).toBe(true)
  })
})
