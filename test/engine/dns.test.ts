import { describe, expect, it } from 'vitest'
import type { Pod } from '../../src/engine/api/types.ts'
import { CLUSTER_DNS_IP } from '../../src/engine/network/coreDns.ts'
import { candidateNames, lookupA, resolveHost, resolvConf, resolverConfig } from '../../src/engine/network/dns.ts'
import { runNetworkCommand } from '../../src/engine/network/networkCommands.ts'
import { parseScript } from '../../src/cli/scriptParser.ts'
import { apply, deploymentYaml, kubectl, newSim, podYaml } from '../helpers.ts'

function cluster() {
  const sim = newSim({ coreDns: true })
  apply(sim, deploymentYaml('web', 2, 'nginx:1.27'))
  kubectl(sim, 'expose deployment web --port=80')
  apply(sim, podYaml('client', 'busybox:1.37', '    command: ["sleep", "3600"]'))
  sim.advance(30_000)
  const client = sim.store.get<Pod>('Pod', 'default', 'client')!
  const run = (script: string) => runNetworkCommand(sim, client, ['sh', '-c', script])!
  const ip = (ns: string, name: string) => (sim.store.get('Service', ns, name)!.spec as { clusterIP: string }).clusterIP
  return { sim, client, run, ip }
}

describe('CoreDNS as kubeadm installs it', () => {
  it('runs two coredns pods in kube-system behind kube-dns at 10.96.0.10', () => {
    const { sim } = cluster()
    expect(kubectl(sim, 'get svc kube-dns -n kube-system')).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP.*\nkube-dns\s+ClusterIP\s+10\.96\.0\.10\s+<none>\s+53\/UDP,53\/TCP,9153\/TCP\s+30s\n$/)
    expect(kubectl(sim, 'get deploy coredns -n kube-system')).toMatch(/coredns\s+2\/2\s+2\s+2\s+30s/)
    const pods = sim.store.select<Pod>('Pod', 'kube-system', { matchLabels: { 'k8s-app': 'kube-dns' } })
    expect(pods.map((p) => p.spec.containers[0].image)).toEqual(['registry.k8s.io/coredns/coredns:v1.12.0', 'registry.k8s.io/coredns/coredns:v1.12.0'])
    expect(pods.every((p) => p.spec.dnsPolicy === 'Default' && p.spec.priorityClassName === 'system-cluster-critical')).toBe(true)
  })
})

describe('the pod resolver', () => {
  it('writes /etc/resolv.conf from the pod namespace, and honours dnsPolicy and dnsConfig', () => {
    const { client, run } = cluster()
    expect(run('cat /etc/resolv.conf')).toMatchObject({ output: 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n', exitCode: 0 })
    const other = { ...client, metadata: { ...client.metadata, namespace: 'prod' } } as Pod
    expect(resolvConf(other)).toBe('search prod.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n')
    const hostNet = { ...client, spec: { ...client.spec, hostNetwork: true } } as Pod
    expect(resolvConf(hostNet)).toBe('nameserver 172.18.0.1\n')
    const withHostNet = { ...client, spec: { ...client.spec, hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' } } as Pod
    expect(resolverConfig(withHostNet).nameservers).toEqual([CLUSTER_DNS_IP])
    const none = { ...client, spec: { ...client.spec, dnsPolicy: 'None', dnsConfig: { nameservers: ['1.1.1.1'], searches: ['corp.example'], options: [{ name: 'ndots', value: '2' }] } } } as Pod
    expect(resolvConf(none)).toBe('search corp.example\nnameserver 1.1.1.1\noptions ndots:2\n')
  })

  it('tries the search path first for names with fewer than five dots', () => {
    const { client } = cluster()
    expect(candidateNames('web', resolverConfig(client))).toEqual(['web.default.svc.cluster.local', 'web.svc.cluster.local', 'web.cluster.local', 'web'])
    expect(candidateNames('web.default.svc.cluster.local.', resolverConfig(client))).toEqual(['web.default.svc.cluster.local'])
  })

  it('resolves svc, svc.ns and the full name to the cluster IP; unknown names are NXDOMAIN', () => {
    const { sim, client, ip } = cluster()
    for (const name of ['web', 'web.default', 'web.default.svc', 'web.default.svc.cluster.local']) {
      const r = resolveHost(sim.store, client, name)
      expect(r.ok && r.addresses).toEqual([ip('default', 'web')])
    }
    expect(resolveHost(sim.store, client, 'kubernetes.default')).toMatchObject({ ok: true, addresses: ['10.96.0.1'], name: 'kubernetes.default.svc.cluster.local' })
    expect(resolveHost(sim.store, client, 'kube-dns.kube-system')).toMatchObject({ ok: true, addresses: ['10.96.0.10'] })
    expect(resolveHost(sim.store, client, 'nothere')).toMatchObject({ ok: false, reason: 'NXDOMAIN' })
  })

  it('answers headless Services with ready pod IPs, StatefulSet pod names, pod A records and ExternalName CNAMEs', () => {
    const { sim } = cluster()
    apply(sim, `apiVersion: v1
kind: Service
metadata: {name: db}
spec:
  clusterIP: None
  selector: {app: db}
  ports: [{port: 80}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  replicas: 2
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: nginx, image: "nginx:1.27"}]
---
apiVersion: v1
kind: Service
metadata: {name: ext}
spec:
  type: ExternalName
  externalName: my.database.example.com
`)
    sim.advance(30_000)
    const ips = ['db-0', 'db-1'].map((n) => sim.store.get<Pod>('Pod', 'default', n)!.status.podIP!)
    const headless = lookupA(sim.store, 'db.default.svc.cluster.local')
    expect(headless.rcode === 'NOERROR' && [...headless.addresses].sort()).toEqual([...ips].sort())
    expect(lookupA(sim.store, 'db-1.db.default.svc.cluster.local')).toEqual({ rcode: 'NOERROR', name: 'db-1.db.default.svc.cluster.local', addresses: [ips[1]] })
    expect(lookupA(sim.store, 'db-2.db.default.svc.cluster.local').rcode).toBe('NXDOMAIN')
    expect(lookupA(sim.store, `${ips[0].replace(/\./g, '-')}.default.pod.cluster.local`)).toMatchObject({ rcode: 'NOERROR', addresses: [ips[0]] })
    expect(lookupA(sim.store, 'ext.default.svc.cluster.local')).toEqual({ rcode: 'NOERROR', name: 'ext.default.svc.cluster.local', cname: 'my.database.example.com', addresses: [] })
    // A headless Service whose pods are not ready has no A records.
    kubectl(sim, 'scale statefulset db --replicas=0')
    sim.advance(60_000)
    expect(lookupA(sim.store, 'db.default.svc.cluster.local').rcode).toBe('NXDOMAIN')
  })
})

describe('nslookup and dig as students run them', () => {
  it('prints busybox nslookup: one query per search domain, A then AAAA', () => {
    const { run, ip } = cluster()
    const web = ip('default', 'web')
    expect(run('nslookup web')).toMatchObject({
      output: `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${web}\n\n** server can't find web.svc.cluster.local: NXDOMAIN\n\n** server can't find web.cluster.local: NXDOMAIN\n\n\n** server can't find web.svc.cluster.local: NXDOMAIN\n\n** server can't find web.cluster.local: NXDOMAIN\n\n`,
      exitCode: 1,
    })
    expect(run('nslookup web.default.svc.cluster.local')).toMatchObject({ output: `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${web}\n\n\n`, exitCode: 0 })
    // busybox sends a dotted name as is, without the search path.
    expect(run('nslookup web.default').output).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find web.default: NXDOMAIN\n\n** server can't find web.default: NXDOMAIN\n\n")
    expect(run('dig +short web.default.svc.cluster.local')).toMatchObject({ output: `${web}\n`, exitCode: 0 })
    expect(run('dig +short web')).toMatchObject({ output: '', exitCode: 0 })
  })

  it('times out when CoreDNS is scaled to zero', () => {
    const { sim, run } = cluster()
    kubectl(sim, 'scale deployment coredns -n kube-system --replicas=0')
    sim.advance(60_000)
    expect(run('nslookup web')).toMatchObject({ output: ';; connection timed out; no servers could be reached\n\n', exitCode: 1 })
    expect(run('dig +short web.default.svc.cluster.local')).toMatchObject({ output: ';; connection timed out; no servers could be reached\n', exitCode: 9 })
    expect(run('curl web')).toMatchObject({ output: 'curl: (6) Could not resolve host: web\n', exitCode: 6 })
    expect(run('wget -qO- web')).toMatchObject({ output: "wget: bad address 'web'\n", exitCode: 1 })
    // The resolver waits out its timeouts before giving up.
    expect(run('nslookup web').elapsedMs).toBe(10_000)
  })

  it('fails until a CoreDNS pod is Ready again, then answers', () => {
    const { sim, run } = cluster()
    kubectl(sim, 'scale deployment coredns -n kube-system --replicas=0')
    sim.advance(60_000)
    kubectl(sim, 'scale deployment coredns -n kube-system --replicas=2')
    sim.advance(100)
    const dnsPods = () => sim.store.select<Pod>('Pod', 'kube-system', { matchLabels: { 'k8s-app': 'kube-dns' } })
    expect(dnsPods()).toHaveLength(2)
    expect(run('wget -qO- web')).toMatchObject({ output: "wget: bad address 'web'\n", exitCode: 1 })
    sim.advance(30_000)
    expect(run('nslookup web.default.svc.cluster.local')).toMatchObject({ exitCode: 0 })
    expect(run('wget -qO- web').output).toContain('<title>Welcome to nginx!</title>')
  })
})

describe('a cluster without CoreDNS (cluster --no-coredns)', () => {
  it('is what the script flag builds', () => {
    expect(parseScript('cluster --no-coredns --workers 2\n')[0]).toMatchObject({ kind: 'cluster', spec: { coreDns: false, workers: 2 } })
  })

  it('has no kube-dns, so names time out while addresses still answer', () => {
    const sim = newSim({ coreDns: false })
    apply(sim, deploymentYaml('web', 2, 'nginx:1.27'))
    kubectl(sim, 'expose deployment web --port=80 --cluster-ip=10.96.100.100')
    apply(sim, podYaml('client', 'busybox:1.37', '    command: ["sleep", "3600"]'))
    sim.advance(30_000)
    expect(sim.store.list('Pod', 'kube-system')).toEqual([])
    expect(kubectl(sim, 'cluster-info')).not.toContain('CoreDNS')
    const client = sim.store.get<Pod>('Pod', 'default', 'client')!
    const run = (script: string) => runNetworkCommand(sim, client, ['sh', '-c', script])!
    expect(run('nslookup web')).toMatchObject({ output: ';; connection timed out; no servers could be reached\n\n', exitCode: 1 })
    expect(run('wget -qO- web')).toMatchObject({ output: "wget: bad address 'web'\n", exitCode: 1 })
    expect(run('wget -qO- 10.96.100.100').output).toContain('<title>Welcome to nginx!</title>')
  })
})
