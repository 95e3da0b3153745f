import { describe, expect, it } from 'vitest'
import type { Pod } from '../../src/engine/api/types.ts'
import { apply, kubectl, newSim } from '../helpers.ts'

const pod = (name: string, extra = '') => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n${extra}  containers: [{name: c, image: nginx:1.27}]\n`

describe('the Priority admission plugin', () => {
  it('gives a pod its class value, refuses an unknown class, and knows the two system classes', () => {
    const sim = newSim()
    expect(kubectl(sim, 'get pc')).toBe(
      'NAME                      VALUE        GLOBAL-DEFAULT   AGE\nsystem-cluster-critical   2000000000   false            0s\nsystem-node-critical      2000001000   false            0s\n',
    )
    expect(apply(sim, pod('p', '  priorityClassName: high\n'))).toEqual([
      'Error from server (Forbidden): error when creating "STDIN": pods "p" is forbidden: no PriorityClass with name high was found',
    ])
    expect(apply(sim, 'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: high}\nvalue: 1000000\n')).toEqual(['priorityclass.scheduling.k8s.io/high created'])
    apply(sim, pod('p', '  priorityClassName: high\n'))
    const p = sim.store.get<Pod>('Pod', 'default', 'p')!
    expect([p.spec.priority, p.spec.preemptionPolicy]).toEqual([1000000, 'PreemptLowerPriority'])
    expect(kubectl(sim, 'describe pod p')).toMatch(/\nPriority:\s+1000000\nPriority Class Name:\s+high\n/)
    apply(sim, pod('critical', '  priorityClassName: system-node-critical\n'))
    expect(sim.store.get<Pod>('Pod', 'default', 'critical')!.spec.priority).toBe(2000001000)
  })

  it('uses the global default class for pods that name none, and refuses a priority stated by hand', () => {
    const sim = newSim()
    apply(sim, 'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: normal}\nvalue: 100\nglobalDefault: true\n')
    apply(sim, pod('plain'))
    const p = sim.store.get<Pod>('Pod', 'default', 'plain')!
    expect([p.spec.priorityClassName, p.spec.priority]).toEqual(['normal', 100])
    expect(apply(sim, pod('manual', '  priority: 7\n'))).toEqual([
      'Error from server (Forbidden): error when creating "STDIN": pods "manual" is forbidden: the integer value of priority (7) must not be provided in pod spec; priority admission controller computed 100 from the given PriorityClass name',
    ])
  })
})
