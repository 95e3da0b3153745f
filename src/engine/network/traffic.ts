import type { ServicePort, ServiceSpec } from '../admission/serviceDefaults.ts'
import type { KubeObject, Node, Pod } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import { httpAnswer, listeningPorts } from '../images/httpAnswers.ts'
import { lookupImage, parseImageReference } from '../images/reference.ts'
import { resolveHost } from './dns.ts'
import { SERVICE_NAME_LABEL } from './serviceEndpoints.ts'
import { TrafficLog, type Hop } from './trafficLog.ts'

/**
 * Traffic through the cluster as kube-proxy (iptables mode) carries it: a client
 * resolves a name, connects to a Service's cluster IP, node port or load-balancer IP,
 * and one ready endpoint is chosen at random (or the one sessionAffinity pins); then
 * the pod's container answers, or refuses when nothing listens on the port.
 */

/** Who sends: a pod, a node's host network (`node:worker-1`), or a machine outside the cluster. */
export type TrafficSource = Pod | `node:${string}` | 'external'

/** Where outside traffic comes from (TEST-NET-2). */
export const EXTERNAL_CLIENT_IP = '198.51.100.7'
/** Linux gives up on a connect after six SYN retries, about 130 s. */
export const CONNECT_TIMEOUT_MS = 130_000
/** sessionAffinityConfig.clientIP.timeoutSeconds's default: three hours. */
const DEFAULT_AFFINITY_SECONDS = 10_800

export type TrafficOutcome = 'ok' | 'refused' | 'timeout' | 'nxdomain' | 'dns-timeout'

export interface TrafficResult {
  outcome: TrafficOutcome
  /** The host and port as the URL gave them, and the address it resolved to. */
  host: string
  port: number
  ip?: string
  path: string
  status?: number
  reason?: string
  body: string
  servedBy?: Pod
  hops: Hop[]
}

/** The pieces of an http(s) URL curl and wget accept, scheme optional. */
export function parseUrl(url: string): { scheme: string; host: string; port: number; path: string } | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#\s]+)(?::(\d+))?([/?][^#\s]*)?$/i.exec(url)
  if (!m) return undefined
  const scheme = (m[1] ?? 'http').toLowerCase()
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80
  if (port < 1 || port > 65535) return undefined
  const path = !m[4] ? '/' : m[4].startsWith('?') ? `/${m[4]}` : m[4]
  return { scheme, host: m[2].toLowerCase(), port, path }
}

interface Simulated {
  ctx: EngineContext
  /** The simulation's kubelets: a stopped one carries no traffic. */
  kubelets?: Map<string, { online: boolean }>
}

const nodeIP = (node: Node) => (node.status.addresses ?? []).find((a) => a.type === 'InternalIP')?.address
const podKey = (p: KubeObject) => `${p.metadata.namespace}/${p.metadata.name}`

function nodeUp(sim: Simulated, name: string | undefined): boolean {
  if (!name) return false
  const kubelet = sim.kubelets?.get(name)
  return kubelet ? kubelet.online : !!sim.ctx.store.get('Node', undefined, name)
}

/** The client's address and the node it sits on. */
function client(sim: Simulated, from: TrafficSource): { ip: string; node?: string; label: string } {
  if (from === 'external') return { ip: EXTERNAL_CLIENT_IP, label: 'external' }
  if (typeof from === 'string') {
    const name = from.slice('node:'.length)
    const node = sim.ctx.store.get<Node>('Node', undefined, name)
    return { ip: (node && nodeIP(node)) ?? '', node: name, label: from }
  }
  return { ip: from.status.podIP ?? '', node: from.spec.nodeName, label: `pod ${podKey(from)}` }
}

interface EndpointView {
  ip: string
  port: number
  nodeName?: string
  ready: boolean
  serving: boolean
  terminating: boolean
  pod?: string
}

/** The Service port's endpoints from its EndpointSlices, each with the target port kube-proxy would DNAT to. */
function serviceEndpoints(sim: Simulated, svc: KubeObject, port: ServicePort): EndpointView[] {
  const out: EndpointView[] = []
  const slices = sim.ctx.store.select('EndpointSlice', svc.metadata.namespace, { matchLabels: { [SERVICE_NAME_LABEL]: svc.metadata.name } })
  for (const slice of slices) {
    const slicePort = ((slice.ports ?? []) as { name?: string; port: number; protocol?: string }[]).find((p) => (p.name ?? '') === (port.name ?? '') && (p.protocol ?? 'TCP') === 'TCP')
    if (!slicePort) continue
    for (const ep of (slice.endpoints ?? []) as { addresses: string[]; conditions?: Record<string, boolean>; nodeName?: string; targetRef?: { name: string } }[]) {
      const c = ep.conditions ?? {}
      out.push({
        ip: ep.addresses[0],
        port: slicePort.port,
        nodeName: ep.nodeName,
        ready: c.ready !== false,
        serving: c.serving ?? c.ready !== false,
        terminating: !!c.terminating,
        pod: ep.targetRef?.name,
      })
    }
  }
  return out
}

/**
 * kube-proxy's candidates: ready endpoints, or, when none is ready, those still
 * serving while they terminate; with a Local traffic policy only those on the node
 * the traffic arrived at.
 */
function candidates(endpoints: EndpointView[], localNode: string | undefined): EndpointView[] {
  const scoped = localNode === undefined ? endpoints : endpoints.filter((e) => e.nodeName === localNode)
  const ready = scoped.filter((e) => e.ready)
  return ready.length ? ready : scoped.filter((e) => e.serving && e.terminating)
}

interface Entry {
  svc: KubeObject
  port: ServicePort
  /** The node the traffic entered at, for NodePort and load-balancer traffic. */
  viaNode?: string
  external: boolean
  hop: Hop
}

/** Which Service (and which of its ports) a destination address and port belongs to. */
function findEntry(sim: Simulated, ip: string, port: number, source: { node?: string }, fromOutside: boolean): Entry | 'node' | undefined {
  const { store } = sim.ctx
  const services = store.list('Service')
  for (const svc of services) {
    const spec = (svc.spec ?? {}) as ServiceSpec
    if (spec.clusterIP === ip && ip !== 'None') {
      const p = (spec.ports ?? []).find((x) => x.port === port && (x.protocol ?? 'TCP') === 'TCP')
      if (!p) return undefined
      return { svc, port: p, external: false, hop: { kind: 'service', label: `${podKey(svc)}`, detail: `${ip}:${port}` } }
    }
    const ingress = ((svc.status as { loadBalancer?: { ingress?: { ip?: string }[] } } | undefined)?.loadBalancer?.ingress ?? []).map((i) => i.ip)
    if (ingress.includes(ip)) {
      const p = (spec.ports ?? []).find((x) => x.port === port && (x.protocol ?? 'TCP') === 'TCP')
      if (!p) return undefined
      return { svc, port: p, external: true, hop: { kind: 'loadBalancer', label: podKey(svc), detail: `${ip}:${port}` } }
    }
  }
  const node = store.list<Node>('Node').find((n) => nodeIP(n) === ip)
  if (!node) return undefined
  for (const svc of services) {
    const p = (((svc.spec ?? {}) as ServiceSpec).ports ?? []).find((x) => x.nodePort === port && (x.protocol ?? 'TCP') === 'TCP')
    if (p) return { svc, port: p, viaNode: node.metadata.name, external: fromOutside || source.node !== node.metadata.name, hop: { kind: 'nodePort', label: podKey(svc), detail: `${node.metadata.name} ${ip}:${port}` } }
  }
  return 'node'
}

/** Picks the endpoint: the pinned one under ClientIP affinity if still a candidate, else one at random. */
function choose(sim: Simulated, svc: KubeObject, list: EndpointView[], clientIP: string): EndpointView {
  const spec = (svc.spec ?? {}) as ServiceSpec & { sessionAffinityConfig?: { clientIP?: { timeoutSeconds?: number } } }
  const log = TrafficLog.of(sim.ctx)
  const now = sim.ctx.clock.now
  const key = podKey(svc)
  if (spec.sessionAffinity === 'ClientIP') {
    const timeoutMs = (spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS) * 1000
    const pinned = log.pinned(key, clientIP, now, timeoutMs)
    const keep = pinned && list.find((e) => e.ip === pinned)
    const chosen = keep || list[sim.ctx.rng.int(list.length)]
    log.pin(key, clientIP, chosen.ip, now)
    return chosen
  }
  return list[sim.ctx.rng.int(list.length)]
}

/**
 * Sends one HTTP GET from `from` to `url`, as curl or wget would, and records it.
 * Nothing in the cluster changes but the traffic log and the random stream.
 */
export function request(sim: Simulated, from: TrafficSource, url: string, userAgent = 'curl/8.11.1'): TrafficResult {
  const { store, clock } = sim.ctx
  const parsed = parseUrl(url)
  const src = client(sim, from)
  const hops: Hop[] = [{ kind: 'client', label: src.label, detail: src.ip }]
  const host = parsed?.host ?? url
  const base = { host, port: parsed?.port ?? 80, path: parsed?.path ?? '/', body: '', hops }
  const finish = (result: TrafficResult): TrafficResult => {
    TrafficLog.of(sim.ctx).record({
      at: clock.now,
      from: src.label,
      url,
      hops,
      outcome: result.outcome === 'ok' ? String(result.status) : result.outcome,
      ...(result.servedBy ? { servedBy: podKey(result.servedBy) } : {}),
    })
    return result
  }
  if (!parsed) return finish({ ...base, outcome: 'nxdomain' })

  // Name resolution: a pod asks cluster DNS through its search path; hosts only know addresses.
  let ip: string
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) ip = host === '127.0.0.1' && typeof from === 'object' && from.status.podIP ? from.status.podIP : host
  // localhost in a pod is the pod itself: its own containers, on its own network namespace.
  else if (host === 'localhost' && typeof from === 'object' && from.status.podIP) ip = from.status.podIP
  else if (typeof from === 'object') {
    const r = resolveHost(store, from, host)
    if (!r.ok) {
      hops.push({ kind: 'dns', label: host, detail: r.reason === 'timeout' ? 'timed out' : 'NXDOMAIN' })
      return finish({ ...base, outcome: r.reason === 'timeout' ? 'dns-timeout' : 'nxdomain' })
    }
    ip = r.addresses[0]
    hops.push({ kind: 'dns', label: r.name, detail: ip })
  } else {
    hops.push({ kind: 'dns', label: host, detail: 'NXDOMAIN' })
    return finish({ ...base, outcome: 'nxdomain' })
  }
  const withIP = { ...base, ip }

  // kube-proxy: a Service address is rewritten to one of its endpoints.
  let target = { ip, port: parsed.port }
  const entry = findEntry(sim, ip, parsed.port, src, from === 'external')
  if (entry === 'node') return finish({ ...withIP, outcome: 'refused' })
  if (entry) {
    hops.push(entry.hop)
    const spec = (entry.svc.spec ?? {}) as ServiceSpec
    let local: string | undefined
    let viaNode = entry.viaNode
    if (entry.hop.kind === 'loadBalancer') {
      // The cloud's load balancer sends to a node; with Local it health-checks nodes and picks one with endpoints.
      const nodes = store.list<Node>('Node').filter((n) => nodeUp(sim, n.metadata.name)).map((n) => n.metadata.name)
      const all = serviceEndpoints(sim, entry.svc, entry.port)
      const healthy = spec.externalTrafficPolicy === 'Local' ? nodes.filter((n) => candidates(all, n).length) : nodes
      viaNode = healthy.length ? healthy[sim.ctx.rng.int(healthy.length)] : nodes[0]
    }
    if (entry.external && spec.externalTrafficPolicy === 'Local') local = viaNode
    else if (!entry.external && spec.internalTrafficPolicy === 'Local') local = src.node ?? '\u0000'
    const all = serviceEndpoints(sim, entry.svc, entry.port)
    const list = candidates(all, local)
    if (list.length === 0) {
      // No endpoints at all: kube-proxy rejects. None local under a Local policy: it drops.
      const anyServing = candidates(all, undefined).length > 0
      return finish({ ...withIP, outcome: anyServing && local !== undefined ? 'timeout' : 'refused' })
    }
    const chosen = choose(sim, entry.svc, list, src.ip)
    hops.push({ kind: 'endpoint', label: `${chosen.ip}:${chosen.port}`, detail: chosen.nodeName })
    target = { ip: chosen.ip, port: chosen.port }
  }

  // The pod at the target address answers, refuses, or is unreachable.
  const pod = store.list<Pod>('Pod').find((p) => p.status.podIP === target.ip && !p.spec.hostNetwork && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed')
  if (!pod || !nodeUp(sim, pod.spec.nodeName)) return finish({ ...withIP, outcome: 'timeout' })
  hops.push({ kind: 'pod', label: podKey(pod), detail: pod.spec.nodeName })
  for (const status of pod.status.containerStatuses ?? []) {
    if (!status.state?.running) continue
    const container = pod.spec.containers.find((c) => c.name === status.name)
    const ref = container && parseImageReference(container.image)
    const image = ref && lookupImage(ref)
    if (!container || !image || !listeningPorts(image, container).includes(target.port)) continue
    // NodePort and load-balancer traffic with policy Cluster is SNATed to the node's address.
    const snat = entry && entry.external && ((entry.svc.spec ?? {}) as ServiceSpec).externalTrafficPolicy !== 'Local'
    const node = snat && entry.viaNode ? store.get<Node>('Node', undefined, entry.viaNode) : undefined
    const clientIP = (node && nodeIP(node)) || src.ip
    const answer = httpAnswer(image, container, {
      method: 'GET',
      path: parsed.path,
      host: parsed.port === 80 ? host : `${host}:${parsed.port}`,
      userAgent,
      clientAddress: `${clientIP}:${32768 + sim.ctx.rng.int(28232)}`,
      podName: pod.metadata.name,
      podIP: pod.status.podIP ?? '',
      now: clock.rfc3339(),
    })
    return finish({ ...withIP, outcome: 'ok', status: answer.status, reason: answer.reason, body: answer.body, servedBy: pod })
  }
  return finish({ ...withIP, outcome: 'refused', servedBy: undefined })
}
