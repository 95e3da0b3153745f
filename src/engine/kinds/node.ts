import type { Node, Pod } from '../api/types.ts'
import { describeNode, nodeRoles } from '../kubectl/describe/describeNode.ts'
import { NODE_LEASE_NAMESPACE, type Lease } from './lease.ts'
import { ageOf } from '../kubectl/podSummary.ts'
import { defineKind } from './kindModule.ts'

/** The STATUS column of `kubectl get nodes`: Ready, NotReady or Unknown, and SchedulingDisabled when cordoned. */
export function nodeStatusText(node: Node): string {
  const ready = node.status.conditions.find((c) => c.type === 'Ready')
  let status = ready?.status === 'True' ? 'Ready' : ready ? 'NotReady' : 'Unknown'
  if (node.spec.unschedulable) status += ',SchedulingDisabled'
  return status
}

export const nodeKind = defineKind<Node>({
  names: { kind: 'Node', group: '', version: 'v1', plural: 'nodes', singular: 'node', shortNames: ['no'], namespaced: false },
  simulated: true,
  nameRule: 'subdomain',
  hasSpec: true,
  fieldLabels: ['spec.unschedulable'],
  table: {
    columns: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
    wideColumns: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
    row(obj, now) {
      const node = obj as Node
      const roles = nodeRoles(node)
      return [node.metadata.name, nodeStatusText(node), roles.length ? roles.join(',') : '<none>', ageOf(node.metadata.creationTimestamp, now), node.status.nodeInfo.kubeletVersion]
    },
    wideRow(obj) {
      const node = obj as Node
      const info = node.status.nodeInfo
      return [node.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? '<none>', '<none>', info.osImage, info.kernelVersion, info.containerRuntimeVersion]
    },
  },
  describe: (node, ctx) =>
    describeNode(node, ctx.store.get<Lease>('Lease', NODE_LEASE_NAMESPACE, node.metadata.name), ctx.store.podsOn<Pod>(node.metadata.name), ctx.eventsFor(node), ctx.now),
})
