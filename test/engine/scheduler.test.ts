import { describe, expect, it } from 'vitest'
import type { KubeEvent, Node } from '../../src/engine/api/types.ts'
import { apply, deploymentYaml, kubectl, newSim, pods, podYaml } from '../helpers.ts'

const failedScheduling = (sim: ReturnType<typeof newSim>) =>
  sim.store.list<KubeEvent>('Event').filter((e) => e.reason === 'FailedScheduling').map((e) => e.message)

describe('scheduler', () => {
  it('keeps a pod that fits nowhere Pending with kube-scheduler\'s message', () => {
    const sim = newSim({ workers: 2, cpu: '4', memory: '8Gi' })
    apply(sim, podYaml('big', 'nginx:1.27', '    resources:\n      requests:\n        cpu: "16"\n'))
    sim.advance(10_000)
    expect(pods(sim)[0].status.phase).toBe('Pending')
    expect(failedScheduling(sim)).toEqual([
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    ])
    const scheduled = pods(sim)[0].status.conditions?.find((c) => c.type === 'PodScheduled')
    expect(scheduled).toMatchObject({ status: 'False', reason: 'Unschedulable' })
  })

  it('counts memory and cpu shortfalls and cordoned nodes separately', () => {
    const sim = newSim({ workers: 3, cpu: '2', memory: '1Gi' })
    expect(kubectl(sim, 'cordon worker-3')).toBe('node/worker-3 cordoned\n')
    expect(sim.store.get<Node>('Node', undefined, 'worker-3')!.spec.unschedulable).toBe(true)
    apply(sim, podYaml('hungry', 'nginx:1.27', '    resources:\n      requests:\n        cpu: "3"\n        memory: 2Gi\n'))
    sim.advance(1000)
    expect(failedScheduling(sim)[0]).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) were unschedulable, 2 Insufficient cpu, 2 Insufficient memory. preemption: 0/4 nodes are available: 2 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.',
    )
  })

  it('schedules a pending pod once room appears', () => {
    const sim = newSim({ workers: 1, cpu: '2', memory: '4Gi' })
    apply(sim, podYaml('a', 'nginx:1.27', '    resources:\n      requests:\n        cpu: "1500m"\n'))
    apply(sim, podYaml('b', 'nginx:1.27', '    resources:\n      requests:\n        cpu: "1"\n'))
    sim.advance(5000)
    expect(pods(sim).find((p) => p.metadata.name === 'b')!.spec.nodeName).toBeUndefined()
    kubectl(sim, 'delete pod a')
    sim.advance(5000)
    expect(pods(sim).map((p) => [p.metadata.name, p.spec.nodeName])).toEqual([['b', 'worker-1']])
  })

  it('spreads replicas over the least allocated nodes and never onto the tainted control plane', () => {
    const sim = newSim()
    apply(sim, deploymentYaml('web', 6))
    sim.advance(30_000)
    const perNode = new Map<string, number>()
    for (const p of pods(sim)) perNode.set(p.spec.nodeName!, (perNode.get(p.spec.nodeName!) ?? 0) + 1)
    expect([...perNode.entries()].sort()).toEqual([
      ['worker-1', 2],
      ['worker-2', 2],
      ['worker-3', 2],
    ])
  })

  it('records why each node was rejected or how it scored', () => {
    const sim = newSim({ workers: 2 })
    apply(sim, podYaml('p', 'nginx:1.27', '  nodeSelector:\n    disk: ssd\n'))
    sim.advance(1000)
    const decision = sim.scheduler.decisions.get(sim.store.get('Pod', 'default', 'p')!.metadata.uid)!
    expect(decision.chosen).toBeUndefined()
    expect(decision.nodes.map((n) => [n.node, n.rejectedBy])).toEqual([
      ['control-plane', 'TaintToleration'],
      ['worker-1', 'NodeAffinity'],
      ['worker-2', 'NodeAffinity'],
    ])
  })
  it('reads matchFields metadata.name from the node\'s name, and matchExpressions only from its labels', () => {
    const sim = newSim()
    const affinity = (kind: string) => `  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - ${kind}:
          - {key: metadata.name, operator: In, values: [worker-2]}
`
    apply(sim, podYaml('by-field', 'nginx:1.27', affinity('matchFields')))
    apply(sim, podYaml('by-label', 'nginx:1.27', affinity('matchExpressions')))
    sim.advance(5000)
    expect(pods(sim).map((p) => [p.metadata.name, p.spec.nodeName])).toEqual([
      ['by-field', 'worker-2'],
      ['by-label', undefined],
    ])
  })
})
