import { memo } from 'react'
import { cpuMillis, formatCpu, formatMemory, quantityValue } from '../../engine/util/quantity.ts'
import { nodeStatusText } from '../../engine/kinds/node.ts'
import { useEngine } from '../engineContext.ts'
import { useCluster } from '../store/clusterStore.ts'
import { useNode, useNodePods, useNodeUsage } from '../store/selectors.ts'
import { countsSentence } from '../store/podIndex.ts'
import { runInTerminal } from '../terminal/runInTerminal.ts'
import { PodList } from './PodList.tsx'
import { ResourceBar } from './ResourceBar.tsx'
import { CountdownBadge } from './Countdowns.tsx'
import { PodDots } from './PodDots.tsx'

/**
 * A node zoomed out: its name, condition and pods as a heat map of states, named by their
 * counts. Still a button to inspect it, so select works at any zoom.
 */
export const NodeSummaryCard = memo(function NodeSummaryCard({ name }: { name: string }) {
  const node = useNode(name)
  const pods = useNodePods(name)
  const selected = useCluster((s) => s.selectedKey === `Node//${name}`)
  const selectObject = useCluster((s) => s.selectObject)
  if (!node) return null
  const status = nodeStatusText(node)
  const counts = countsSentence(pods.counts)
  const total = pods.keys.length
  return (
    <div
      className={`node-card node-summary${status === 'Ready' ? '' : ' not-ready'}${selected ? ' selected' : ''}`}
      role="group"
      aria-label={`Node ${name}, ${status}, ${total} pod${total === 1 ? '' : 's'}: ${counts}`}
    >
      <div className="node-head">
        <button
          type="button"
          className="node-name object-select"
          aria-label={`Inspect node ${name}`}
          aria-pressed={selected}
          onClick={() => selectObject(selected ? null : `Node//${name}`)}
        >
          {name}
        </button>
        <span className={`badge ${status === 'Ready' ? 'badge-ready' : 'badge-bad'}`}>{status}</span>
      </div>
      <div className="node-pods-count">
        {pods.active} / {quantityValue(node.status.allocatable.pods)} pods
      </div>
      <PodDots tones={pods.tones} capacity={quantityValue(node.status.allocatable.pods)} label={`Pods on ${name}: ${counts}`} />
    </div>
  )
})

/** One Kubernetes node: condition, requested resources, and its pods. */
export const NodeCard = memo(function NodeCard({ name }: { name: string }) {
  const node = useNode(name)
  const usage = useNodeUsage(name)
  const poweredOff = useCluster((s) => s.nodesDown.includes(name))
  const engine = useEngine()
  const selected = useCluster((s) => s.selectedKey === `Node//${name}`)
  const selectObject = useCluster((s) => s.selectObject)
  if (!node) return null
  const status = nodeStatusText(node)
  const controlPlane = node.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined
  const cpuTotal = cpuMillis(node.status.allocatable.cpu)
  const memTotal = quantityValue(node.status.allocatable.memory)
  const podsTotal = quantityValue(node.status.allocatable.pods)
  const ip = node.status.addresses.find((a) => a.type === 'InternalIP')?.address
  const cordoned = !!node.spec.unschedulable
  return (
    <div className={`node-card${status === 'Ready' ? '' : ' not-ready'}`} role="group" aria-label={`Node ${name}, ${status}`}>
      <div className="node-head">
        <button
          type="button"
          className="node-name object-select"
          aria-label={`Inspect node ${name}`}
          aria-pressed={selected}
          onClick={() => selectObject(selected ? null : `Node//${name}`)}
        >
          {name}
        </button>
        <span className={`badge ${status === 'Ready' ? 'badge-ready' : 'badge-bad'}`}>{status}</span>
        {controlPlane && <span className="badge badge-cp">control-plane</span>}
        {poweredOff && <span className="badge badge-bad">powered off</span>}
        <CountdownBadge objectKey={`Node//${name}`} />
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
      <div className="node-actions">
        <button type="button" className="btn btn-small" onClick={() => engine.fault(poweredOff ? 'node-up' : 'node-down', name)}>
          {poweredOff ? `Power on ${name}` : `Power off ${name}`}
        </button>
        <button type="button" className="btn btn-small" onClick={() => void runInTerminal(engine, `${cordoned ? 'uncordon' : 'cordon'} ${name}`)}>
          {cordoned ? `Uncordon ${name}` : `Cordon ${name}`}
        </button>
      </div>
    </div>
  )
})
