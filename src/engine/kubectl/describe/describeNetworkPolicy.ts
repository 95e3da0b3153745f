import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from '../../network/networkPolicy.ts'
import { formatSelector } from '../../util/labels.ts'
import { DescribeWriter } from '../describeWriter.ts'
import { printAnnotationsMultiline, printLabelsMultiline } from './common.ts'

/** Go's time.Time String(), which `Created on:` prints: `2026-01-05 09:00:00 +0000 UTC`. */
function goTimeString(timestamp: string): string {
  const d = new Date(timestamp)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000 UTC`
}

const INDENT = '    '

function printPorts(w: DescribeWriter, ports: NetworkPolicyPort[] | undefined): void {
  if (!ports?.length) return w.write(0, `${INDENT}To Port: <any> (traffic allowed to all ports)\n`)
  for (const p of ports) {
    const port = p.port === undefined ? '<nil>' : String(p.port)
    const proto = p.protocol ?? 'TCP'
    w.write(0, p.endPort === undefined ? `${INDENT}To Port: ${port}/${proto}\n` : `${INDENT}To Port Range: ${port}-${p.endPort}/${proto}\n`)
  }
}

function printPeers(w: DescribeWriter, title: 'From' | 'To', peers: NetworkPolicyPeer[] | undefined, any: string): void {
  if (!peers?.length) return w.write(0, `${INDENT}${title}: ${any}\n`)
  for (const peer of peers) {
    w.write(0, `${INDENT}${title}:\n`)
    if (peer.podSelector && peer.namespaceSelector) {
      w.write(1, `${INDENT}NamespaceSelector: ${formatSelector(peer.namespaceSelector)}\n`)
      w.write(1, `${INDENT}PodSelector: ${formatSelector(peer.podSelector)}\n`)
    } else if (peer.podSelector) w.write(1, `${INDENT}PodSelector: ${formatSelector(peer.podSelector)}\n`)
    else if (peer.namespaceSelector) w.write(1, `${INDENT}NamespaceSelector: ${formatSelector(peer.namespaceSelector)}\n`)
    else if (peer.ipBlock) {
      w.write(1, `${INDENT}IPBlock:\n`)
      w.write(2, `${INDENT}CIDR: ${peer.ipBlock.cidr}\n`)
      w.write(2, `${INDENT}Except: ${(peer.ipBlock.except ?? []).join(', ')}\n`)
    }
  }
}

/** `kubectl describe networkpolicy` (describeNetworkPolicy): the spec in words, no events. */
export function describeNetworkPolicy(np: NetworkPolicy): string {
  const w = new DescribeWriter()
  const spec = np.spec ?? {}
  w.write(0, `Name:\t${np.metadata.name}\n`)
  w.write(0, `Namespace:\t${np.metadata.namespace}\n`)
  w.write(0, `Created on:\t${goTimeString(np.metadata.creationTimestamp)}\n`)
  printLabelsMultiline(w, 'Labels', np.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', np.metadata.annotations)
  w.write(0, 'Spec:\n')
  w.write(1, 'PodSelector: ')
  const selector = spec.podSelector ?? {}
  const empty = !Object.keys(selector.matchLabels ?? {}).length && !selector.matchExpressions?.length
  w.write(2, empty ? '<none> (Allowing the specific traffic to all pods in this namespace)\n' : `${formatSelector(selector)}\n`)
  const types = spec.policyTypes ?? []
  if (types.includes('Ingress')) {
    w.write(1, 'Allowing ingress traffic:\n')
    const rules = spec.ingress ?? []
    if (rules.length === 0) w.write(0, `${INDENT}<none> (Selected pods are isolated for ingress connectivity)\n`)
    rules.forEach((rule, i) => {
      printPorts(w, rule?.ports)
      printPeers(w, 'From', rule?.from, '<any> (traffic not restricted by source)')
      if (i !== rules.length - 1) w.write(0, `${INDENT}----------\n`)
    })
  } else w.write(1, 'Not affecting ingress traffic\n')
  if (types.includes('Egress')) {
    w.write(1, 'Allowing egress traffic:\n')
    const rules = spec.egress ?? []
    if (rules.length === 0) w.write(0, `${INDENT}<none> (Selected pods are isolated for egress connectivity)\n`)
    rules.forEach((rule, i) => {
      printPorts(w, rule?.ports)
      printPeers(w, 'To', rule?.to, '<any> (traffic not restricted by destination)')
      if (i !== rules.length - 1) w.write(0, `${INDENT}----------\n`)
    })
  } else w.write(1, 'Not affecting egress traffic\n')
  w.write(1, `Policy Types: ${types.length ? types.join(', ') : '<none>'}\n`)
  return w.toString()
}
