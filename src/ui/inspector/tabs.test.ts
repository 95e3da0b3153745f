import { describe, expect, it } from 'vitest'
import { taskActor } from '../../engine/causes/taskActor.ts'
import { kubectlTarget, splitStoreKey, tabsFor } from './tabs.ts'

describe('inspector tabs', () => {
  it('gives pods Logs and Scheduling, every kind Describe, YAML, Events and Why?', () => {
    expect(tabsFor('Pod')).toEqual(['summary', 'describe', 'yaml', 'events', 'logs', 'scheduling', 'why'])
    expect(tabsFor('Deployment')).toEqual(['summary', 'describe', 'yaml', 'events', 'why'])
  })

  it('names the object for kubectl, without -n for cluster-scoped kinds', () => {
    expect(kubectlTarget('Deployment/default/web')).toBe('deployment web -n default')
    expect(kubectlTarget('Node//worker-1')).toBe('node worker-1')
    expect(splitStoreKey('Node//worker-1')).toEqual({ kind: 'Node', namespace: undefined, name: 'worker-1' })
  })

  it("reads a scheduled task's component from its label", () => {
    expect(taskActor('kubelet worker-2: pulled nginx')).toBe('kubelet/worker-2')
    expect(taskActor('scheduler: schedule default/web')).toBe('default-scheduler')
    expect(taskActor('cronjob-controller: schedule default/nightly')).toBe('cronjob-controller')
    expect(taskActor('prober: web/main liveness')).toBeUndefined()
  })
})
