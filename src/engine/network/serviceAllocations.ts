import type { ApiStore } from '../api/store.ts'
import type { KubeObject } from '../api/types.ts'
import type { SeededRandom } from '../rng.ts'

/** kubeadm's --service-cluster-ip-range: 10.96.0.0/12. */
export const SERVICE_CIDR = '10.96.0.0/12'
const CIDR_BASE = (10 << 24) | (96 << 16)
const CIDR_SIZE = 1 << 20
/**
 * The low band kept for static picks (ServiceIPStaticSubrange): min(max(16, size/16), 256)
 * addresses after the network address, so 10.96.0.1 … 10.96.1.0. Dynamic allocation
 * draws from above it first.
 */
const IP_STATIC_BAND = 256

/** --service-node-port-range: 30000-32767. */
export const NODE_PORT_MIN = 30000
export const NODE_PORT_MAX = 32767
/** ServiceNodePortStaticSubrange: min(max(16, size/32), 128) ports kept for static picks. */
const NODE_PORT_STATIC_BAND = Math.min(Math.max(16, Math.floor((NODE_PORT_MAX - NODE_PORT_MIN + 1) / 32)), 128)

interface ServiceSpecView {
  clusterIP?: string
  ports?: { nodePort?: number; protocol?: string }[]
}

export function ipToNumber(ip: string): number | undefined {
  const parts = ip.split('.')
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined
  return parts.reduce((n, p) => n * 256 + Number(p), 0)
}

function numberToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.')
}

export function inServiceCidr(ip: string): boolean {
  const n = ipToNumber(ip)
  return n !== undefined && n > CIDR_BASE && n < CIDR_BASE + CIDR_SIZE - 1
}

/**
 * Which cluster IPs and node ports the Services of one store hold: the API server's
 * IP and port allocators, kept from the Service watch so an allocation never scans
 * every Service. Keyed by `namespace/name` of the holder.
 */
export class ServiceAllocations {
  private static byStore = new WeakMap<ApiStore, ServiceAllocations>()

  static of(store: ApiStore): ServiceAllocations {
    let allocations = ServiceAllocations.byStore.get(store)
    if (!allocations) ServiceAllocations.byStore.set(store, (allocations = new ServiceAllocations(store)))
    return allocations
  }

  private ips = new Map<string, string>()
  /** `protocol/port` → holder; a node port is held per protocol. */
  private nodePorts = new Map<string, string>()

  private constructor(store: ApiStore) {
    for (const svc of store.list('Service')) this.hold(svc)
    store.watch((type, obj, old) => {
      if (type === 'DELETED') return this.release(obj)
      if (old) this.release(old)
      this.hold(obj)
    }, ['Service'])
  }

  /** The Service (`namespace/name`) holding a cluster IP, if any. */
  ipHolder(ip: string): string | undefined {
    return this.ips.get(ip)
  }

  nodePortHolder(port: number, protocol = 'TCP'): string | undefined {
    return this.nodePorts.get(`${protocol}/${port}`)
  }

  /** A free IP, drawn at random from above the static band (then from it, when the rest is full). */
  nextIP(rng: SeededRandom): string {
    for (let tries = 0; tries < 64; tries++) {
      const ip = numberToIp(CIDR_BASE + IP_STATIC_BAND + 1 + rng.int(CIDR_SIZE - IP_STATIC_BAND - 2))
      if (!this.ips.has(ip)) return ip
    }
    for (let n = CIDR_BASE + 1; n < CIDR_BASE + CIDR_SIZE - 1; n++) if (!this.ips.has(numberToIp(n))) return numberToIp(n)
    throw new Error('service IP range is full')
  }

  /** A free node port, drawn at random from above the static band first, as the allocator does. */
  nextNodePort(rng: SeededRandom, protocol: string, taken: Set<number>): number | undefined {
    const free = (p: number) => !taken.has(p) && !this.nodePorts.has(`${protocol}/${p}`)
    const upper = NODE_PORT_MAX - NODE_PORT_MIN + 1 - NODE_PORT_STATIC_BAND
    for (let tries = 0; tries < 64; tries++) {
      const port = NODE_PORT_MIN + NODE_PORT_STATIC_BAND + rng.int(upper)
      if (free(port)) return port
    }
    for (let p = NODE_PORT_MIN; p <= NODE_PORT_MAX; p++) if (free(p)) return p
    return undefined
  }

  private hold(svc: KubeObject): void {
    const key = `${svc.metadata.namespace}/${svc.metadata.name}`
    const spec = (svc.spec ?? {}) as ServiceSpecView
    if (spec.clusterIP && spec.clusterIP !== 'None') this.ips.set(spec.clusterIP, key)
    for (const p of spec.ports ?? []) if (p.nodePort) this.nodePorts.set(`${p.protocol ?? 'TCP'}/${p.nodePort}`, key)
  }

  private release(svc: KubeObject): void {
    const key = `${svc.metadata.namespace}/${svc.metadata.name}`
    const spec = (svc.spec ?? {}) as ServiceSpecView
    if (spec.clusterIP && this.ips.get(spec.clusterIP) === key) this.ips.delete(spec.clusterIP)
    for (const p of spec.ports ?? []) {
      const k = `${p.protocol ?? 'TCP'}/${p.nodePort}`
      if (p.nodePort && this.nodePorts.get(k) === key) this.nodePorts.delete(k)
    }
  }
}
