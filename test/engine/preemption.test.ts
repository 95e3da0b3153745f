import { describe, expect, it } from 'vitest'
import type { KubeEvent, Node, Pod } from '../../src/engine/api/types.ts'
import type { PodDisruptionBudget } from '../../src/engine/controllers/disruptionController.ts'
import { buildNodeInfos } from '../../src/engine/scheduler/nodeInfo.ts'
import { nodeResourcesFitFilter } from '../../src/engine/scheduler/plugins/nodeResourcesFit.ts'
import { pickCandidate, selectVictimsOnNode, splitByPdbViolation, type PreemptionCandidate } from '../../src/engine/scheduler/preemption.ts'
import { apply, kubectl, newSim } from '../helpers.ts'

const pod = (name: string, priority: number, cpu: string, startTime = 'start', labels?: Record<string, string>): Pod =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: name, resourceVersion: '1', creationTimestamp: '', labels },
    spec: { nodeName: 'n1', priority, containers: [{ name: 'c', image: 'x', resources: { requests: { cpu } } }] },
    status: { phase: 'Running', startTime: startTime === 'start' ? '2026-01-05T09:00:00Z' : startTime },
  }) as Pod

const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', uid: 'n1', resourceVersion: '1', creationTimestamp: '' }, spec: {}, status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' }, conditions: [] } } as unknown as Node
const fits = (p: Pod, info: Parameters<typeof nodeResourcesFitFilter.filter>[1]) => nodeResourcesFitFilter.filter(p, info, undefined as never, undefined as never)
const pdb = (allowed: number, app: string): PodDisruptionBudget =>
  ({ kind: 'PodDisruptionBudget', metadata: { name: app, namespace: 'default' }, spec: { selector: { matchLabels: { app } } }, status: { disruptionsAllowed: allowed } }) as unknown as PodDisruptionBudget

describe('DefaultPreemption', () => {
  it('removes all lower-priority pods, then reprieves the most important ones that still let the pod fit', () => {
    const onNode = [pod('a', 10, '1'), pod('b', 50, '1'), pod('c', 30, '1'), pod('d', 200, '1')]
    const [info] = buildNodeInfos([node], onNode)
    const result = selectVictimsOnNode(pod('p', 100, '2'), info, [], fits, 0)
    // d (200) stays; 4 cpu - d - the pod leaves room for one of a, b, c: b, the most important, is reprieved.
    expect('victims' in result && result.victims.map((v) => v.metadata.name)).toEqual(['c', 'a'])
    expect(selectVictimsOnNode(pod('p', 5, '2'), info, [], fits, 0)).toEqual({ failure: { reasons: ['No preemption victims found for incoming pod'], unresolvable: true } })
    // Even with every lower-priority pod gone the pod does not fit: the filter's reason.
    expect(selectVictimsOnNode(pod('p', 100, '4'), info, [], fits, 0)).toEqual({ failure: { reasons: ['Insufficient cpu'], unresolvable: false } })
  })

  it('counts victims whose PodDisruptionBudget would go below zero, and tries to spare them first', () => {
    const onNode = [pod('a', 10, '2', 'start', { app: 'x' }), pod('b', 10, '2', 'start', { app: 'y' })]
    const [info] = buildNodeInfos([node], onNode)
    expect(splitByPdbViolation(onNode, [pdb(0, 'x')])).toMatchObject({ violating: [{ metadata: { name: 'a' } }], nonViolating: [{ metadata: { name: 'b' } }] })
    const spared = selectVictimsOnNode(pod('p', 100, '2'), info, [pdb(0, 'x')], fits, 0)
    expect(spared).toMatchObject({ victims: [{ metadata: { name: 'b' } }], pdbViolations: 0 })
    const both = selectVictimsOnNode(pod('p', 100, '4'), info, [pdb(0, 'x')], fits, 0)
    expect(both).toMatchObject({ pdbViolations: 1 })
  })

  it('picks the node by PDB violations, highest victim priority, priority sum, victim count, then latest start', () => {
    const c = (node: string, victims: Pod[], pdbViolations = 0): PreemptionCandidate => ({ node, victims, pdbViolations })
    const pick = (...cs: PreemptionCandidate[]) => pickCandidate(cs, 0)?.node
    expect(pick(c('n1', [pod('a', 1, '1')], 1), c('n2', [pod('b', 50, '1')]))).toBe('n2')
    expect(pick(c('n1', [pod('a', 50, '1')]), c('n2', [pod('b', 20, '1'), pod('c', 20, '1')]))).toBe('n2')
    expect(pick(c('n1', [pod('a', 20, '1'), pod('b', 10, '1')]), c('n2', [pod('c', 20, '1'), pod('d', 5, '1')]))).toBe('n2')
    expect(pick(c('n1', [pod('a', 20, '1'), pod('b', 0, '1')]), c('n2', [pod('c', 20, '1')]))).toBe('n2')
    expect(pick(c('n1', [pod('a', 20, '1', '2026-01-05T09:00:00Z')]), c('n2', [pod('b', 20, '1', '2026-01-05T09:05:00Z')]))).toBe('n2')
  })

  it('preempts through the API: DisruptionTarget, graceful delete, Preempted event, nominatedNodeName; Never does not preempt', () => {
    const sim = newSim({ workers: 1, cpu: '2', memory: '4Gi' })
    apply(sim, 'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: high}\nvalue: 1000\n---\napiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: polite}\nvalue: 1000\npreemptionPolicy: Never\n')
    apply(sim, 'apiVersion: v1\nkind: Pod\nmetadata: {name: low}\nspec:\n  terminationGracePeriodSeconds: 5\n  containers: [{name: c, image: busybox:1.36, command: [sleep, infinity], resources: {requests: {cpu: 1500m}}}]\n')
    sim.advance(10_000)
    apply(sim, 'apiVersion: v1\nkind: Pod\nmetadata: {name: waits}\nspec:\n  priorityClassName: polite\n  containers: [{name: c, image: nginx:1.27, resources: {requests: {cpu: "1"}}}]\n')
    sim.advance(1_000)
    const events = () => sim.store.list<KubeEvent>('Event')
    expect(events().find((e) => e.involvedObject.name === 'waits' && e.reason === 'FailedScheduling')?.message).toBe(
      '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: not eligible due to preemptionPolicy=Never.',
    )
    kubectl(sim, 'delete pod waits')
    apply(sim, 'apiVersion: v1\nkind: Pod\nmetadata: {name: vip}\nspec:\n  priorityClassName: high\n  containers: [{name: c, image: nginx:1.27, resources: {requests: {cpu: "1"}}}]\n')
    sim.advance(1_000)
    const low = sim.store.get<Pod>('Pod', 'default', 'low')!
    const vip = sim.store.get<Pod>('Pod', 'default', 'vip')!
    expect(low.metadata.deletionTimestamp).toBeDefined()
    expect(low.status.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'PreemptionByScheduler', message: 'default-scheduler: preempting to accommodate a higher priority pod' })
    expect(events().find((e) => e.reason === 'Preempted')).toMatchObject({ involvedObject: { name: 'low' }, type: 'Normal', message: `Preempted by pod ${vip.metadata.uid} on node worker-1` })
    expect(vip.status.nominatedNodeName).toBe('worker-1')
    expect(kubectl(sim, 'describe pod vip')).toMatch(/\nNominatedNodeName:\s+worker-1\n/)
    sim.advance(10_000)
    const bound = sim.store.get<Pod>('Pod', 'default', 'vip')!
    expect([bound.spec.nodeName, bound.status.nominatedNodeName, sim.store.get('Pod', 'default', 'low')]).toEqual(['worker-1', undefined, undefined])
  })
})
