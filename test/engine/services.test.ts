import { describe, expect, it } from 'vitest'
import type { KubeEvent, KubeObject } from '../../src/engine/api/types.ts'
import { apply, deploymentYaml, kubectl, newSim } from '../helpers.ts'

const service = (name: string, spec: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
${spec}`

const ipNumber = (ip: string) => ip.split('.').reduce((n, p) => n * 256 + Number(p), 0)

interface Subset {
  addresses?: { ip: string; targetRef: { name: string } }[]
  notReadyAddresses?: { ip: string; targetRef: { name: string } }[]
  ports?: { name?: string; port: number }[]
}
interface SliceEndpoint {
  addresses: string[]
  conditions: { ready: boolean; serving: boolean; terminating: boolean }
  targetRef: { name: string }
}

const endpoints = (sim: ReturnType<typeof newSim>, name: string) => sim.store.get('Endpoints', 'default', name) as (KubeObject & { subsets?: Subset[] }) | undefined
const slices = (sim: ReturnType<typeof newSim>, name: string) =>
  sim.store.select('EndpointSlice', 'default', { matchLabels: { 'kubernetes.io/service-name': name } }) as (KubeObject & { endpoints: SliceEndpoint[]; ports?: { port: number }[] })[]

describe('Service IP and port allocation', () => {
  it('gives a ClusterIP Service an address from 10.96.0.0/12 above the static band, and NodePorts a port from 30000-32767', () => {
    const sim = newSim()
    apply(sim, service('web', '  type: NodePort\n  selector: {app: web}\n  ports:\n  - port: 80'))
    const spec = sim.store.get('Service', 'default', 'web')!.spec as { clusterIP: string; clusterIPs: string[]; ports: { nodePort: number; targetPort: number }[] }
    const n = ipNumber(spec.clusterIP)
    expect(n).toBeGreaterThan(ipNumber('10.96.1.0'))
    expect(n).toBeLessThan(ipNumber('10.112.0.0'))
    expect(spec.clusterIPs).toEqual([spec.clusterIP])
    expect(spec.ports[0].nodePort).toBeGreaterThanOrEqual(30086)
    expect(spec.ports[0].nodePort).toBeLessThanOrEqual(32767)
    expect(spec.ports[0].targetPort).toBe(80)
  })

  it('refuses a taken cluster IP, a taken node port and one out of range, in the allocators\' words', () => {
    const sim = newSim()
    expect(apply(sim, service('a', '  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 30080'))).toEqual(['service/a created'])
    expect(apply(sim, service('b', '  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 30080'))).toEqual([
      'The Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    ])
    expect(apply(sim, service('c', '  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 80'))).toEqual([
      'The Service "c" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    ])
    expect(apply(sim, service('d', '  clusterIP: 10.96.0.1\n  ports:\n  - port: 80'))).toEqual([
      'The Service "d" is invalid: spec.clusterIPs: Invalid value: ["10.96.0.1"]: failed to allocate IP 10.96.0.1: provided IP is already allocated',
    ])
    expect(apply(sim, service('e', '  clusterIP: 192.168.0.5\n  ports:\n  - port: 80'))).toEqual([
      'The Service "e" is invalid: spec.clusterIPs: Invalid value: ["192.168.0.5"]: failed to allocate IP 192.168.0.5: the provided network does not match the current range',
    ])
    // A freed port can be taken again.
    kubectl(sim, 'delete svc a')
    expect(apply(sim, service('b', '  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 30080'))).toEqual(['service/b created'])
  })

  it('validates ports as the API server does', () => {
    const sim = newSim()
    expect(apply(sim, service('m', '  ports:\n  - port: 80\n  - port: 81\n    targetPort: http--x'))).toEqual([
      'The Service "m" is invalid: \n* spec.ports[0].name: Required value\n* spec.ports[1].name: Required value\n* spec.ports[1].targetPort: Invalid value: "http--x": must not contain consecutive hyphens',
    ])
    expect(apply(sim, service('n', '  selector: {app: web}'))).toEqual(['The Service "n" is invalid: spec.ports: Required value'])
    expect(apply(sim, service('o', '  ports:\n  - port: 80\n    nodePort: 30001'))).toEqual([
      "The Service \"o\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ])
    expect(apply(sim, service('p', '  type: ExternalName'))).toEqual(['The Service "p" is invalid: spec.externalName: Required value'])
  })

  it('keeps the cluster IP through updates and refuses to change it', () => {
    const sim = newSim()
    apply(sim, service('web', '  selector: {app: web}\n  ports:\n  - port: 80'))
    const ip = (sim.store.get('Service', 'default', 'web')!.spec as { clusterIP: string }).clusterIP
    expect(apply(sim, service('web', '  selector: {app: web}\n  ports:\n  - port: 8080'))).toEqual(['service/web configured'])
    expect((sim.store.get('Service', 'default', 'web')!.spec as { clusterIP: string }).clusterIP).toBe(ip)
    const refused = apply(sim, service('web', '  clusterIP: 10.100.0.100\n  selector: {app: web}\n  ports:\n  - port: 8080'))
    expect(refused.join('\n')).toContain('The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: ["10.100.0.100"]: may not change once set')
  })

  it('drops node ports when a NodePort Service becomes ClusterIP, and allocates them when it goes back', () => {
    const sim = newSim()
    apply(sim, service('web', '  type: NodePort\n  selector: {app: web}\n  ports:\n  - port: 80'))
    apply(sim, service('web', '  type: ClusterIP\n  selector: {app: web}\n  ports:\n  - port: 80'))
    expect((sim.store.get('Service', 'default', 'web')!.spec as { ports: { nodePort?: number }[] }).ports[0].nodePort).toBeUndefined()
    apply(sim, service('web', '  type: NodePort\n  selector: {app: web}\n  ports:\n  - port: 80'))
    expect((sim.store.get('Service', 'default', 'web')!.spec as { ports: { nodePort?: number }[] }).ports[0].nodePort).toBeGreaterThanOrEqual(30000)
  })
})

describe('EndpointSlices and Endpoints follow the pods a Service selects', () => {
  it('lists running pods as ready endpoints, on the target port, and follows scaling', () => {
    const sim = newSim()
    apply(sim, deploymentYaml('web', 3, 'nginx:1.27', '        ports:\n        - name: http\n          containerPort: 8080\n'))
    apply(sim, service('web', '  selector: {app: web}\n  ports:\n  - name: web\n    port: 80\n    targetPort: http'))
    expect(endpoints(sim, 'web')?.subsets).toBeUndefined()
    expect(slices(sim, 'web')).toHaveLength(1)
    expect(slices(sim, 'web')[0].endpoints).toEqual([])
    sim.advance(30_000)
    const subset = endpoints(sim, 'web')!.subsets!
    expect(subset).toHaveLength(1)
    expect(subset[0].ports).toEqual([{ name: 'web', port: 8080, protocol: 'TCP' }])
    expect(subset[0].addresses).toHaveLength(3)
    const slice = slices(sim, 'web')[0]
    expect(slice.ports).toEqual([{ name: 'web', port: 8080, protocol: 'TCP' }])
    expect(slice.endpoints.map((e) => e.conditions)).toEqual(Array(3).fill({ ready: true, serving: true, terminating: false }))
    expect(slice.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Service', name: 'web', controller: true })

    kubectl(sim, 'scale deployment web --replicas=1')
    // Endpoints drop terminating pods at once; the slice keeps them as terminating until they go.
    expect(endpoints(sim, 'web')!.subsets![0].addresses).toHaveLength(1)
    expect(slices(sim, 'web')[0].endpoints.filter((e) => e.conditions.terminating).map((e) => e.conditions)).toEqual(Array(2).fill({ ready: false, serving: true, terminating: true }))
    sim.advance(40_000)
    expect(slices(sim, 'web')[0].endpoints).toHaveLength(1)
  })

  it('puts pods failing readiness under notReadyAddresses and ready=false, unless publishNotReadyAddresses', () => {
    const sim = newSim()
    const probe = `        command: ["sh", "-c", "touch /tmp/ready; sleep 20; rm /tmp/ready; sleep 3600"]
        readinessProbe:
          exec: {command: ["cat", "/tmp/ready"]}
          periodSeconds: 5
`
    apply(sim, deploymentYaml('web', 1, 'busybox:1.36', probe))
    apply(sim, service('web', '  selector: {app: web}\n  ports:\n  - port: 80'))
    apply(sim, service('all', '  publishNotReadyAddresses: true\n  selector: {app: web}\n  ports:\n  - port: 80'))
    sim.advance(15_000)
    expect(endpoints(sim, 'web')!.subsets![0].addresses).toHaveLength(1)
    sim.advance(30_000)
    const subset = endpoints(sim, 'web')!.subsets![0]
    expect(subset.addresses).toBeUndefined()
    expect(subset.notReadyAddresses).toHaveLength(1)
    expect(slices(sim, 'web')[0].endpoints[0].conditions).toEqual({ ready: false, serving: false, terminating: false })
    expect(endpoints(sim, 'all')!.subsets![0].addresses).toHaveLength(1)
    expect(slices(sim, 'all')[0].endpoints[0].conditions.ready).toBe(true)
  })

  it('leaves Services without a selector to endpoints written by hand, and removes managed ones with their Service', () => {
    const sim = newSim()
    apply(sim, service('db', '  ports:\n  - port: 5432'))
    apply(sim, `apiVersion: v1
kind: Endpoints
metadata:
  name: db
subsets:
- addresses:
  - ip: 192.168.1.10
  ports:
  - port: 5432
`)
    sim.advance(5_000)
    expect(endpoints(sim, 'db')!.subsets![0].addresses![0].ip).toBe('192.168.1.10')
    expect(slices(sim, 'db')).toHaveLength(0)
    expect(kubectl(sim, 'get endpoints db')).toBe('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\nNAME   ENDPOINTS           AGE\ndb     192.168.1.10:5432   5s\n')

    apply(sim, deploymentYaml('web', 1))
    apply(sim, service('web', '  selector: {app: web}\n  ports:\n  - port: 80'))
    sim.advance(10_000)
    kubectl(sim, 'delete service web')
    sim.advance(1_000)
    expect(endpoints(sim, 'web')).toBeUndefined()
    expect(slices(sim, 'web')).toHaveLength(0)
  })

  it('publishes the API server behind the kubernetes Service', () => {
    const sim = newSim()
    expect(kubectl(sim, 'get endpoints kubernetes')).toBe('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\nNAME         ENDPOINTS         AGE\nkubernetes   172.18.0.2:6443   0s\n')
  })
})

describe('LoadBalancer Services', () => {
  it('get an external IP from the cloud a few seconds later, with the service controller\'s events', () => {
    const sim = newSim()
    apply(sim, service('lb', '  type: LoadBalancer\n  selector: {app: web}\n  ports:\n  - port: 80'))
    expect(kubectl(sim, 'get svc lb')).toMatch(/^lb\s+LoadBalancer\s+\S+\s+<pending>\s+80:\d+\/TCP\s+0s$/m)
    sim.advance(10_000)
    expect(kubectl(sim, 'get svc lb')).toMatch(/^lb\s+LoadBalancer\s+\S+\s+203\.0\.113\.10\s+80:\d+\/TCP\s+10s$/m)
    const reasons = sim.store.list<KubeEvent>('Event', 'default').filter((e) => e.involvedObject.name === 'lb').map((e) => e.reason)
    expect(reasons).toEqual(['EnsuringLoadBalancer', 'EnsuredLoadBalancer'])
  })

  it('stay <pending> on bare metal', () => {
    const sim = newSim({ loadBalancers: false })
    apply(sim, service('lb', '  type: LoadBalancer\n  selector: {app: web}\n  ports:\n  - port: 80'))
    sim.advance(60_000)
    expect(kubectl(sim, 'get svc lb')).toMatch(/<pending>/)
  })
})
