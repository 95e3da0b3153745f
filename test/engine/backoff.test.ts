import { describe, expect, it } from 'vitest'
import { Backoff, BACKOFF_MAX_MS } from '../../src/engine/kubelet/backoff.ts'
import { apply, newSim, pods, podYaml } from '../helpers.ts'

describe('crash restart back-off', () => {
  it('doubles from 10s and caps at 5 minutes', () => {
    const b = new Backoff()
    const delays: (number | undefined)[] = []
    for (let i = 0; i < 8; i++) {
      delays.push(b.current('c'))
      b.next('c')
    }
    expect(delays).toEqual([undefined, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000])
    expect(BACKOFF_MAX_MS).toBe(300_000)
  })

  it('restarts a crashing container on the kubelet schedule: at once, then 10s, 20s, 40s ... apart', () => {
    const sim = newSim()
    apply(sim, podYaml('crash', 'busybox:1.36', '    command: ["sh", "-c", "exit 1"]\n'))
    const restartTimes: number[] = []
    let lastCount = 0
    for (let t = 0; t < 20 * 60_000; t += 100) {
      sim.advance(100)
      const status = pods(sim)[0].status.containerStatuses?.[0]
      if (status && status.restartCount > lastCount) {
        lastCount = status.restartCount
        restartTimes.push(sim.now)
      }
    }
    const gaps = restartTimes.slice(1).map((t, i) => Math.round((t - restartTimes[i]) / 1000))
    // The first restart is immediate; after that each restart waits out the doubled back-off.
    expect(restartTimes[0]).toBeLessThan(5_000)
    expect(gaps.slice(0, 7)).toEqual([10, 20, 40, 80, 160, 300, 300])
    const status = pods(sim)[0].status.containerStatuses![0]
    expect(status.state.waiting?.reason ?? status.state.terminated?.reason).toMatch(/CrashLoopBackOff|Error/)
  })

  it('shows Error, then CrashLoopBackOff, with the restart count rising', () => {
    const sim = newSim()
    apply(sim, podYaml('crash', 'busybox', '    command: ["sh", "-c", "sleep 1; exit 1"]\n'))
    const seen = new Set<string>()
    for (let i = 0; i < 600; i++) {
      sim.advance(100)
      const s = pods(sim)[0].status.containerStatuses?.[0]
      const reason = s?.state.waiting?.reason ?? s?.state.terminated?.reason ?? (s?.state.running ? 'Running' : undefined)
      if (reason) seen.add(reason)
    }
    expect([...seen]).toEqual(expect.arrayContaining(['ContainerCreating', 'Running', 'Error', 'CrashLoopBackOff']))
    expect(pods(sim)[0].status.containerStatuses![0].restartCount).toBeGreaterThanOrEqual(3)
    expect(pods(sim)[0].status.phase).toBe('Running')
  })

  it('forgets the back-off once a container has run for 10 minutes', () => {
    const sim = newSim()
    apply(sim, podYaml('slow', 'busybox', '    command: ["sh", "-c", "sleep 700; exit 1"]\n'))
    sim.advance(3 * 700_000 + 60_000)
    // Every crash comes after 700s of running, so every restart is immediate: no CrashLoopBackOff waits.
    const events = sim.store.list('Event').filter((e) => (e as unknown as { reason: string }).reason === 'BackOff')
    expect(events).toHaveLength(0)
    expect(pods(sim)[0].status.containerStatuses![0].restartCount).toBe(3)
  })
})
