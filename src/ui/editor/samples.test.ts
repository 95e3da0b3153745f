import { describe, expect, it } from 'vitest'
import type { Pod } from '../../engine/api/types.ts'
import { summarizePod } from '../../engine/kubectl/podSummary.ts'
import { apply, kubectl, newSim } from '../../../test/helpers.ts'
import { SAMPLES } from './samples.ts'

const sample = (id: string) => SAMPLES.find((s) => s.id === id)!.yaml

/** name STATUS node, for the sample's pods (not the CoreDNS pods every cluster has). */
function podLines(sim: ReturnType<typeof newSim>): string[] {
  return [...sim.store.list<Pod>('Pod')].filter((p) => p.metadata.labels?.['k8s-app'] !== 'kube-dns').map((p) => `${p.metadata.name} ${summarizePod(p, sim.now).status} ${p.spec.nodeName ?? ''}`)
}

describe('editor samples', () => {
  it.each(SAMPLES.map((s) => s.id))('%s applies as created, with no warning', (id) => {
    const sim = newSim()
    const out = apply(sim, sample(id))
    expect(out).toHaveLength(1)
    expect(out[0]).toMatch(/^[a-z.]+\/[a-z-]+ created$/)
  })

  it("the Job computes π and completes (the docs' pi job)", () => {
    const sim = newSim()
    apply(sim, sample('job'))
    sim.advance(30_000)
    expect(kubectl(sim, 'get jobs')).toMatch(/^pi +Complete +1\/1 /m)
    expect(podLines(sim)).toEqual([expect.stringMatching(/^pi-\w{5} Completed worker-\d$/)])
  })

  it('the CronJob runs a Job every minute', () => {
    const sim = newSim()
    apply(sim, sample('cronjob'))
    sim.advance(61_000)
    expect(kubectl(sim, 'get cronjob hello')).toMatch(/^hello +\* \* \* \* \* +<none> +False +[01] +\d+s /m)
    expect(sim.store.list('Job')).toHaveLength(1)
  })

  it('the DaemonSet puts one log-agent pod on each worker', () => {
    const sim = newSim()
    apply(sim, sample('daemonset'))
    sim.advance(60_000)
    expect(podLines(sim).map((l) => l.replace(/^log-agent-\w{5}/, 'log-agent')).sort()).toEqual([
      'log-agent Running worker-1',
      'log-agent Running worker-2',
      'log-agent Running worker-3',
    ])
  })

  it('the network add-on brings every node of a cluster without one Ready', () => {
    const sim = newSim({ cniInstalled: false })
    expect(kubectl(sim, 'get nodes')).toContain('NotReady')
    apply(sim, sample('cni'))
    sim.advance(30_000)
    expect(kubectl(sim, 'get nodes')).not.toContain('NotReady')
    expect(podLines(sim).filter((l) => l.includes(' Running '))).toHaveLength(4)
  })

  it('the StatefulSet starts web-0, web-1, web-2', () => {
    const sim = newSim()
    apply(sim, sample('statefulset'))
    sim.advance(90_000)
    expect(podLines(sim).map((l) => l.replace(/ worker-\d$/, ''))).toEqual(['web-0 Running', 'web-1 Running', 'web-2 Running'])
    expect(kubectl(sim, 'get sts')).toMatch(/^web +3\/3 /m)
  })

  it('the Service sends traffic to the Deployment sample\'s three pods once they are ready', () => {
    const sim = newSim()
    apply(sim, sample('deployment'))
    apply(sim, sample('service'))
    sim.advance(30_000)
    expect(kubectl(sim, 'get endpoints web')).toMatch(/^web +10\.244\.\d+\.\d+:80,10\.244\.\d+\.\d+:80,10\.244\.\d+\.\d+:80 +30s$/m)
  })
})
