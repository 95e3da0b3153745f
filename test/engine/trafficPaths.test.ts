import { describe, expect, it } from 'vitest'
import type { Pod } from '../../src/engine/api/types.ts'
import { INGRESS_NGINX_MANIFEST } from '../../src/engine/network/ingressNginx.ts'
import { runNetworkCommand } from '../../src/engine/network/networkCommands.ts'
import { TrafficLog } from '../../src/engine/network/trafficLog.ts'
import { apply, deploymentYaml, kubectl, newSim, podYaml } from '../helpers.ts'

const DENY_WEB = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Ingress]`

function cluster(networkPolicies = true) {
  const sim = newSim({ coreDns: true, networkPolicies })
  apply(sim, deploymentYaml('web', 2, 'traefik/whoami:v1.10'))
  kubectl(sim, 'expose deployment web --port=80')
  apply(sim, podYaml('client', 'busybox:1.37', '    command: ["sleep", "3600"]'))
  sim.advance(30_000)
  const client = sim.store.get<Pod>('Pod', 'default', 'client')!
  const run = (script: string) => runNetworkCommand(sim, client, ['sh', '-c', script])!
  return { sim, run }
}

describe('NetworkPolicy in the request path', () => {
  it('drops denied requests with calico or cilium, and flannel lets them through', () => {
    const enforcing = cluster(true)
    apply(enforcing.sim, DENY_WEB)
    expect(enforcing.run('wget -qO- -T 2 web')).toMatchObject({ output: 'wget: download timed out\n', exitCode: 1, elapsedMs: 2000 })
    expect(enforcing.run('curl -sS --connect-timeout 10 web')).toMatchObject({ output: 'curl: (28) Connection timed out after 10001 milliseconds\n', exitCode: 28 })
    const flannel = cluster(false)
    apply(flannel.sim, DENY_WEB)
    expect(flannel.run('wget -qO- -T 2 web')).toMatchObject({ exitCode: 0, output: expect.stringMatching(/^Hostname: web-/) })
  })
})

describe('traffic through an ingress controller', () => {
  function withController() {
    const { sim, run } = cluster()
    apply(sim, INGRESS_NGINX_MANIFEST)
    apply(
      sim,
      `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: site}
spec:
  ingressClassName: nginx
  rules:
  - host: foo.example
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}`,
    )
    sim.advance(60_000)
    return { sim, run }
  }

  it('routes by Host to the backend pods and records the path controller → Service → pod', () => {
    const { sim, run } = withController()
    const r = run("curl -s -H 'Host: foo.example' http://ingress-nginx-controller.ingress-nginx/hello")
    expect(r.output).toMatch(/^Hostname: web-[\s\S]*GET \/hello HTTP\/1\.1\r\nHost: foo\.example\r\n/)
    const last = TrafficLog.of(sim.ctx).recent().at(-1)!
    expect(last.hops.map((h) => h.kind)).toEqual(['client', 'dns', 'service', 'endpoint', 'pod', 'ingress', 'service', 'endpoint', 'pod'])
    expect(last.hops[4].label).toMatch(/^ingress-nginx\/ingress-nginx-controller-/)
    expect(last.hops[5].label).toBe('default/site foo.example/')
    expect(last.servedBy).toMatch(/^default\/web-/)
    expect(run("curl -s -o /dev/null -w '%{http_code}' -H 'Host: bar.example' http://ingress-nginx-controller.ingress-nginx/").output).toBe('404')
  })

  it("adds ingress-nginx's forwarding headers, which an echo server prints; X-Request-ID is new per request and follows the seed", () => {
    const { sim, run } = withController()
    const clientIP = sim.store.get<Pod>('Pod', 'default', 'client')!.status.podIP!
    const controllerIP = sim.store.list<Pod>('Pod', 'ingress-nginx')[0].status.podIP!
    const first = run("curl -s -H 'Host: foo.example' http://ingress-nginx-controller.ingress-nginx/hello").output
    expect(first).toContain(`RemoteAddr: ${controllerIP}:`)
    const request = first.slice(first.indexOf('GET '))
    const id = /X-Request-Id: ([0-9a-f]{32})\r\n/.exec(request)?.[1]
    expect(request).toBe(
      [
        'GET /hello HTTP/1.1',
        'Host: foo.example',
        'User-Agent: curl/8.11.1',
        'Accept: */*',
        `X-Forwarded-For: ${clientIP}`,
        'X-Forwarded-Host: foo.example',
        'X-Forwarded-Port: 80',
        'X-Forwarded-Proto: http',
        'X-Forwarded-Scheme: http',
        `X-Real-Ip: ${clientIP}`,
        `X-Request-Id: ${id}`,
        'X-Scheme: http',
        '',
        '',
      ].join('\r\n'),
    )
    const second = run("curl -s -H 'Host: foo.example' http://ingress-nginx-controller.ingress-nginx/hello").output
    expect(/X-Request-Id: (\w+)/.exec(second)?.[1]).not.toBe(id)
    // The same script and seed give the same ids; a request straight to the Service carries none of these headers.
    expect(withController().run("curl -s -H 'Host: foo.example' http://ingress-nginx-controller.ingress-nginx/hello").output).toContain(`X-Request-Id: ${id}`)
    expect(run('curl -s http://web/').output).not.toContain('X-Forwarded-For')
  })

  it('answers on a node port only where a controller pod runs (externalTrafficPolicy Local)', () => {
    const { sim, run } = withController()
    const svc = sim.store.get('Service', 'ingress-nginx', 'ingress-nginx-controller')!
    const nodePort = (svc.spec as { ports: { nodePort: number }[] }).ports[0].nodePort
    const controllerNode = sim.store.list<Pod>('Pod', 'ingress-nginx')[0].spec.nodeName!
    const ipOf = (name: string) => (sim.store.get('Node', undefined, name)!.status as { addresses: { address: string }[] }).addresses[0].address
    const other = ['worker-1', 'worker-2', 'worker-3'].find((n) => n !== controllerNode)!
    expect(run(`curl -s -o /dev/null -w '%{http_code}' -H 'Host: foo.example' http://${ipOf(controllerNode)}:${nodePort}/`).output).toBe('200')
    expect(run(`curl -s -m 2 -H 'Host: foo.example' http://${ipOf(other)}:${nodePort}/`).exitCode).toBe(28)
  })

  it('answers 503 when the backend has no ready endpoint, and 504 when a policy drops the proxied request', () => {
    const { sim, run } = withController()
    apply(sim, DENY_WEB)
    expect(run("curl -s -w '%{http_code}' -o /dev/null -H 'Host: foo.example' http://ingress-nginx-controller.ingress-nginx/").output).toBe('504')
    kubectl(sim, 'scale deployment web --replicas=0')
    sim.advance(40_000)
    expect(run("curl -s -H 'Host: foo.example' http://ingress-nginx-controller.ingress-nginx/").output).toContain('<title>503 Service Temporarily Unavailable</title>')
  })
})
