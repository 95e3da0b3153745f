import { describe, expect, it } from 'vitest'
import type { Pod } from '../../src/engine/api/types.ts'
import { NGINX_WELCOME } from '../../src/engine/images/httpAnswers.ts'
import { runNetworkCommand } from '../../src/engine/network/networkCommands.ts'
import { request } from '../../src/engine/network/traffic.ts'
import { TrafficLog } from '../../src/engine/network/trafficLog.ts'
import { apply, deploymentYaml, kubectl, newSim, podYaml } from '../helpers.ts'

const WHOAMI = 'traefik/whoami:v1.10'

function cluster(image = WHOAMI, replicas = 3) {
  const sim = newSim({ coreDns: true })
  apply(sim, deploymentYaml('web', replicas, image))
  kubectl(sim, 'expose deployment web --port=80')
  apply(sim, podYaml('client', 'busybox:1.37', '    command: ["sleep", "3600"]'))
  sim.advance(30_000)
  const client = sim.store.get<Pod>('Pod', 'default', 'client')!
  const run = (script: string) => runNetworkCommand(sim, client, ['sh', '-c', script])!
  const webPods = () => sim.store.select<Pod>('Pod', 'default', { matchLabels: { app: 'web' } })
  const svcIP = () => (sim.store.get('Service', 'default', 'web')!.spec as { clusterIP: string }).clusterIP
  return { sim, client, run, webPods, svcIP }
}

const hostnames = (output: string) => [...output.matchAll(/^Hostname: (\S+)$/gm)].map((m) => m[1])

describe('requests to a Service', () => {
  it('answers from the image: nginx welcome page, httpd, whoami, http-echo, agnhost netexec', () => {
    expect(cluster('nginx:1.27', 1).run('wget -qO- web')).toMatchObject({ output: NGINX_WELCOME, exitCode: 0 })
    expect(cluster('httpd:2.4', 1).run('wget -qO- http://web/')).toMatchObject({ output: '<html><body><h1>It works!</h1></body></html>\n', exitCode: 0 })
    const { run, webPods, client } = cluster(WHOAMI, 1)
    const pod = webPods()[0]
    expect(run('wget -qO- web').output).toMatch(
      new RegExp(`^Hostname: ${pod.metadata.name}\nIP: 127\\.0\\.0\\.1\nIP: ::1\nIP: ${pod.status.podIP!.replace(/\./g, '\\.')}\nRemoteAddr: ${client.status.podIP!.replace(/\./g, '\\.')}:\\d+\nGET / HTTP/1\\.1\r\nHost: web\r\nUser-Agent: Wget\r\nAccept: \\*/\\*\r\n\r\n$`),
    )
    const echo = newSim({ coreDns: true })
    apply(echo, podYaml('echo', 'hashicorp/http-echo:1.0', '    args: ["-text=hello from echo"]\n    ports: [{containerPort: 5678}]'))
    apply(echo, podYaml('agn', 'registry.k8s.io/e2e-test-images/agnhost:2.53', '    args: ["netexec", "--http-port=8080"]'))
    apply(echo, podYaml('client', 'busybox:1.37', '    command: ["sleep", "3600"]'))
    echo.advance(30_000)
    const c = echo.store.get<Pod>('Pod', 'default', 'client')!
    const ipOf = (n: string) => echo.store.get<Pod>('Pod', 'default', n)!.status.podIP
    expect(runNetworkCommand(echo, c, ['wget', '-qO-', `${ipOf('echo')}:5678`])).toMatchObject({ output: 'hello from echo\n', exitCode: 0 })
    expect(runNetworkCommand(echo, c, ['wget', '-qO-', `http://${ipOf('agn')}:8080/hostname`])).toMatchObject({ output: 'agn', exitCode: 0 })
  })

  it('spreads requests over ready pods at random, and counts what each pod served', () => {
    const { sim, run, webPods } = cluster()
    const seen = hostnames(run('for i in $(seq 1 60); do curl -s web; done').output)
    expect(seen).toHaveLength(60)
    const names = webPods().map((p) => p.metadata.name)
    const counts = names.map((n) => seen.filter((s) => s === n).length)
    expect(counts.every((n) => n >= 10)).toBe(true)
    const log = TrafficLog.of(sim.ctx)
    expect(names.map((n) => log.totalServed('default', n))).toEqual(counts)
    expect(log.requestRate('default', names[0], sim.now, 60_000)).toBeCloseTo(counts[0] / 60)
    const last = log.recent().at(-1)!
    expect(last.hops.map((h) => h.kind)).toEqual(['client', 'dns', 'service', 'endpoint', 'pod'])
    expect(last.hops[1].label).toBe('web.default.svc.cluster.local')
    expect(last.outcome).toBe('200')
  })

  it('sessionAffinity ClientIP pins a client to one pod', () => {
    const { sim, run } = cluster()
    kubectl(sim, 'patch svc web -p {"spec":{"sessionAffinity":"ClientIP"}}')
    const seen = new Set(hostnames(run('for i in 1 2 3 4 5 6 7 8 9 10; do wget -qO- web; done').output))
    expect(seen.size).toBe(1)
  })

  it('a pod that is not ready gets no traffic; no ready pod means connection refused', () => {
    const { sim, run, webPods, svcIP } = cluster(WHOAMI, 2)
    const [gone, stays] = webPods()
    kubectl(sim, 'label pod ' + gone.metadata.name + ' app=other --overwrite')
    sim.settle()
    expect(new Set(hostnames(run('for i in $(seq 1 10); do curl -s web; done').output))).toEqual(new Set([stays.metadata.name]))
    kubectl(sim, 'scale deployment web --replicas=0')
    kubectl(sim, 'delete pod ' + stays.metadata.name + ' --grace-period=0 --force')
    sim.advance(40_000)
    expect(run('curl web')).toMatchObject({ output: "curl: (7) Failed to connect to web port 80 after 1 ms: Couldn't connect to server\n", exitCode: 7 })
    expect(run('curl -s web')).toMatchObject({ output: '', exitCode: 7 })
    expect(run('wget -qO- web')).toMatchObject({ output: `wget: can't connect to remote host (${svcIP()}): Connection refused\n`, exitCode: 1 })
  })

  it('fails as curl and wget do: unknown names, a port nothing listens on, HTTP errors', () => {
    const { run, webPods } = cluster('nginx:1.27', 1)
    expect(run('curl nothere')).toMatchObject({ output: 'curl: (6) Could not resolve host: nothere\n', exitCode: 6 })
    expect(run('wget -qO- nothere')).toMatchObject({ output: "wget: bad address 'nothere'\n", exitCode: 1 })
    const ip = webPods()[0].status.podIP
    expect(run(`curl ${ip}:8080`)).toMatchObject({ output: `curl: (7) Failed to connect to ${ip} port 8080 after 1 ms: Couldn't connect to server\n`, exitCode: 7 })
    expect(run('wget -qO- web/missing')).toMatchObject({ output: 'wget: server returned error: HTTP/1.1 404 Not Found\n', exitCode: 1 })
    expect(run('curl -sf web/missing')).toMatchObject({ output: '', exitCode: 22 })
    expect(run('curl -s -o /dev/null -w "%{http_code}" web')).toMatchObject({ output: '200', exitCode: 0 })
  })

  it('NodePort on any node and externalTrafficPolicy Local only on nodes with an endpoint', () => {
    const { sim, webPods } = cluster(WHOAMI, 1)
    kubectl(sim, 'patch svc web -p {"spec":{"type":"NodePort"}}')
    const svc = sim.store.get('Service', 'default', 'web')!
    const nodePort = (svc.spec as { ports: { nodePort: number }[] }).ports[0].nodePort
    const podNode = webPods()[0].spec.nodeName!
    const ipOf = (name: string) => (sim.store.get('Node', undefined, name)!.status as { addresses: { type: string; address: string }[] }).addresses[0].address
    const other = ['worker-1', 'worker-2', 'worker-3'].find((n) => n !== podNode)!
    expect(request(sim, 'external', `http://${ipOf(other)}:${nodePort}/`)).toMatchObject({ outcome: 'ok', status: 200 })
    // Cluster policy: the pod sees the node's address (SNAT).
    expect(request(sim, 'external', `http://${ipOf(other)}:${nodePort}/`).body).toContain(`RemoteAddr: ${ipOf(other)}:`)
    kubectl(sim, 'patch svc web -p {"spec":{"externalTrafficPolicy":"Local"}}')
    expect(request(sim, 'external', `http://${ipOf(other)}:${nodePort}/`).outcome).toBe('timeout')
    const local = request(sim, 'external', `http://${ipOf(podNode)}:${nodePort}/`)
    expect(local.body).toContain('RemoteAddr: 198.51.100.7:')
    // A node's own resolver does not know cluster names.
    expect(request(sim, `node:${podNode}`, 'http://web/').outcome).toBe('nxdomain')
  })

  it('LoadBalancer IPs carry outside traffic; internalTrafficPolicy Local keeps in-cluster traffic on the node', () => {
    const { sim, run, webPods } = cluster(WHOAMI, 1)
    kubectl(sim, 'patch svc web -p {"spec":{"type":"LoadBalancer"}}')
    sim.advance(10_000)
    const lb = (sim.store.get('Service', 'default', 'web')!.status as { loadBalancer: { ingress: { ip: string }[] } }).loadBalancer.ingress[0].ip
    expect(request(sim, 'external', `http://${lb}/`)).toMatchObject({ outcome: 'ok', servedBy: { metadata: { name: webPods()[0].metadata.name } } })
    kubectl(sim, 'patch svc web -p {"spec":{"internalTrafficPolicy":"Local"}}')
    const client = sim.store.get<Pod>('Pod', 'default', 'client')!
    const sameNode = client.spec.nodeName === webPods()[0].spec.nodeName
    expect(run('curl -s -o /dev/null -w "%{http_code}" web').output).toBe(sameNode ? '200' : '000')
  })
})

describe('runNetworkCommand never throws', () => {
  it('answers or declines random argument lists of curl, wget, nslookup, dig and shell loops', () => {
    const { sim, client } = cluster(WHOAMI, 1)
    const vocabulary = ['curl', 'wget', 'nslookup', 'dig', 'sh', '-c', '-s', '-S', '-sSf', '-qO-', '-O', '-', '-o', '/dev/null', '-w', '%{http_code}', '-m', '2', '-T', 'x', '+short', '@10.96.0.10', 'web', 'web:99999', 'http://', 'https://web:443/a?b=c', '10.96.0.10', 'for i in $(seq 1 3); do curl -s web; done', 'for', ';', 'done', '>/dev/null', '2>&1', 'cat', '/etc/resolv.conf', '']
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    for (let i = 0; i < 500; i++) {
      const argv = Array.from({ length: 1 + Math.floor(next() * 5) }, () => vocabulary[Math.floor(next() * vocabulary.length)])
      expect(() => runNetworkCommand(sim, client, argv)).not.toThrow()
    }
  })
})
