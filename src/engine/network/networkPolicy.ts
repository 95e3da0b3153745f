import type { ApiStore } from '../api/store.ts'
import type { KubeObject, LabelSelector, Pod } from '../api/types.ts'
import { selectorMatches } from '../util/labels.ts'
import { ipToNumber } from './serviceAllocations.ts'

/**
 * NetworkPolicy evaluation, as a network plugin that enforces policies (Calico, Cilium)
 * decides one connection. A pod is isolated for ingress when some policy selects it
 * with the Ingress policy type, and for egress likewise; an isolated direction admits
 * only what some selecting policy's rules allow (the union of all of them). A
 * connection needs both the source's egress and the destination's ingress to allow it.
 */

export interface NetworkPolicyPort {
  protocol?: string
  port?: number | string
  endPort?: number
}

export interface IPBlock {
  cidr: string
  except?: string[]
}

export interface NetworkPolicyPeer {
  podSelector?: LabelSelector
  namespaceSelector?: LabelSelector
  ipBlock?: IPBlock
}

export interface NetworkPolicySpec {
  podSelector?: LabelSelector
  policyTypes?: string[]
  ingress?: { from?: NetworkPolicyPeer[]; ports?: NetworkPolicyPort[] }[]
  egress?: { to?: NetworkPolicyPeer[]; ports?: NetworkPolicyPort[] }[]
}

export interface NetworkPolicy extends KubeObject {
  spec: NetworkPolicySpec
}

/** One end of a connection: a pod of the cluster, or an address outside it (an ipBlock's business). */
export type Endpoint = { pod: Pod } | { ip: string }

/**
 * The policy types a spec stands for. The API server defaults them on create (Ingress
 * always, Egress when there are egress rules); a stored spec always has them, but a
 * hand-built one may not.
 */
export function effectivePolicyTypes(spec: NetworkPolicySpec): string[] {
  if (spec.policyTypes?.length) return spec.policyTypes
  return spec.egress?.length ? ['Ingress', 'Egress'] : ['Ingress']
}

/** `10.0.0.0/16` contains `ip`? IPv4 only; anything unparsable contains nothing. */
export function cidrContains(cidr: string, ip: string): boolean {
  const [base, bitsText] = cidr.split('/')
  const bits = Number(bitsText)
  const b = ipToNumber(base)
  const n = ipToNumber(ip)
  if (b === undefined || n === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return false
  if (bits === 0) return true
  const mask = (~0 << (32 - bits)) >>> 0
  return ((b & mask) >>> 0) === ((n & mask) >>> 0)
}

function ipOf(e: Endpoint): string | undefined {
  return 'pod' in e ? e.pod.status.podIP : e.ip
}

function namespaceLabels(store: ApiStore, name: string | undefined): Record<string, string> {
  const ns = store.get('Namespace', undefined, name ?? 'default')
  // Every namespace carries its name as a label (NamespaceDefaultLabelName), even if the store lacks it.
  return { ...(ns?.metadata.labels ?? {}), 'kubernetes.io/metadata.name': name ?? 'default' }
}

/**
 * Does a peer match the other end? podSelector alone picks pods of the policy's
 * namespace; namespaceSelector alone every pod of the namespaces it picks; both in one
 * peer, pods picked by both (AND). An ipBlock matches addresses, pods included, except
 * the excepted ranges.
 */
export function peerMatches(store: ApiStore, peer: NetworkPolicyPeer, policyNamespace: string, other: Endpoint): boolean {
  if (peer.ipBlock) {
    const ip = ipOf(other)
    if (!ip || !cidrContains(peer.ipBlock.cidr, ip)) return false
    return !(peer.ipBlock.except ?? []).some((c) => cidrContains(c, ip))
  }
  if (!('pod' in other)) return false
  const pod = other.pod
  if (!peer.podSelector && !peer.namespaceSelector) return false
  if (peer.namespaceSelector) {
    if (!selectorMatches(peer.namespaceSelector, namespaceLabels(store, pod.metadata.namespace))) return false
  } else if ((pod.metadata.namespace ?? 'default') !== policyNamespace) return false
  return !peer.podSelector || selectorMatches(peer.podSelector, pod.metadata.labels)
}

/** The number a named port stands for on the pod that serves it (a container port's name). */
function namedPort(pod: Pod | undefined, name: string, protocol: string): number | undefined {
  for (const c of pod?.spec.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === name && (p.protocol ?? 'TCP') === protocol) return p.containerPort
  }
  return undefined
}

/** Does a rule's port list admit the port? No list admits every port; endPort makes a range. */
export function portsMatch(ports: NetworkPolicyPort[] | undefined, port: number, protocol: string, destination: Pod | undefined): boolean {
  if (!ports || ports.length === 0) return true
  return ports.some((p) => {
    if ((p.protocol ?? 'TCP') !== protocol) return false
    if (p.port === undefined) return true
    if (typeof p.port === 'string') return namedPort(destination, p.port, protocol) === port
    return p.endPort !== undefined ? port >= p.port && port <= p.endPort : port === p.port
  })
}

function policiesSelecting(store: ApiStore, pod: Pod, type: 'Ingress' | 'Egress'): NetworkPolicy[] {
  return store
    .list<NetworkPolicy>('NetworkPolicy', pod.metadata.namespace ?? 'default')
    .filter((np) => effectivePolicyTypes(np.spec ?? {}).includes(type) && selectorMatches(np.spec?.podSelector ?? {}, pod.metadata.labels))
}

/** Does the destination pod's ingress side admit the connection? */
export function ingressAllowed(store: ApiStore, from: Endpoint, to: Pod, port: number, protocol = 'TCP'): boolean {
  const policies = policiesSelecting(store, to, 'Ingress')
  if (policies.length === 0) return true
  const ns = to.metadata.namespace ?? 'default'
  return policies.some((np) =>
    (np.spec.ingress ?? []).some(
      (rule) => portsMatch(rule.ports, port, protocol, to) && (!rule.from?.length || rule.from.some((peer) => peerMatches(store, peer, ns, from))),
    ),
  )
}

/** Does the source pod's egress side let the connection out? */
export function egressAllowed(store: ApiStore, from: Pod, to: Endpoint, port: number, protocol = 'TCP'): boolean {
  const policies = policiesSelecting(store, from, 'Egress')
  if (policies.length === 0) return true
  const ns = from.metadata.namespace ?? 'default'
  const destination = 'pod' in to ? to.pod : undefined
  return policies.some((np) =>
    (np.spec.egress ?? []).some(
      (rule) => portsMatch(rule.ports, port, protocol, destination) && (!rule.to?.length || rule.to.some((peer) => peerMatches(store, peer, ns, to))),
    ),
  )
}

/**
 * May `from` open a connection to `to` on `port`/`protocol`? Both ends' policies must
 * agree; an address outside the cluster has no policies of its own. Replies to an
 * allowed connection are always allowed (policies are stateful), so callers ask once
 * per connection.
 */
export function allowed(store: ApiStore, from: Endpoint, to: Endpoint, port: number, protocol = 'TCP'): boolean {
  if ('pod' in from && !egressAllowed(store, from.pod, to, port, protocol)) return false
  if ('pod' in to && !ingressAllowed(store, from, to.pod, port, protocol)) return false
  return true
}

/**
 * The verdict of the cluster's network plugin: with one that enforces policies
 * (ClusterSpec.networkPolicies, Calico or Cilium) it is `allowed`; with Flannel every
 * connection goes through, policies or not.
 */
export function pluginAllows(enforcesPolicies: boolean, store: ApiStore, from: Endpoint, to: Endpoint, port: number, protocol = 'TCP'): boolean {
  return !enforcesPolicies || allowed(store, from, to, port, protocol)
}
