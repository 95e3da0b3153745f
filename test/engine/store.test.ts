import { describe, expect, it } from 'vitest'
import { ApiStore } from '../../src/engine/api/store.ts'
import type { KubeObject } from '../../src/engine/api/types.ts'
import { SimClock } from '../../src/engine/clock.ts'
import { SeededRandom } from '../../src/engine/rng.ts'

const obj = (kind: string, namespace: string | undefined, name: string, labels?: Record<string, string>, extra: Partial<KubeObject> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind,
  metadata: { name, ...(namespace ? { namespace } : {}), uid: '', resourceVersion: '', creationTimestamp: '', ...(labels ? { labels } : {}) },
  ...extra,
})

function newStore() {
  return new ApiStore(new SimClock(), new SeededRandom(1))
}

describe('ApiStore indexes', () => {
  it('lists a kind in namespace then name order, per namespace too, and keeps the order when objects are replaced', () => {
    const store = newStore()
    for (const [ns, name] of [['b', 'x'], ['a', 'z'], ['a', 'y'], ['b', 'w']]) store.create(obj('ConfigMap', ns, name))
    expect(store.list('ConfigMap').map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['a/y', 'a/z', 'b/w', 'b/x'])
    expect(store.list('ConfigMap', 'b').map((o) => o.metadata.name)).toEqual(['w', 'x'])
    const before = store.get('ConfigMap', 'a', 'z')!
    const replaced = store.update({ ...before, data: { k: 'v' } })
    expect(store.list('ConfigMap')[1]).toBe(replaced)
    expect(store.list('ConfigMap', 'a')[1]).toBe(replaced)
    expect(before.data).toBeUndefined() // the stored object is replaced, never changed
  })

  it('gives watchers the old and the new object', () => {
    const store = newStore()
    const seen: [string, unknown, unknown][] = []
    store.watch((type, o, old) => seen.push([type, o.data, old?.data]))
    const created = store.create(obj('ConfigMap', 'a', 'c', undefined, { data: { v: '1' } }))
    store.update({ ...created, data: { v: '2' } })
    store.remove(created)
    expect(seen).toEqual([
      ['ADDED', { v: '1' }, undefined],
      ['MODIFIED', { v: '2' }, { v: '1' }],
      ['DELETED', { v: '2' }, undefined],
    ])
  })

  it('finds pods by node, dependents by owner, objects by uid and by label', () => {
    const store = newStore()
    const owner = store.create(obj('ReplicaSet', 'a', 'rs'))
    const ref = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: owner.metadata.uid, controller: true }]
    const p1 = store.create(obj('Pod', 'a', 'p1', { app: 'web', tier: 'fe' }, { spec: { nodeName: 'n1' } }))
    store.create({ ...obj('Pod', 'a', 'p2', { app: 'web' }, { spec: { nodeName: 'n2' } }), metadata: { ...obj('Pod', 'a', 'p2', { app: 'web' }).metadata, ownerReferences: ref } })
    store.create(obj('Pod', 'b', 'p3', { app: 'web' }, { spec: {} }))
    expect(store.podsOn('n1').map((p) => p.metadata.name)).toEqual(['p1'])
    expect(store.dependents(owner.metadata.uid).map((p) => p.metadata.name)).toEqual(['p2'])
    expect(store.findUid(p1.metadata.uid)).toBe(p1)
    expect(store.select('Pod', 'a', { matchLabels: { app: 'web' } }).map((p) => p.metadata.name)).toEqual(['p1', 'p2'])
    expect(store.select('Pod', 'a', { matchLabels: { app: 'web', tier: 'fe' } }).map((p) => p.metadata.name)).toEqual(['p1'])
    expect(store.select('Pod', 'a', { matchLabels: { app: 'db' } })).toEqual([])
    expect(store.select('Pod', 'a', { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }).map((p) => p.metadata.name)).toEqual(['p2'])

    // Moving a pod to another node, relabelling it, and removing it keep the indexes right.
    store.update({ ...p1, metadata: { ...p1.metadata, labels: { app: 'db' } }, spec: { nodeName: 'n2' } })
    expect(store.podsOn('n1')).toEqual([])
    expect(store.podsOn('n2').map((p) => p.metadata.name)).toEqual(['p1', 'p2'])
    expect(store.select('Pod', 'a', { matchLabels: { app: 'web' } }).map((p) => p.metadata.name)).toEqual(['p2'])
    store.remove(store.get('Pod', 'a', 'p2')!)
    expect(store.dependents(owner.metadata.uid)).toEqual([])
    expect(store.select('Pod', 'a', { matchLabels: { app: 'web' } })).toEqual([])
  })
})
