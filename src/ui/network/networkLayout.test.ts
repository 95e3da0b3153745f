import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../engine/api/types.ts'
import type { ObjectsByKind } from '../store/clusterStore.ts'
import { networkGraph } from './networkGraph.ts'
import { layoutNetwork } from './networkLayout.ts'

const obj = (kind: string, namespace: string, name: string, rest: Record<string, unknown> = {}): KubeObject =>
  ({ apiVersion: 'v1', kind, metadata: { name, namespace, uid: `${kind}-${name}` }, ...rest }) as unknown as KubeObject

function objects(list: KubeObject[]): ObjectsByKind {
  const out: ObjectsByKind = {}
  for (const o of list) (out[o.kind] ??= {})[`${o.kind}/${o.metadata.namespace}/${o.metadata.name}`] = o
  return out
}

const slice = (ns: string, name: string, svc: string, pods: [string, boolean, boolean?][]) =>
  obj('EndpointSlice', ns, name, {
    metadata: { name, namespace: ns, uid: name, labels: { 'kubernetes.io/service-name': svc } },
    endpoints: pods.map(([pod, ready, terminating]) => ({ addresses: ['10.244.1.1'], targetRef: { kind: 'Pod', name: pod, namespace: ns }, conditions: { ready, terminating: !!terminating } })),
  })

const cluster = objects([
  obj('Service', 'default', 'web', { spec: { type: 'NodePort' } }),
  obj('Service', 'default', 'api'),
  obj('Service', 'shop', 'cart'),
  slice('default', 'web-abcde', 'web', [['web-1', true], ['web-2', false], ['web-3', false, true]]),
  slice('default', 'api-fghij', 'api', [['api-1', true], ['web-1', true]]),
  slice('shop', 'cart-xyz', 'cart', [['cart-1', true]]),
  obj('Ingress', 'default', 'front', { spec: { rules: [{ host: 'shop.example', http: { paths: [{ path: '/', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] } }),
])

describe('network view graph and layout', () => {
  it('links Ingress → Service → EndpointSlice → Pods, each endpoint with its readiness', () => {
    const g = networkGraph(cluster, 'default')
    expect(g.services.map((s) => s.key)).toEqual(['default/api', 'default/web'])
    expect(g.pods.map((p) => `${p.name}:${p.state}`)).toEqual(['api-1:ready', 'web-1:ready', 'web-2:notready', 'web-3:terminating'])
    expect(g.edges.map((e) => e.id)).toContain('ing:default/front->svc:default/web')
    expect(g.edges.find((e) => e.id === 'slice:default/web-abcde->pod:default/web-2')?.state).toBe('notready')
    // A pod behind two Services is one node with two edges.
    expect(g.edges.filter((e) => e.target === 'pod:default/web-1')).toHaveLength(2)
    expect(networkGraph(cluster, null).services.map((s) => s.key)).toEqual(['default/api', 'default/web', 'shop/cart'])
  })

  it('places columns left to right with nothing overlapping, the same way every time', () => {
    const g = networkGraph(cluster, null)
    const { nodes, width } = layoutNetwork(g)
    expect(nodes).toHaveLength(g.ingresses.length + g.services.length + g.slices.length + g.pods.length)
    const x = (id: string) => nodes.find((n) => n.id === id)!.x
    expect(x('ing:default/front')).toBeLessThan(x('svc:default/web'))
    expect(x('svc:default/web')).toBeLessThan(x('slice:default/web-abcde'))
    expect(x('slice:default/web-abcde')).toBeLessThan(x('pod:default/web-2'))
    for (const a of nodes)
      for (const b of nodes) {
        if (a === b) continue
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true)
      }
    expect(Math.max(...nodes.map((n) => n.x + n.width))).toBe(width)
    expect(layoutNetwork(networkGraph(cluster, null))).toEqual(layoutNetwork(g))
    // Without Ingresses there is no Ingress column.
    expect(Math.min(...layoutNetwork(networkGraph(cluster, 'shop')).nodes.map((n) => n.x))).toBe(0)
    expect(layoutNetwork(networkGraph(cluster, 'shop')).nodes.find((n) => n.id === 'svc:shop/cart')!.x).toBe(0)
  })
})
