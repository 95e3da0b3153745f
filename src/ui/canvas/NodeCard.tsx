import { memo } from 'react'
import type { Node } from '../../engine/api/types.ts'
import { cpuMillis, formatCpu, formatMemory, quantityValue } from '../../engine/util/quantity.ts'
import { useNode, useNodeUsage } from '../store/selectors.ts'
import { PodList } from './PodList.tsx'
import { ResourceBar } from './ResourceBar.tsx'

/** STATUS of `kubectl get nodes`: Ready / NotReady / Unknown, plus SchedulingDisabled. */
export function nodeStatus(node: Node): string {
  const ready = node.status.conditions.find((c) => c.type === 'Ready')
  let status = ready?.status === 'True' ? 'Ready' : ready?.status === 'False' ? 'NotReady' : 'Unknown'
  if (node.spec.unschedulable) status += ',SchedulingDisabled'
  return status
}

/** One Kubernetes node: condition, requested resources, and its pods. */
export const NodeCard = memo(function NodeCard({ name }: { name: string }) {
  const node = useNode(name)
  const usage = useNodeUsage(name)
  if (!node) return null
  const status = nodeStatus(node)
  const controlPlane = node.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined
  const cpuTotal = cpuMillis(node.status.allocatable.cpu)
  const memTotal = quantityValue(node.status.allocatable.memory)
  const podsTotal = quantityValue(node.status.allocatable.pods)
  const ip = node.status.addresses.find((a) => a.type === 'InternalIP')?.address
  return (
    <div className={`node-card${status === 'Ready' ? '' : ' not-ready'}`} role="group" aria-label={`Node ${name}, ${status}`}>
      <div className="node-head">
        <span className="node-name">{name}</span>
        <span className={`badge ${status === 'Ready' ? 'badge-ready' : 'badge-bad'}`}>{status}</span>
        {controlPlane && <span className="badge badge-cp">control-plane</span>}
      </div>
      {ip && <div className="node-ip">{ip}</div>}
      {(node.spec.taints ?? []).map((t) => (
        <div className="node-taint" key={`${t.key}:${t.effect}`}>
          Taint: {t.key}
          {t.value ? `=${t.value}` : ''}:{t.effect}
        </div>
      ))}
      <ResourceBar label="cpu" used={usage.cpu} total={cpuTotal} text={`cpu ${formatCpu(usage.cpu)} / ${formatCpu(cpuTotal)}`} />
      <ResourceBar label="memory" used={usage.memory} total={memTotal} text={`memory ${formatMemory(usage.memory)} / ${formatMemory(memTotal)}`} />
      <div className="node-pods-count">
        {usage.pods} / {podsTotal} pods
      </div>
      <PodList nodeName={name} emptyText="No pods" />
    </div>
  )
})
