import { describe, expect, it } from 'vitest'
import type { RequestRecord } from '../../engine/network/trafficLog.ts'
import type { PatchBatch } from '../../worker/protocol.ts'
import { EMPTY_TRAFFIC, mirrorTraffic, PER_SERVICE_KEPT, RECENT_KEPT } from './trafficMirror.ts'

const batch = (extra: Partial<PatchBatch>): PatchBatch => ({ time: 0, clock: '', running: true, speed: 1, upserts: [], deletes: [], decisions: [], nodesDown: [], reset: false, ...extra })

const request = (at: number, svc: string, viaIngress = false): RequestRecord => ({
  at,
  from: 'pod default/load-web',
  url: 'http://web',
  outcome: '200',
  servedBy: 'default/web-1',
  hops: [
    { kind: 'client', label: 'pod default/load-web' },
    ...(viaIngress ? [{ kind: 'service' as const, label: 'ingress-nginx/ingress-nginx-controller' }, { kind: 'ingress' as const, label: 'default/front shop.example/' }] : []),
    { kind: 'service', label: svc },
    { kind: 'pod', label: 'default/web-1' },
  ],
})

describe('mirrorTraffic', () => {
  it('numbers new requests, keeps the newest per cluster and per Service, and replaces rates only when sent', () => {
    let t = mirrorTraffic(EMPTY_TRAFFIC, batch({ requests: Array.from({ length: 150 }, (_, i) => request(i, 'default/web')), podRates: { 'default/web-1': 4 } }))
    expect(t.recent).toHaveLength(RECENT_KEPT)
    expect(t.recent.at(-1)!.seq).toBe(150)
    expect(t.byService['default/web']).toHaveLength(PER_SERVICE_KEPT)
    expect(t.byService['default/web'].at(-1)!.at).toBe(149)
    expect(t.podRates).toEqual({ 'default/web-1': 4 })
    // No traffic news: the very same object, so nothing re-renders.
    expect(mirrorTraffic(t, batch({}))).toBe(t)
    t = mirrorTraffic(t, batch({ requests: [request(200, 'default/web', true)] }))
    expect(t.podRates).toEqual({ 'default/web-1': 4 })
    expect(t.byService['ingress-nginx/ingress-nginx-controller'].map((r) => r.at)).toEqual([200])
    expect(t.byService['default/web'].at(-1)!.at).toBe(200)
    expect(mirrorTraffic(t, batch({ podRates: {} })).podRates).toEqual({})
    expect(mirrorTraffic(t, batch({ reset: true }))).toEqual(EMPTY_TRAFFIC)
  })
})
