import type { ServiceSpec } from '../admission/serviceDefaults.ts'
import type { ApiStore } from '../api/store.ts'
import type { KubeObject, Pod } from '../api/types.ts'
import { isPodReady } from '../controllers/podReadiness.ts'
import { CLUSTER_DNS_IP, CLUSTER_DOMAIN, DNS_LABEL } from './coreDns.ts'
import { SERVICE_NAME_LABEL } from './serviceEndpoints.ts'

/**
 * Cluster DNS as CoreDNS's kubernetes plugin answers it (the Kubernetes DNS spec), and
 * the resolver side a pod sees: its /etc/resolv.conf, the search path and ndots.
 * The simulated cluster has no way out to the Internet, so names outside the cluster
 * domain do not resolve (NXDOMAIN).
 */

/** The upstream resolver a node's own /etc/resolv.conf points at (dnsPolicy Default). */
export const NODE_RESOLVER_IP = '172.18.0.1'

/** One DNS reply, as a resolver sees it. */
export type DnsReply =
  | { rcode: 'NOERROR'; name: string; cname?: string; addresses: string[] }
  | { rcode: 'NXDOMAIN'; name: string }

/** What a pod's resolver is configured with (the kubelet's DNS config for the pod). */
export interface ResolverConfig {
  nameservers: string[]
  searches: string[]
  options: string[]
  ndots: number
}

interface DnsConfig {
  nameservers?: string[]
  searches?: string[]
  options?: { name: string; value?: string }[]
}

/**
 * The pod's DNS config by dnsPolicy (kubelet's dns.go): ClusterFirst uses the cluster
 * DNS Service and the `<ns>.svc.cluster.local svc.cluster.local cluster.local` search
 * path, except on the host network where it falls back to the node's resolver
 * (ClusterFirstWithHostNet keeps cluster DNS there); Default is the node's resolver;
 * None is only what dnsConfig says. dnsConfig is merged in last.
 */
export function resolverConfig(pod: Pod): ResolverConfig {
  const policy = pod.spec.dnsPolicy ?? 'ClusterFirst'
  const hostNetwork = !!pod.spec.hostNetwork
  const cluster = policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !hostNetwork)
  const ns = pod.metadata.namespace ?? 'default'
  let nameservers: string[] = []
  let searches: string[] = []
  let options: string[] = []
  if (cluster) {
    nameservers = [CLUSTER_DNS_IP]
    searches = [`${ns}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN]
    options = ['ndots:5']
  } else if (policy !== 'None') {
    nameservers = [NODE_RESOLVER_IP]
  }
  const extra = (pod.spec.dnsConfig ?? {}) as DnsConfig
  for (const s of extra.nameservers ?? []) if (!nameservers.includes(s)) nameservers.push(s)
  for (const s of extra.searches ?? []) if (!searches.includes(s)) searches.push(s)
  for (const o of extra.options ?? []) {
    const text = o.value !== undefined ? `${o.name}:${o.value}` : o.name
    options = options.filter((x) => x.split(':')[0] !== o.name)
    options.push(text)
  }
  const ndotsOption = options.find((o) => o.startsWith('ndots:'))
  return { nameservers, searches, options, ndots: ndotsOption ? Number(ndotsOption.slice(6)) || 0 : 1 }
}

/** /etc/resolv.conf as containerd writes it from the pod's DNS config. */
export function resolvConf(pod: Pod): string {
  const c = resolverConfig(pod)
  let text = ''
  if (c.searches.length) text += `search ${c.searches.join(' ')}\n`
  for (const s of c.nameservers) text += `nameserver ${s}\n`
  if (c.options.length) text += `options ${c.options.join(' ')}\n`
  return text
}

/** The names a resolver tries, in order (glibc/musl: the name as is first when it has at least ndots dots). */
export function candidateNames(name: string, config: ResolverConfig): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)]
  const dots = name.split('.').length - 1
  const searched = config.searches.map((s) => `${name}.${s}`)
  return dots >= config.ndots ? [name, ...searched] : [...searched, name]
}

/**
 * Is any CoreDNS pod ready to answer behind the kube-dns Service? Without the Service
 * (a cluster built `--no-coredns`, or kube-dns deleted) nothing answers at 10.96.0.10,
 * as on a real cluster; without a ready pod the Service has no endpoint to send to.
 */
export function clusterDnsUp(store: ApiStore): boolean {
  if (!store.get('Service', 'kube-system', 'kube-dns')) return false
  return store.select<Pod>('Pod', 'kube-system', { matchLabels: DNS_LABEL }).some((p) => isPodReady(p) && !p.metadata.deletionTimestamp)
}

/** Whether the pod's nameserver answers: the cluster DNS needs a ready CoreDNS pod; a node resolver always answers. */
export function nameserverAnswers(store: ApiStore, config: ResolverConfig): boolean {
  if (config.nameservers.length === 0) return false
  return config.nameservers.some((s) => s !== CLUSTER_DNS_IP || clusterDnsUp(store))
}

const POD_IP_LABEL = /^(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})$/

/** The ready endpoints of a Service, as CoreDNS reads them from its EndpointSlices, with each endpoint's hostname. */
function readyEndpoints(store: ApiStore, svc: KubeObject): { ip: string; hostname: string }[] {
  const out: { ip: string; hostname: string }[] = []
  const ns = svc.metadata.namespace
  for (const slice of store.select('EndpointSlice', ns, { matchLabels: { [SERVICE_NAME_LABEL]: svc.metadata.name } })) {
    for (const ep of (slice.endpoints ?? []) as { addresses: string[]; conditions?: { ready?: boolean }; hostname?: string; targetRef?: { kind: string; name: string } }[]) {
      if (ep.conditions?.ready === false) continue
      let hostname = ep.hostname
      if (!hostname && ep.targetRef?.kind === 'Pod') {
        const pod = store.get<Pod>('Pod', ns, ep.targetRef.name)
        // The endpoint's hostname: the pod's spec.hostname when its subdomain names this Service.
        if (pod?.spec.hostname && pod.spec.subdomain === svc.metadata.name) hostname = pod.spec.hostname as string
      }
      for (const ip of ep.addresses) if (!out.some((e) => e.ip === ip)) out.push({ ip, hostname: hostname ?? ip.replace(/\./g, '-') })
    }
  }
  return out
}

/**
 * CoreDNS's answer to an A query for a fully qualified name: Services
 * (`svc.ns.svc.cluster.local`: the cluster IP; headless: ready endpoint IPs;
 * ExternalName: a CNAME), endpoint names of headless Services
 * (`web-0.web.ns.svc.cluster.local`, or the dashed IP), and pod names
 * (`10-244-1-5.ns.pod.cluster.local`, answered from the name as `pods insecure` does).
 */
export function lookupA(store: ApiStore, fqdn: string): DnsReply {
  const name = fqdn.replace(/\.$/, '').toLowerCase()
  const nx: DnsReply = { rcode: 'NXDOMAIN', name }
  const suffix = `.${CLUSTER_DOMAIN}`
  if (!name.endsWith(suffix)) return nx
  const labels = name.slice(0, -suffix.length).split('.')
  if (labels.length === 3 && labels[2] === 'pod') {
    const m = POD_IP_LABEL.exec(labels[0])
    if (!m || m.slice(1).some((o) => Number(o) > 255) || !store.get('Namespace', undefined, labels[1])) return nx
    return { rcode: 'NOERROR', name, addresses: [m.slice(1).join('.')] }
  }
  if (labels[labels.length - 1] !== 'svc' || (labels.length !== 3 && labels.length !== 4)) return nx
  const [endpoint, svcName, ns] = labels.length === 4 ? labels : [undefined, labels[0], labels[1]]
  const svc = store.get('Service', ns, svcName)
  if (!svc) return nx
  const spec = (svc.spec ?? {}) as ServiceSpec
  if (spec.type === 'ExternalName') {
    if (endpoint) return nx
    const target = String(spec.externalName ?? '').replace(/\.$/, '')
    const followed = lookupA(store, target)
    return { rcode: 'NOERROR', name, cname: target, addresses: followed.rcode === 'NOERROR' ? followed.addresses : [] }
  }
  if (!endpoint && spec.clusterIP && spec.clusterIP !== 'None') return { rcode: 'NOERROR', name, addresses: [spec.clusterIP] }
  const endpoints = readyEndpoints(store, svc).filter((e) => !endpoint || e.hostname === endpoint)
  if (endpoints.length === 0) return nx
  return { rcode: 'NOERROR', name, addresses: endpoints.map((e) => e.ip) }
}

export type Resolution =
  | { ok: true; name: string; addresses: string[]; cname?: string; tried: string[] }
  | { ok: false; reason: 'NXDOMAIN' | 'timeout'; tried: string[] }

/**
 * What getaddrinfo gives the pod for a host name: the first candidate of the search
 * path that has an address; a timeout when its nameserver does not answer.
 */
export function resolveHost(store: ApiStore, pod: Pod, host: string): Resolution {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return { ok: true, name: host, addresses: [host], tried: [] }
  const config = resolverConfig(pod)
  const tried = candidateNames(host, config)
  if (host === 'localhost') return { ok: true, name: host, addresses: ['127.0.0.1'], tried: [] }
  if (!nameserverAnswers(store, config)) return { ok: false, reason: 'timeout', tried }
  const viaCluster = config.nameservers.includes(CLUSTER_DNS_IP)
  for (const candidate of tried) {
    // A node's resolver knows nothing of cluster.local.
    const reply = viaCluster ? lookupA(store, candidate) : ({ rcode: 'NXDOMAIN', name: candidate } as DnsReply)
    if (reply.rcode === 'NOERROR' && reply.addresses.length) return { ok: true, name: reply.name, addresses: reply.addresses, ...(reply.cname ? { cname: reply.cname } : {}), tried }
  }
  return { ok: false, reason: 'NXDOMAIN', tried }
}

/**
 * busybox's nslookup: A then AAAA queries for the name under each search domain (or
 * the name alone when it has a dot), printed in order; NXDOMAIN lines for misses, and
 * a bare blank line for an empty (IPv4-only) AAAA answer.
 */
export function nslookup(store: ApiStore, pod: Pod, name: string, server?: string): string {
  const config = resolverConfig(pod)
  if (server) config.nameservers = [server]
  const ns = config.nameservers[0] ?? '127.0.0.1'
  if (!nameserverAnswers(store, config)) return ';; connection timed out; no servers could be reached\n\n'
  const names = name.includes('.') || config.searches.length === 0 ? [name.replace(/\.$/, '')] : config.searches.map((s) => `${name}.${s}`)
  const viaCluster = ns === CLUSTER_DNS_IP
  let out = `Server:\t\t${ns}\nAddress:\t${ns}:53\n\n`
  const replies = names.map((n) => (viaCluster ? lookupA(store, n) : ({ rcode: 'NXDOMAIN', name: n } as DnsReply)))
  for (const r of replies) {
    if (r.rcode === 'NXDOMAIN') out += `** server can't find ${r.name}: NXDOMAIN\n\n`
    else {
      if (r.cname) out += `${r.name}\tcanonical name = ${r.cname}\n`
      for (const a of r.addresses) out += `Name:\t${r.cname ?? r.name}\nAddress: ${a}\n`
      out += '\n'
    }
  }
  // The AAAA queries: the same names, no IPv6 addresses in this cluster.
  for (const r of replies) {
    if (r.rcode === 'NXDOMAIN') out += `** server can't find ${r.name}: NXDOMAIN\n\n`
    else out += r.cname ? `${r.name}\tcanonical name = ${r.cname}\n\n` : '\n'
  }
  return out
}

/** `dig +short NAME`: dig does not use the search list, so the name is asked as written. */
export function digShort(store: ApiStore, pod: Pod, name: string): string {
  const config = resolverConfig(pod)
  if (!nameserverAnswers(store, config)) return ';; connection timed out; no servers could be reached\n'
  if (!config.nameservers.includes(CLUSTER_DNS_IP)) return ''
  const reply = lookupA(store, name)
  if (reply.rcode !== 'NOERROR') return ''
  return (reply.cname ? `${reply.cname}.\n` : '') + reply.addresses.map((a) => `${a}\n`).join('')
}
