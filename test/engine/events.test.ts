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
