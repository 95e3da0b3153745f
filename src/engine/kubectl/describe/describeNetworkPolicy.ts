import type { KubeObject, LabelSelector } from '../../api/types.ts'
import { formatSelector } from '../../util/labels.ts'
import { DescribeWriter } from '../describeWriter.ts'
import { printAnnotationsMultiline, printLabelsMultiline } from './common.ts'

interface Peer {
  podSelector?: LabelSelector
  namespaceSelector?: LabelSelector
  ipBlock?: { cidr: string; except?: string[] }
}
interface Rule {
  ports?: { protocol?: string; port?: number | string; endPort?: number }[]
  from?: Peer[]
  to?: Peer[]
}
interface NetworkPolicySpec {
  podSelector?: LabelSelector
  ingress?: Rule[]
  egress?: Rule[]
  policyTypes?: string[]
}

/** Go's time.Time.String() of a UTC time: `2026-01-05 09:00:00 +0000 UTC`. */
function goTimeString(timestamp: string | undefined): string {
  if (!timestamp) return '0001-01-01 00:00:00 +0000 UTC'
  return `${timestamp.replace('T', ' ').replace(/(\.\d+)?Z$/, '')} +0000 UTC`
}

/** One side's rules (printNetworkPolicySpecIngressFrom / EgressTo): ports, then peers, rules split by a rule line. */
function describeRules(w: DescribeWriter, rules: Rule[] | undefined, direction: 'ingress' | 'egress'): void {
  const indent = '    '
  const [peerWord, none, anyPeer] =
    direction === 'ingress'
      ? ['From', '<none> (Selected pods are isolated for ingress connectivity)', 'From: <any> (traffic not restricted by source)']
      : ['To', '<none> (Selected pods are isolated for egress connectivity)', 'To: <any> (traffic not restricted by destination)']
  if (!rules?.length) return w.write(0, `${indent}${none}\n`)
  rules.forEach((rule, i) => {
    if (!rule.ports?.length) w.write(0, `${indent}To Port: <any> (traffic allowed to all ports)\n`)
    for (const p of rule.ports ?? []) {
      const port = p.port === undefined ? '<nil>' : String(p.port)
      if (p.endPort === undefined) w.write(0, `${indent}To Port: ${port}/${p.protocol ?? 'TCP'}\n`)
      else w.write(0, `${indent}To Port Range: ${port}-${p.endPort}/${p.protocol ?? 'TCP'}\n`)
    }
    const peers = (direction === 'ingress' ? rule.from : rule.to) ?? []
    if (peers.length === 0) w.write(0, `${indent}${anyPeer}\n`)
    for (const peer of peers) {
      w.write(0, `${indent}${peerWord}:\n`)
      if (peer.podSelector && peer.namespaceSelector) {
        w.write(1, `${indent}NamespaceSelector: ${formatSelector(peer.namespaceSelector)}\n`)
        w.write(1, `${indent}PodSelector: ${formatSelector(peer.podSelector)}\n`)
      } else if (peer.podSelector) w.write(1, `${indent}PodSelector: ${formatSelector(peer.podSelector)}\n`)
      else if (peer.namespaceSelector) w.write(1, `${indent}NamespaceSelector: ${formatSelector(peer.namespaceSelector)}\n`)
      else if (peer.ipBlock) {
        w.write(1, `${indent}IPBlock:\n`)
        w.write(2, `${indent}CIDR: ${peer.ipBlock.cidr}\n`)
        w.write(2, `${indent}Except: ${(peer.ipBlock.except ?? []).join(', ')}\n`)
      }
    }
    if (i !== rules.length - 1) w.write(0, `${indent}----------\n`)
  })
}

/** `kubectl describe networkpolicy` (describeNetworkPolicy): no events. */
export function describeNetworkPolicy(np: KubeObject): string {
  const spec = (np.spec ?? {}) as NetworkPolicySpec
  const w = new DescribeWriter()
  w.write(0, `Name:\t${np.metadata.name}\n`)
  w.write(0, `Namespace:\t${np.metadata.namespace}\n`)
  w.write(0, `Created on:\t${goTimeString(np.metadata.creationTimestamp)}\n`)
  printLabelsMultiline(w, 'Labels', np.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', np.metadata.annotations)
  w.write(0, 'Spec:\n')
  w.write(1, 'PodSelector: ')
  const selector = spec.podSelector
  if (!Object.keys(selector?.matchLabels ?? {}).length && !selector?.matchExpressions?.length) {
    w.write(2, '<none> (Allowing the specific traffic to all pods in this namespace)\n')
  } else w.write(2, `${formatSelector(selector)}\n`)
  const types = spec.policyTypes ?? []
  if (types.includes('Ingress')) {
    w.write(1, 'Allowing ingress traffic:\n')
    describeRules(w, spec.ingress, 'ingress')
  } else w.write(1, 'Not affecting ingress traffic\n')
  if (types.includes('Egress')) {
    w.write(1, 'Allowing egress traffic:\n')
    describeRules(w, spec.egress, 'egress')
  } else w.write(1, 'Not affecting egress traffic\n')
  w.write(1, `Policy Types: ${types.length ? types.join(', ') : '<none>'}\n`)
  return w.toString()
}
