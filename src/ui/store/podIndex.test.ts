import { describe, expect, it } from 'vitest'
import type { KubeObject, Pod } from '../../engine/api/types.ts'
import { podRequests } from '../../engine/scheduler/nodeInfo.ts'
import { apply, deploymentYaml, kubectl, newSim } from '../../../test/helpers.ts'
import { objectKeyOf } from './clusterStore.ts'
import { countsSentence, emptyPodIndex, updatePodIndex, type PodIndex } from './podIndex.ts'

type Sim = ReturnType<typeof newSim>

/** Feeds the index the way the worker's batches do: what changed since the last call. */
function follow(sim: Sim, index: PodIndex): PodIndex {
  const upserts: KubeObject[] = []
  const deletes: string[] = []
  for (const [key, obj] of sim.store.drainChanges()) {
    if (obj) upserts.push(obj)
    else deletes.push(key)
  }
  return updatePodIndex(index, upserts, deletes)
}

/** The same answer the slow way: every pod, grouped by node. */
function fromScratch(sim: Sim) {
  const out = new Map<string, { keys: string[]; cpu: number; active: number }>()
  const all = sim.store.all().filter((o) => o.kind === 'Pod') as Pod[]
  for (const pod of all.sort((a, b) => (objectKeyOf(a) < objectKeyOf(b) ? -1 : 1))) {
    const node = pod.spec.nodeName ?? ''
    const e = out.get(node) ?? { keys: [], cpu: 0, active: 0 }
    e.keys.push(objectKeyOf(pod))
    if (pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed') {
      e.cpu += podRequests(pod).cpu
      e.active++
    }
    out.set(node, e)
  }
  return out
}

function view(index: PodIndex) {
  return new Map([...index.byNode].map(([node, e]) => [node, { keys: [...e.keys], cpu: e.cpu, active: e.active }]))
}

describe('the UI pod index', () => {
  it('follows batches through scheduling, scale-down and a crash loop to the same answer as a full pass', () => {
    const sim = newSim({ workers: 3 })
    sim.store.recordChanges()
    let index = updatePodIndex(emptyPodIndex(), sim.store.all(), [])
    apply(sim, deploymentYaml('web', 7))
    index = follow(sim, index)
    expect(index.byNode.get('')?.keys.filter((k) => k.startsWith('Pod/default/web-'))).toHaveLength(7)
    sim.advance(30_000)
    index = follow(sim, index)
    expect(index.byNode.has('')).toBe(false)
    expect(view(index)).toEqual(fromScratch(sim))
    kubectl(sim, 'scale deployment web --replicas=2')
    sim.advance(60_000)
    index = follow(sim, index)
    expect(view(index)).toEqual(fromScratch(sim))
    kubectl(sim, 'run crash --image=busybox -- false')
    sim.advance(60_000)
    index = follow(sim, index)
    expect(view(index)).toEqual(fromScratch(sim))
    const crashNode = (sim.store.all().find((o) => o.kind === 'Pod' && o.metadata.name === 'crash') as Pod).spec.nodeName!
    expect(index.byNode.get(crashNode)?.counts.failing).toBe(1)
  })

  it('keeps the entry of a node none of whose pods changed', () => {
    const sim = newSim({ workers: 2 })
    apply(sim, deploymentYaml('web', 4))
    sim.advance(30_000)
    sim.store.recordChanges()
    let index = updatePodIndex(emptyPodIndex(), sim.store.all(), [])
    const before = new Map(index.byNode)
    const pod = sim.store.all().find((o) => o.kind === 'Pod' && o.spec && (o as Pod).spec.nodeName === 'worker-1') as Pod
    kubectl(sim, `label pod ${pod.metadata.name} touched=yes`)
    index = follow(sim, index)
    expect(index.byNode.get('worker-1')).not.toBe(before.get('worker-1'))
    expect(index.byNode.get('worker-2')).toBe(before.get('worker-2'))
  })

  it('names the counts of the tones that have pods', () => {
    expect(countsSentence({ ready: 3, starting: 0, notready: 0, pending: 1, failing: 2, terminating: 0, done: 0 })).toBe('3 ready, 1 pending, 2 failing')
    expect(countsSentence({ ready: 0, starting: 0, notready: 0, pending: 0, failing: 0, terminating: 0, done: 0 })).toBe('no pods')
  })
})
