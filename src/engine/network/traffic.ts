import type { ServicePort, ServiceSpec } from '../admission/serviceDefaults.ts'
import type { KubeObject, Node, Pod } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import { httpAnswer, listeningPorts } from '../images/httpAnswers.ts'
import { lookupImage, parseImageReference } from '../images/reference.ts'
import { ingressControllerInstances, ingressesServedBy } from '../controllers/ingressController.ts'
import { CLUSTER_DNS_IP, DNS_LABEL } from './coreDns.ts'
import { ingressProxyHeaders } from './ingressHeaders.ts'
import { resolveHost, resolverConfig } from './dns.ts'
import { answerIngressRequest } from './ingressRouting.ts'
import { allowed, type Endpoint } from './networkPolicy.ts'
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

/** What traffic needs of the simulation (a Simulation is one). */
export interface Simulated {
  ctx: EngineContext
  /** The simulation's kubelets: a stopped one carries no traffic. */
  kubelets?: Map<string, { online: boolean }>
  /** Whether the network plugin enforces NetworkPolicies (default: it does). */
  cluster?: { networkPolicies: boolean }
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

/**
 * Spreads `count` requests over the candidates as kube-proxy's random pick would: the
 * pinned one under ClientIP affinity takes them all; otherwise each gets an equal share
 * and the remainder goes to distinct random ones. One request costs one random draw,
 * the same as a single pick; the cost grows with the candidates, not the count.
 */
function spread(sim: Simulated, svc: KubeObject, list: EndpointView[], clientIP: string, count: number): Map<EndpointView, number> {
  const spec = (svc.spec ?? {}) as ServiceSpec & { sessionAffinityConfig?: { clientIP?: { timeoutSeconds?: number } } }
  const out = new Map<EndpointView, number>()
  if (spec.sessionAffinity === 'ClientIP') {
    const log = TrafficLog.of(sim.ctx)
    const now = sim.ctx.clock.now
    const key = podKey(svc)
    const timeoutMs = (spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS) * 1000
    const pinned = log.pinned(key, clientIP, now, timeoutMs)
    const chosen = (pinned && list.find((e) => e.ip === pinned)) || list[sim.ctx.rng.int(list.length)]
    log.pin(key, clientIP, chosen.ip, now)
    return out.set(chosen, count)
  }
  return spreadEvenly(sim, list, count)
}

/** `count` items over `list`: equal shares, the remainder to distinct random members. */
function spreadEvenly<T>(sim: Simulated, list: T[], count: number): Map<T, number> {
  const out = new Map<T, number>()
  const share = Math.floor(count / list.length)
  if (share > 0) for (const e of list) out.set(e, share)
  const pool = [...list]
  for (let left = count - share * list.length; left > 0; left--) {
    const i = sim.ctx.rng.int(pool.length)
    out.set(pool[i], (out.get(pool[i]) ?? 0) + 1)
    pool[i] = pool[pool.length - 1]
    pool.pop()
  }
  return out
}

/** Does the cluster's network plugin enforce NetworkPolicies? (Calico, Cilium: yes; Flannel: no.) */
export function enforcesPolicies(sim: Simulated): boolean {
  return sim.cluster?.networkPolicies ?? true
}

/**
 * May the pod reach cluster DNS? Under an egress policy, UDP 53 to a CoreDNS pod (or to
 * the kube-dns address while no CoreDNS pod has one) must be allowed; the classic
 * default-deny-egress breaks name resolution first.
 */
export function dnsReachable(sim: Simulated, pod: Pod): boolean {
  if (!enforcesPolicies(sim) || !resolverConfig(pod).nameservers.includes(CLUSTER_DNS_IP)) return true
  const { store } = sim.ctx
  const servers = store.select<Pod>('Pod', 'kube-system', { matchLabels: DNS_LABEL }).filter((p) => p.status.podIP && !p.metadata.deletionTimestamp)
  if (servers.length === 0) return allowed(store, { pod }, { ip: CLUSTER_DNS_IP }, 53, 'UDP')
  return servers.some((p) => allowed(store, { pod }, { pod: p }, 53, 'UDP'))
}

/** How a request is sent: curl's `-H 'Host: …'` and `--resolve`, and the client's User-Agent. */
export interface RequestOptions {
  userAgent?: string
  /** The Host header, when it is not the URL's host (`curl -H 'Host: foo.example'`). */
  hostHeader?: string
  /** `host:port` → address, as curl's `--resolve host:port:addr` pins it. */
  resolve?: Record<string, string>
}

/** One delivery: what a group of identical requests got, and how many they were. */
interface Delivery {
  result: TrafficResult
  count: number
}

/** nginx's 504 page, as ingress-nginx serves it when the upstream never answers. */
const GATEWAY_TIMEOUT_PAGE = `<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`

interface Sender {
  sim: Simulated
  src: { ip: string; node?: string; label: string }
  /** The policy view of the sender. */
  peer: Endpoint
  parsed: { scheme: string; host: string; port: number; path: string }
  hostHeader: string
  userAgent: string
  /** Headers a proxy in between added (ingress-nginx's X-Forwarded-*). */
  proxyHeaders?: Record<string, string>
}

/**
 * Requests reaching `target` (a pod address, after any Service rewrite): the pod's
 * container answers, refuses, or is unreachable; a NetworkPolicy drop reads as a
 * timeout; an ingress controller routes on by its Ingresses.
 */
function deliver(s: Sender, base: TrafficResult, hops: Hop[], target: { ip: string; port: number; pod?: string; namespace?: string }, count: number, snatNode: string | undefined, depth = 0): Delivery[] {
  const { store, clock } = s.sim.ctx
  const named = target.pod ? store.get<Pod>('Pod', target.namespace, target.pod) : undefined
  const pod =
    named && named.status.podIP === target.ip
      ? named
      : store.list<Pod>('Pod').find((p) => p.status.podIP === target.ip && !p.spec.hostNetwork && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed')
  if (!pod || !nodeUp(s.sim, pod.spec.nodeName)) return [{ result: { ...base, hops, outcome: 'timeout' }, count }]
  // NodePort and load-balancer traffic with policy Cluster is SNATed to the node's address.
  const node = snatNode ? store.get<Node>('Node', undefined, snatNode) : undefined
  const clientIP = (node && nodeIP(node)) || s.src.ip
  const from: Endpoint = node ? { ip: clientIP } : s.peer
  if (enforcesPolicies(s.sim) && !allowed(store, from, { pod }, target.port)) {
    return [{ result: { ...base, hops: [...hops, { kind: 'pod', label: podKey(pod), detail: 'dropped by NetworkPolicy' }], outcome: 'timeout' }, count }]
  }
  const reached = [...hops, { kind: 'pod' as const, label: podKey(pod), detail: pod.spec.nodeName }]
  for (const status of pod.status.containerStatuses ?? []) {
    if (!status.state?.running) continue
    const container = pod.spec.containers.find((c) => c.name === status.name)
    const ref = container && parseImageReference(container.image)
    const image = ref && lookupImage(ref)
    if (!container || !image || !listeningPorts(image, container).includes(target.port)) continue
    if (depth === 0 && (target.port === 80 || target.port === 443) && ingressControllerInstances([pod]).length) return viaIngress(s, base, reached, pod, count, { clientIP, port: target.port })
    const answer = httpAnswer(image, container, {
      method: 'GET',
      path: s.parsed.path,
      host: s.hostHeader,
      userAgent: s.userAgent,
      ...(s.proxyHeaders ? { proxyHeaders: s.proxyHeaders } : {}),
      clientAddress: `${clientIP}:${32768 + s.sim.ctx.rng.int(28232)}`,
      podName: pod.metadata.name,
      podIP: pod.status.podIP ?? '',
      now: clock.rfc3339(),
    })
    return [{ result: { ...base, hops: reached, outcome: 'ok', status: answer.status, reason: answer.reason, body: answer.body, servedBy: pod }, count }]
  }
  return [{ result: { ...base, hops: reached, outcome: 'refused' }, count }]
}

/**
 * An ingress-nginx pod's answer: the Ingresses of its class route the Host and path to
 * a backend Service, whose ready endpoints it proxies to directly (as nginx does, not
 * through the cluster IP); 404 from its default backend, 503 without endpoints.
 */
function viaIngress(s: Sender, base: TrafficResult, hops: Hop[], controller: Pod, count: number, received: { clientIP: string; port: number }): Delivery[] {
  const { store } = s.sim.ctx
  const instance = ingressControllerInstances([controller])[0]
  const answer = answerIngressRequest(store, ingressesServedBy(s.sim.ctx, instance), { host: s.hostHeader, path: s.parsed.path })
  TrafficLog.of(s.sim.ctx).countServed(podKey(controller), s.sim.ctx.clock.now, count)
  const fromController: TrafficResult = { ...base, outcome: 'ok', servedBy: controller }
  if (answer.status === 404) return [{ result: { ...fromController, hops: [...hops, { kind: 'ingress', label: 'default backend', detail: 'no rule matched' }], status: 404, reason: 'Not Found', body: answer.body }, count }]
  const ruleLabel = `${podKey(answer.route.ingress)} ${answer.route.host}${answer.route.path ?? ''}`
  if (answer.status === 503) return [{ result: { ...fromController, hops: [...hops, { kind: 'ingress', label: ruleLabel, detail: 'no ready endpoints' }], status: 503, reason: 'Service Temporarily Unavailable', body: answer.body }, count }]
  const routed = [...hops, { kind: 'ingress' as const, label: ruleLabel }, { kind: 'service' as const, label: podKey(answer.service), detail: `port ${answer.servicePort}` }]
  const namespace = answer.service.metadata.namespace
  const byEndpoint = spreadEvenly(s.sim, answer.endpoints, count)
  const scheme = s.parsed.scheme === 'https' || received.port === 443 ? 'https' : 'http'
  const upstream: Sender = {
    ...s,
    src: { ip: controller.status.podIP ?? '', node: controller.spec.nodeName, label: `pod ${podKey(controller)}` },
    peer: { pod: controller },
    proxyHeaders: ingressProxyHeaders(store, controller, { clientIP: received.clientIP, host: s.hostHeader, port: received.port, scheme }),
  }
  const out: Delivery[] = []
  for (const [endpoint, n] of byEndpoint) {
    const [ip, port] = endpoint.split(':')
    const pod = store.list<Pod>('Pod', namespace).find((p) => p.status.podIP === ip)
    const delivered = deliver(upstream, base, [...routed, { kind: 'endpoint', label: endpoint, detail: pod?.spec.nodeName }], { ip, port: Number(port), pod: pod?.metadata.name, namespace }, n, undefined, 1)
    for (const d of delivered) {
      // nginx gives up on an upstream that never answers (proxy-connect-timeout, 5 s) with a 504.
      if (d.result.outcome === 'timeout') out.push({ result: { ...d.result, outcome: 'ok', servedBy: controller, status: 504, reason: 'Gateway Time-out', body: GATEWAY_TIMEOUT_PAGE }, count: d.count })
      else if (d.result.outcome === 'refused') out.push({ result: { ...d.result, outcome: 'ok', servedBy: controller, status: 502, reason: 'Bad Gateway', body: BAD_GATEWAY_PAGE }, count: d.count })
      else out.push(d)
    }
  }
  return out
}

const BAD_GATEWAY_PAGE = `<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`

/** Requests per delivery group kept as RequestRecords; the rest are only counted. */
const SAMPLED_RECORDS = 3

/**
 * Sends `count` identical HTTP GETs from `from` to `url` as curl or wget would, routed
 * once and spread over the endpoints; records a few of them and counts every one.
 * Returns the first delivery's result (for count 1, the request's own).
 * Nothing in the cluster changes but the traffic log and the random stream.
 */
function send(sim: Simulated, from: TrafficSource, url: string, count: number, options: RequestOptions): TrafficResult {
  const { store, clock } = sim.ctx
  const log = TrafficLog.of(sim.ctx)
  const parsed = parseUrl(url)
  const src = client(sim, from)
  const hops: Hop[] = [{ kind: 'client', label: src.label, detail: src.ip }]
  const host = parsed?.host ?? url
  const base: TrafficResult = { outcome: 'nxdomain', host, port: parsed?.port ?? 80, path: parsed?.path ?? '/', body: '', hops }
  const finish = (deliveries: Delivery[]): TrafficResult => {
    deliveries.forEach(({ result, count: n }, i) => {
      const servedBy = result.servedBy ? podKey(result.servedBy) : undefined
      if (i < SAMPLED_RECORDS) {
        log.recordSample({ at: clock.now, from: src.label, url, hops: result.hops, outcome: result.outcome === 'ok' ? String(result.status) : result.outcome, ...(servedBy ? { servedBy } : {}) })
      }
      if (servedBy) log.countServed(servedBy, clock.now, n)
    })
    return deliveries[0].result
  }
  const fail = (outcome: TrafficOutcome, extra: Partial<TrafficResult> = {}) => finish([{ result: { ...base, ...extra, outcome }, count }])
  if (!parsed) return fail('nxdomain')

  // Name resolution: a pod asks cluster DNS through its search path; hosts only know addresses.
  let ip: string
  const pinned = options.resolve?.[`${host}:${parsed.port}`]
  if (pinned) ip = pinned
  else if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) ip = host === '127.0.0.1' && typeof from === 'object' && from.status.podIP ? from.status.podIP : host
  // localhost in a pod is the pod itself: its own containers, on its own network namespace.
  else if (host === 'localhost' && typeof from === 'object' && from.status.podIP) ip = from.status.podIP
  else if (typeof from === 'object') {
    const r = dnsReachable(sim, from) ? resolveHost(store, from, host) : ({ ok: false, reason: 'timeout', tried: [] } as const)
    if (!r.ok) {
      hops.push({ kind: 'dns', label: host, detail: r.reason === 'timeout' ? 'timed out' : 'NXDOMAIN' })
      return fail(r.reason === 'timeout' ? 'dns-timeout' : 'nxdomain')
    }
    ip = r.addresses[0]
    hops.push({ kind: 'dns', label: r.name, detail: ip })
  } else {
    hops.push({ kind: 'dns', label: host, detail: 'NXDOMAIN' })
    return fail('nxdomain')
  }
  const withIP: TrafficResult = { ...base, ip }
  const sender: Sender = {
    sim,
    src,
    peer: typeof from === 'object' ? { pod: from } : { ip: src.ip },
    parsed,
    hostHeader: options.hostHeader ?? (parsed.port === 80 ? host : `${host}:${parsed.port}`),
    userAgent: options.userAgent ?? 'curl/8.11.1',
  }

  // kube-proxy: a Service address is rewritten to one of its endpoints.
  const entry = findEntry(sim, ip, parsed.port, src, from === 'external')
  if (entry === 'node') return finish([{ result: { ...withIP, outcome: 'refused' }, count }])
  if (!entry) return finish(deliver(sender, withIP, hops, { ip, port: parsed.port }, count, undefined))
  hops.push(entry.hop)
  const spec = (entry.svc.spec ?? {}) as ServiceSpec
  let local: string | undefined
  let viaNode = entry.viaNode
  const all = serviceEndpoints(sim, entry.svc, entry.port)
  if (entry.hop.kind === 'loadBalancer') {
    // The cloud's load balancer sends to a node; with Local it health-checks nodes and picks one with endpoints.
    const nodes = store.list<Node>('Node').filter((n) => nodeUp(sim, n.metadata.name)).map((n) => n.metadata.name)
    const healthy = spec.externalTrafficPolicy === 'Local' ? nodes.filter((n) => candidates(all, n).length) : nodes
    viaNode = healthy.length ? healthy[sim.ctx.rng.int(healthy.length)] : nodes[0]
  }
  if (entry.external && spec.externalTrafficPolicy === 'Local') local = viaNode
  else if (!entry.external && spec.internalTrafficPolicy === 'Local') local = src.node ?? '\u0000'
  const list = candidates(all, local)
  if (list.length === 0) {
    // No endpoints at all: kube-proxy rejects. None local under a Local policy: it drops.
    const anyServing = candidates(all, undefined).length > 0
    return finish([{ result: { ...withIP, outcome: anyServing && local !== undefined ? 'timeout' : 'refused' }, count }])
  }
  const snat = entry.external && spec.externalTrafficPolicy !== 'Local' ? entry.viaNode : undefined
  const deliveries: Delivery[] = []
  for (const [chosen, n] of spread(sim, entry.svc, list, src.ip, count)) {
    const path = [...hops, { kind: 'endpoint' as const, label: `${chosen.ip}:${chosen.port}`, detail: chosen.nodeName }]
    deliveries.push(...deliver(sender, withIP, path, { ip: chosen.ip, port: chosen.port, pod: chosen.pod, namespace: entry.svc.metadata.namespace }, n, snat))
  }
  return finish(deliveries)
}

/**
 * Sends one HTTP GET from `from` to `url`, as curl or wget would, and records it.
 * Nothing in the cluster changes but the traffic log and the random stream.
 */
export function request(sim: Simulated, from: TrafficSource, url: string, userAgent = 'curl/8.11.1', options: RequestOptions = {}): TrafficResult {
  return send(sim, from, url, 1, { ...options, userAgent })
}

/**
 * Sends `count` identical requests at once, as a load generator's loop does within one
 * simulated second: routed once, spread over the endpoints as kube-proxy would, counted
 * per pod in bulk, with only a few kept as RequestRecords. Cost grows with the
 * endpoints, not the count. Returns one request's result, as `request` would.
 */
export function requestMany(sim: Simulated, from: TrafficSource, url: string, count: number, userAgent = 'curl/8.11.1', options: RequestOptions = {}): TrafficResult {
  return send(sim, from, url, Math.max(1, Math.floor(count)), { ...options, userAgent })
}
