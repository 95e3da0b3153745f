import { describe, expect, it } from 'vitest'
import type { Countdown } from '../../src/engine/countdowns.ts'
import type { Simulation } from '../../src/engine/simulation.ts'
import { apply, deploymentYaml, newSim, pods, podYaml } from '../helpers.ts'

const of = (sim: Simulation, kind: Countdown['kind'], object?: string) => sim.ctx.countdowns.live(sim.now).filter((c) => c.kind === kind && (!object || c.object === object))

/** Advances in small steps until the predicate holds; the simulated time it took. */
function advanceUntil(sim: Simulation, done: () => boolean, limitMs = 20 * 60_000): number {
  const start = sim.now
  while (!done()) {
    if (sim.now - start > limitMs) throw new Error('never happened')
    sim.advance(100)
  }
  return sim.now
}

describe('countdowns: what the cluster does next, from the components that scheduled it', () => {
  it('counts down to the restart of a container in CrashLoopBackOff, and the restart comes then', () => {
    const sim = newSim()
    apply(sim, podYaml('crash', 'busybox:1.36', '    command: ["sh", "-c", "exit 1"]\n'))
    const waiting = () => pods(sim)[0].status.containerStatuses?.[0]?.state.waiting?.reason === 'CrashLoopBackOff'
    advanceUntil(sim, waiting)
    const [restart] = of(sim, 'restart', 'Pod/default/crash')
    expect(restart).toMatchObject({ container: 'main' })
    const restarts = pods(sim)[0].status.containerStatuses![0].restartCount
    // Nothing restarts before the countdown runs out; it restarts within the next step after.
    sim.advance(restart.atMs - sim.now - 1)
    expect(pods(sim)[0].status.containerStatuses![0].restartCount).toBe(restarts)
    sim.advance(2_000)
    expect(pods(sim)[0].status.containerStatuses![0].restartCount).toBe(restarts + 1)
  })

  it('counts down to the next image pull of a tag that does not exist', () => {
    const sim = newSim()
    apply(sim, podYaml('typo', 'nginx:9.99-nope'))
    advanceUntil(sim, () => pods(sim)[0].status.containerStatuses?.[0]?.state.waiting?.reason === 'ImagePullBackOff')
    const [retry] = of(sim, 'pullRetry', 'Pod/default/typo')
    expect(retry.atMs - sim.now).toBeGreaterThan(0)
    expect(retry.atMs - sim.now).toBeLessThanOrEqual(10_000)
  })

  it('counts down to NotReady once a node misses its lease renewal, then to each pod\'s eviction at 300s', () => {
    const sim = newSim({ workers: 2 })
    apply(sim, deploymentYaml('web', 2))
    sim.advance(30_000)
    const node = pods(sim)[0].spec.nodeName!
    const shown = () => of(sim, 'notReady', `Node//${node}`).filter((c) => (c.fromMs ?? 0) <= sim.now)
    // A healthy node renews its lease every 10s: nothing worth a countdown.
    expect(shown()).toEqual([])
    sim.nodeDown(node)
    advanceUntil(sim, () => shown().length > 0)
    const notReadyAt = shown()[0].atMs
    const downFor = advanceUntil(sim, () => pods(sim).length > 0 && sim.store.get('Node', undefined, node) !== undefined && (sim.store.get('Node', undefined, node) as { status: { conditions: { type: string; status: string }[] } }).status.conditions.find((c) => c.type === 'Ready')?.status === 'Unknown')
    expect(downFor).toBe(notReadyAt)
    expect(of(sim, 'notReady', `Node//${node}`)).toEqual([])

    sim.advance(1_000)
    const onNode = pods(sim).filter((p) => p.spec.nodeName === node)
    const evictions = onNode.map((p) => of(sim, 'eviction', `Pod/default/${p.metadata.name}`)[0])
    expect(evictions.every((c) => c && c.atMs - notReadyAt >= 300_000 && c.atMs - notReadyAt <= 301_000)).toBe(true)
    sim.advance(evictions[0].atMs - sim.now - 1)
    expect(pods(sim).filter((p) => p.metadata.deletionTimestamp)).toHaveLength(0)
    sim.advance(1_000)
    expect(pods(sim).filter((p) => p.metadata.deletionTimestamp).length).toBe(onNode.length)
    expect(of(sim, 'eviction')).toEqual([])
  })
})
