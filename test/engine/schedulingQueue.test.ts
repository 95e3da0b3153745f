import { describe, expect, it } from 'vitest'
import type { KubeEvent, Node, Pod } from '../../src/engine/api/types.ts'
import { backoffDuration } from '../../src/engine/scheduler/schedulingQueue.ts'
import { worthRequeuing } from '../../src/engine/scheduler/queueingHints.ts'
import { apply, kubectl, newSim } from '../helpers.ts'

const node = (name: string, extra: Partial<Node['spec']> = {}, cpu = '4'): Node =>
  ({ kind: 'Node', metadata: { name, labels: {} }, spec: { ...extra }, status: { allocatable: { cpu, memory: '8Gi', pods: '110' } } }) as unknown as Node
const pending = (cpu = '2'): Pod => ({ kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: 'p' }, spec: { containers: [{ name: 'c', image: 'x', resources: { requests: { cpu } } }] }, status: { phase: 'Pending' } }) as unknown as Pod

describe('the scheduling queue', () => {
  it('backs off 1 s after the first attempt, doubling up to 10 s', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(backoffDuration)).toEqual([1000, 2000, 4000, 8000, 10000, 10000, 10000])
  })

  it('moves an unschedulable pod only when a rejecting plugin says the event could help it', () => {
    const p = pending()
    const fit = new Set(['NodeResourcesFit'])
    const taint = new Set(['TaintToleration'])
    const tainted = node('n1', { taints: [{ key: 'k', effect: 'NoSchedule' }] })
    expect(worthRequeuing(p, fit, { type: 'NodeAdd', node: node('n2') })).toBe(true)
    expect(worthRequeuing(p, fit, { type: 'NodeAdd', node: node('n2', {}, '1') })).toBe(false)
    expect(worthRequeuing(p, fit, { type: 'NodeUpdate', old: node('n1'), node: node('n1', { unschedulable: true }) })).toBe(false)
    expect(worthRequeuing(p, fit, { type: 'NodeUpdate', old: node('n1', {}, '1'), node: node('n1', {}, '8') })).toBe(true)
    expect(worthRequeuing(p, fit, { type: 'AssignedPodDelete', pod: pending() })).toBe(true)
    expect(worthRequeuing(p, taint, { type: 'AssignedPodDelete', pod: pending() })).toBe(false)
    expect(worthRequeuing(p, taint, { type: 'NodeUpdate', old: tainted, node: node('n1') })).toBe(true)
    expect(worthRequeuing(p, taint, { type: 'NodeUpdate', old: node('n1'), node: tainted })).toBe(false)
    // A plugin the queue has no hints for is asked nothing: any event moves the pod.
    expect(worthRequeuing(p, new Set(['InterPodAffinity']), { type: 'AssignedPodAdd', pod: pending() })).toBe(true)
  })

  it('tries the pods ready at one instant by priority, so the important one gets the last room', () => {
    const sim = newSim({ workers: 1, cpu: '2', memory: '4Gi' })
    apply(sim, 'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: high}\nvalue: 1000\npreemptionPolicy: Never\n')
    const podYaml = (name: string, cls = '') => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n${cls ? `  priorityClassName: ${cls}\n` : ''}  containers: [{name: c, image: nginx:1.27, resources: {requests: {cpu: 1500m}}}]\n`
    apply(sim, [podYaml('first'), podYaml('second'), podYaml('important', 'high')].join('---\n'))
    sim.advance(5_000)
    expect(kubectl(sim, 'get pods --field-selector=status.phase=Running -o name')).toBe('pod/important\n')
  })

  it('retries a pod rejected for cpu when a pod leaves its node, not when an unrelated node changes', () => {
    const sim = newSim({ workers: 1, cpu: '2', memory: '4Gi' })
    apply(sim, 'apiVersion: v1\nkind: Pod\nmetadata: {name: hog}\nspec:\n  containers: [{name: c, image: nginx:1.27, resources: {requests: {cpu: 1500m}}}]\n')
    sim.advance(5_000)
    apply(sim, 'apiVersion: v1\nkind: Pod\nmetadata: {name: waiting}\nspec:\n  containers: [{name: c, image: nginx:1.27, resources: {requests: {cpu: 1500m}}}]\n')
    sim.advance(5_000)
    const attempts = () => sim.store.list<KubeEvent>('Event').filter((e) => e.involvedObject.name === 'waiting' && e.reason === 'FailedScheduling').reduce((n, e) => n + (e.count ?? 1), 0)
    expect(attempts()).toBe(1)
    kubectl(sim, 'label node control-plane example=1')
    sim.advance(20_000)
    expect(attempts()).toBe(1)
    kubectl(sim, 'delete pod hog')
    sim.advance(5_000)
    expect(sim.store.get<Pod>('Pod', 'default', 'waiting')?.spec.nodeName).toBe('worker-1')
  })
})
