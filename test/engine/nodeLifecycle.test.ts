import { describe, expect, it } from 'vitest'
import { runScript } from '../../src/cli/runScript.ts'
import { parseScript } from '../../src/cli/scriptParser.ts'
import { apply, deploymentYaml, kubectl, newSim, pods } from '../helpers.ts'

describe('node failure', () => {
  it('turns the node NotReady after the grace period, then evicts and replaces its pods after 300s', () => {
    const sim = newSim({ workers: 3 })
    apply(sim, deploymentYaml('web', 3))
    sim.advance(30_000)
    const victimNode = pods(sim)[0].spec.nodeName!
    const onVictim = pods(sim).filter((p) => p.spec.nodeName === victimNode).map((p) => p.metadata.name)

    sim.nodeDown(victimNode)
    sim.advance(40_000)
    expect(kubectl(sim, `get node ${victimNode}`)).toMatch(new RegExp(`${victimNode}\\s+Ready\\s`))
    sim.advance(20_000)
    expect(kubectl(sim, `get node ${victimNode}`)).toMatch(new RegExp(`${victimNode}\\s+NotReady\\s`))
    expect(kubectl(sim, 'get deploy web')).toMatch(/web\s+\d\/3/)

    // Before tolerationSeconds (300s) nothing is evicted.
    sim.advance(240_000)
    expect(pods(sim).filter((p) => p.metadata.deletionTimestamp)).toHaveLength(0)
    sim.advance(70_000)
    const terminating = pods(sim).filter((p) => p.metadata.deletionTimestamp).map((p) => p.metadata.name)
    expect(terminating.sort()).toEqual(onVictim.sort())
    sim.advance(30_000)
    const live = pods(sim).filter((p) => !p.metadata.deletionTimestamp)
    expect(live).toHaveLength(3)
    expect(live.every((p) => p.spec.nodeName !== victimNode && p.status.phase === 'Running')).toBe(true)

    // The node comes back: it is Ready again and the stuck Terminating pods finally go.
    sim.nodeUp(victimNode)
    sim.advance(5_000)
    expect(kubectl(sim, `get node ${victimNode}`)).toMatch(new RegExp(`${victimNode}\\s+Ready\\s`))
    expect(pods(sim)).toHaveLength(3)
  })

  it('is driven by `fault node-down` in scenario scripts', () => {
    const script = ['cluster --workers 2', 'fault node-down worker-1', 'advance 1m', 'kubectl get nodes', ''].join('\n')
    const out = runScript(parseScript(script), { seed: 1, readPath: () => undefined })
    expect(out).toContain('$ fault node-down worker-1\n$ advance 1m\n')
    expect(out).toMatch(/worker-1\s+NotReady\s+<none>\s+60s\s+v1\.35\.0/)
    expect(out).toMatch(/worker-2\s+Ready\s+<none>/)
  })
})
