import { describe, expect, it } from 'vitest'
import type { Pod } from '../../src/engine/api/types.ts'
import { TrafficLog } from '../../src/engine/network/trafficLog.ts'
import { apply, deploymentYaml, kubectl, kubectlShell, newSim } from '../helpers.ts'

/** The docs' HPA walkthrough: php-apache behind a Service, and a busybox pod looping wget at it. */
function walkthrough(replicas = 2) {
  const sim = newSim({ coreDns: true })
  apply(sim, deploymentYaml('php-apache', replicas, 'registry.k8s.io/hpa-example', '        ports: [{containerPort: 80}]'))
  kubectl(sim, 'expose deployment php-apache --port=80')
  sim.advance(20_000)
  const served = () =>
    sim.store.select<Pod>('Pod', 'default', { matchLabels: { app: 'php-apache' } }).map((p) => TrafficLog.of(sim.ctx).totalServed('default', p.metadata.name))
  const startLoad = () =>
    kubectlShell(sim, `kubectl run load-generator --image=busybox:1.28 --restart=Never -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://php-apache; done"`.replace(/^kubectl /, ''))
  return { sim, served, startLoad }
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

describe('a load generator pod', () => {
  it('sends requests continuously while it runs, spread over the ready pods, with its answers in its log', () => {
    const { sim, served, startLoad } = walkthrough()
    expect(startLoad()).toBe('pod/load-generator created\n')
    sim.advance(11_000)
    expect(kubectl(sim, 'get pod load-generator --no-headers')).toMatch(/load-generator\s+1\/1\s+Running/)
    // A round is the 10 ms sleep and a ~2 ms request: about 83 requests a second.
    const [a, b] = served()
    expect(a + b).toBeGreaterThan(700)
    expect(a + b).toBeLessThan(900)
    expect(Math.abs(a - b)).toBeLessThan((a + b) * 0.1)
    const log = TrafficLog.of(sim.ctx)
    const name = sim.store.select<Pod>('Pod', 'default', { matchLabels: { app: 'php-apache' } })[0].metadata.name
    expect(log.requestRate('default', name, sim.now, 5_000)).toBeGreaterThan(30)
    // Only a few requests a second are kept with their paths.
    const fromGenerator = log.recent().filter((r) => r.from === 'pod default/load-generator')
    expect(fromGenerator.length).toBeLessThanOrEqual(11 * 3)
    expect(fromGenerator.at(-1)!.hops.map((h) => h.kind)).toEqual(['client', 'dns', 'service', 'endpoint', 'pod'])
    expect(kubectl(sim, 'logs load-generator')).toMatch(/^(OK!){100,}\n$/)
  })

  it('costs the same at any rate: a tight loop counts thousands of requests with one event a second', () => {
    const { sim, served } = walkthrough(3)
    const after = sim.ctx.after
    let ticks = 0
    sim.ctx.after = (ms, label, fn) => {
      if (label.endsWith(' load')) ticks++
      return after(ms, label, fn)
    }
    kubectlShell(sim, `run fast --image=busybox:1.28 --restart=Never -- /bin/sh -c "while true; do wget -q -O- http://php-apache; done"`)
    sim.advance(10_000)
    expect(sum(served())).toBeGreaterThanOrEqual(4_000)
    expect(ticks).toBeLessThanOrEqual(11)
    expect(kubectl(sim, 'logs fast').length).toBeLessThanOrEqual(16_385)
  })

  it('stops when its pod stops, and sends nothing to a pod that is not ready', () => {
    const { sim, served, startLoad } = walkthrough()
    startLoad()
    sim.advance(5_000)
    kubectl(sim, 'delete pod load-generator --wait=false')
    sim.advance(1_000)
    const total = sum(served())
    sim.advance(60_000)
    expect(sum(served())).toBe(total)
  })

  it('is dropped by a NetworkPolicy: its wget times out and nothing is served', () => {
    const { sim, served } = walkthrough(1)
    apply(
      sim,
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-all}
spec:
  podSelector: {matchLabels: {app: php-apache}}
  policyTypes: [Ingress]`,
    )
    kubectlShell(sim, `run load --image=busybox:1.28 --restart=Never -- /bin/sh -c "while sleep 1; do wget -q -T 2 -O- http://php-apache; done"`)
    sim.advance(20_000)
    expect(sum(served())).toBe(0)
    expect(kubectl(sim, 'logs load')).toMatch(/^(wget: download timed out\n)+$/)
    expect(TrafficLog.of(sim.ctx).recent().at(-1)!.hops.at(-1)).toMatchObject({ kind: 'pod', detail: 'dropped by NetworkPolicy' })
  })
})

describe('kubectl run --rm -i', () => {
  it('answers wget, curl and nslookup through the cluster, then deletes the pod', () => {
    const { sim } = walkthrough(1)
    expect(kubectlShell(sim, 'run tmp --rm -i --restart=Never --image=busybox -- wget -qO- http://php-apache')).toBe('OK!\npod "tmp" deleted from default namespace\n')
    expect(kubectlShell(sim, 'run c --rm -i --restart=Never --image=curlimages/curl -- -s php-apache')).toBe('OK!\npod "c" deleted from default namespace\n')
    const ip = (sim.store.get('Service', 'default', 'php-apache')!.spec as { clusterIP: string }).clusterIP
    expect(kubectlShell(sim, 'run dns --rm -i --restart=Never --image=busybox:1.28 -- nslookup php-apache.default.svc.cluster.local')).toBe(
      `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tphp-apache.default.svc.cluster.local\nAddress: ${ip}\n\n\npod "dns" deleted from default namespace\n`,
    )
    expect(sim.store.list('Pod', 'default').map((p) => p.metadata.name)).toEqual([expect.stringMatching(/^php-apache-/)])
  })
})
