import type { KubeEvent, Node, Pod } from '../../api/types.ts'
import { parseSimTime } from '../../clock.ts'
import { cpuMillis, formatCpu, formatMemory, quantityValue } from '../../util/quantity.ts'
import { humanDuration } from '../../util/duration.ts'
import type { Lease } from '../../kinds/lease.ts'
import { DescribeWriter, rfc1123z } from '../describeWriter.ts'
import { describeEvents, eventsFor, printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline } from './common.ts'

export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>()
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) roles.add(k.slice('node-role.kubernetes.io/'.length))
    if (k === 'kubernetes.io/role') roles.add(v)
  }
  return [...roles].filter(Boolean).sort()
}

function podTotals(pod: Pod) {
  let cpuReq = 0, cpuLim = 0, memReq = 0, memLim = 0
  for (const c of pod.spec.containers) {
    const req = c.resources?.requests ?? {}
    const lim = c.resources?.limits ?? {}
    cpuReq += cpuMillis(req.cpu ?? lim.cpu)
    memReq += quantityValue(req.memory ?? lim.memory)
    cpuLim += cpuMillis(lim.cpu)
    memLim += quantityValue(lim.memory)
  }
  return { cpuReq, cpuLim, memReq, memLim }
}

/** `kubectl describe node`; `lease` is the node's heartbeat Lease in kube-node-lease, if there is one. */
export function describeNode(node: Node, lease: Lease | undefined, pods: Pod[], events: KubeEvent[], nowMs: number): string {
  const w = new DescribeWriter()
  w.write(0, `Name:\t${node.metadata.name}\n`)
  const roles = nodeRoles(node)
  w.write(0, `Roles:\t${roles.length ? roles.join(',') : '<none>'}\n`)
  printLabelsMultiline(w, 'Labels', node.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations)
  w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`)
  printTaintsMultiline(w, 'Taints', node.spec.taints)
  w.write(0, `Unschedulable:\t${!!node.spec.unschedulable}\n`)
  w.write(0, 'Lease:\n')
  w.write(1, `HolderIdentity:\t${lease?.spec?.holderIdentity ?? '<unset>'}\n`)
  w.write(1, `AcquireTime:\t${rfc1123z(lease?.spec?.acquireTime)}\n`)
  w.write(1, `RenewTime:\t${rfc1123z(lease?.spec?.renewTime)}\n`)
  w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n')
  w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n')
  for (const c of node.status.conditions) {
    w.write(1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason} \t${c.message}\n`)
  }
  w.write(0, 'Addresses:\n')
  for (const a of node.status.addresses) w.write(1, `${a.type}:\t${a.address}\n`)
  for (const [title, list] of [['Capacity', node.status.capacity], ['Allocatable', node.status.allocatable]] as const) {
    w.write(0, `${title}:\n`)
    for (const name of Object.keys(list).sort()) w.write(0, `  ${name}:\t${list[name]}\n`)
  }
  const info = node.status.nodeInfo
  w.write(0, 'System Info:\n')
  w.write(0, `  Machine ID:\t${info.machineID}\n`)
  w.write(0, `  System UUID:\t${info.systemUUID}\n`)
  w.write(0, `  Boot ID:\t${info.bootID}\n`)
  w.write(0, `  Kernel Version:\t${info.kernelVersion}\n`)
  w.write(0, `  OS Image:\t${info.osImage}\n`)
  w.write(0, `  Operating System:\t${info.operatingSystem}\n`)
  w.write(0, `  Architecture:\t${info.architecture}\n`)
  w.write(0, `  Container Runtime Version:\t${info.containerRuntimeVersion}\n`)
  w.write(0, `  Kubelet Version:\t${info.kubeletVersion}\n`)
  w.write(0, `  Kube-Proxy Version:\t${info.kubeProxyVersion}\n`)
  if (node.spec.podCIDR) {
    w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`)
    w.write(0, `PodCIDRs:\t${node.spec.podCIDR}\n`)
  }
  const onNode = pods.filter((p) => p.spec.nodeName === node.metadata.name && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed')
  const allocCpu = cpuMillis(node.status.allocatable.cpu)
  const allocMem = quantityValue(node.status.allocatable.memory)
  const pct = (v: number, of: number) => (of === 0 ? 0 : Math.trunc((v / of) * 100))
  w.write(0, `Non-terminated Pods:\t(${onNode.length} in total)\n`)
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n')
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n')
  const total = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0 }
  for (const p of onNode) {
    const t = podTotals(p)
    total.cpuReq += t.cpuReq
    total.cpuLim += t.cpuLim
    total.memReq += t.memReq
    total.memLim += t.memLim
    w.write(1, `${p.metadata.namespace}\t${p.metadata.name}\t\t${formatCpu(t.cpuReq)} (${pct(t.cpuReq, allocCpu)}%)\t${formatCpu(t.cpuLim)} (${pct(t.cpuLim, allocCpu)}%)\t${formatMemory(t.memReq)} (${pct(t.memReq, allocMem)}%)\t${formatMemory(t.memLim)} (${pct(t.memLim, allocMem)}%)\t${humanDuration(nowMs - parseSimTime(p.metadata.creationTimestamp))}\n`)
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n')
  w.write(1, 'Resource\tRequests\tLimits\n')
  w.write(1, '--------\t--------\t------\n')
  w.write(1, `cpu\t${formatCpu(total.cpuReq)} (${pct(total.cpuReq, allocCpu)}%)\t${formatCpu(total.cpuLim)} (${pct(total.cpuLim, allocCpu)}%)\n`)
  w.write(1, `memory\t${formatMemory(total.memReq)} (${pct(total.memReq, allocMem)}%)\t${formatMemory(total.memLim)} (${pct(total.memLim, allocMem)}%)\n`)
  w.write(1, 'ephemeral-storage\t0 (0%)\t0 (0%)\n')
  describeEvents(w, eventsFor(events, node), nowMs)
  return w.toString()
}
