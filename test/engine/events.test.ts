import { describe, expect, it } from 'vitest'
import type { KubeEvent } from '../../src/engine/api/types.ts'
import { apply, kubectl, newSim, podYaml } from '../helpers.ts'

describe('events', () => {
  it('expire an hour after they last happened, as with the API server’s --event-ttl', () => {
    const sim = newSim({ workers: 1 })
    apply(sim, podYaml('web', 'nginx:1.27'))
    sim.advance(10_000)
    const count = () => sim.store.list<KubeEvent>('Event', 'default').length
    expect(count()).toBeGreaterThan(0)
    sim.advance(59 * 60_000)
    expect(count()).toBeGreaterThan(0)
    sim.advance(60_000)
    expect(count()).toBe(0)
    expect(kubectl(sim, 'get events')).toBe('No resources found in default namespace.\n')
  })

  it('an event that keeps happening lives on: its count grows and it expires an hour after the last time', () => {
    const sim = newSim({ workers: 1 })
    apply(sim, podYaml('crash', 'busybox:1.36', '    command: ["sh", "-c", "exit 1"]\n'))
    sim.advance(90 * 60_000)
    const backOff = sim.store.list<KubeEvent>('Event', 'default').find((e) => e.reason === 'BackOff')!
    expect(backOff.count).toBeGreaterThan(10)
    // The first events (Scheduled) are long gone; the back-off is still being recorded.
    expect(sim.store.list<KubeEvent>('Event', 'default').some((e) => e.reason === 'Scheduled')).toBe(false)
  })
})

describe('the event correlator (client-go events_cache.go)', () => {
  const crashLoop = () => {
    const sim = newSim({ workers: 1 })
    apply(sim, podYaml('crash', 'busybox:1.36', '    command: ["sh", "-c", "exit 1"]\n'))
    return sim
  }
  const backOff = (sim: ReturnType<typeof newSim>) => sim.store.list<KubeEvent>('Event', 'default').find((e) => e.reason === 'BackOff')

  it('a crash-looping pod re-records BackOff every 10s sync while it waits, so its count outgrows the restarts', () => {
    const sim = crashLoop()
    sim.advance(120_000)
    const e = backOff(sim)!
    expect(e.count).toBe(9)
    expect(e.source).toEqual({ component: 'kubelet', host: 'worker-1' })
  })

  it('after 25 events from the kubelet about one pod, one gets through every 5 minutes, carrying every occurrence in its count', () => {
    const sim = crashLoop()
    sim.advance(30 * 60_000)
    const kubeletEvents = sim.store.list<KubeEvent>('Event', 'default').filter((e) => e.source.component === 'kubelet')
    const written = kubeletEvents.reduce((n, e) => n + e.count, 0)
    // Far more occurrences were counted than 25 + 6 writes could hold one by one.
    expect(written).toBeGreaterThan(100)
    const e = backOff(sim)!
    // The last write of BackOff came at a 5-minute token, not at the last occurrence.
    expect(e.count).toBeGreaterThan(100)
  })

  it('an identical event bumps count and lastTimestamp and keeps firstTimestamp', () => {
    const sim = crashLoop()
    sim.advance(60_000)
    const e = backOff(sim)!
    expect(e.count).toBeGreaterThan(1)
    expect(e.firstTimestamp < e.lastTimestamp).toBe(true)
    expect(sim.store.list<KubeEvent>('Event', 'default').filter((x) => x.reason === 'BackOff')).toHaveLength(1)
  })
})
