/**
 * The network view's node cards, one component per column: Ingress, Service (with its
 * load button), EndpointSlice, Pod (with its live requests/s). Each is a group with an
 * accessible name that says what it shows; state is written out, not only coloured.
 */
import { Handle, Position, type Node as FlowNode, type NodeProps } from '@xyflow/react'
import { useShallow } from 'zustand/react/shallow'
import { serviceRowView } from '../canvas/serviceRows.ts'
import { useCluster } from '../store/clusterStore.ts'
import { LoadButton } from './LoadButton.tsx'
import type { NetIngress, NetPod, NetService, NetSlice } from './networkGraph.ts'
import { useNetworkUi } from './networkUi.ts'

export const STATE_TEXT = { ready: 'ready', notready: 'not ready', terminating: 'terminating' } as const

const handles = (
  <>
    <Handle type="target" position={Position.Left} isConnectable={false} className="net-handle" />
    <Handle type="source" position={Position.Right} isConnectable={false} className="net-handle" />
  </>
)

export type IngressFlowNode = FlowNode<{ ingress: NetIngress }, 'ingress'>
export type ServiceFlowNode = FlowNode<{ service: NetService }, 'service'>
export type SliceFlowNode = FlowNode<{ slice: NetSlice }, 'slice'>
export type PodFlowNode = FlowNode<{ pod: NetPod }, 'pod'>

const nsTag = (namespace: string) => (namespace !== 'default' ? <span className="net-ns">{namespace}</span> : null)

export function IngressNode({ data: { ingress } }: NodeProps<IngressFlowNode>) {
  const hosts = ingress.hosts.length ? ingress.hosts.join(', ') : '*'
  const address = ingress.address || 'no address'
  return (
    <div className="net-node net-ingress" role="group" aria-label={`Ingress ${ingress.name}, hosts ${hosts}, ${ingress.address ? `address ${ingress.address}` : 'no address yet'}`}>
      {handles}
      <div className="net-title">
        <span className="net-kind" aria-hidden="true">ing</span>
        {nsTag(ingress.namespace)}
        <span className="net-name" title={ingress.name}>{ingress.name}</span>
      </div>
      <div className="net-line">{hosts}</div>
      <div className={`net-line${ingress.address ? '' : ' net-muted'}`}>{address}</div>
    </div>
  )
}

export function ServiceNode({ data: { service } }: NodeProps<ServiceFlowNode>) {
  const view = useCluster(useShallow((s) => serviceRowView(s, `Service/${service.namespace}/${service.name}`)))
  const selected = useNetworkUi((s) => s.selectedService === service.key)
  const selectService = useNetworkUi((s) => s.selectService)
  if (!view) return null
  const ready = view.endpoints ? view.endpoints.split(' ').filter((e) => e.endsWith(':ready')).length : 0
  const total = view.endpoints ? view.endpoints.split(' ').length : 0
  return (
    <div className={`net-node net-service${selected ? ' selected' : ''}`} role="group" aria-label={view.label}>
      {handles}
      <button type="button" className="net-title net-select nodrag" aria-pressed={selected} aria-label={`Details of Service ${service.name}`} onClick={() => selectService(selected ? null : service.key)}>
        <span className="net-kind" aria-hidden="true">svc</span>
        {nsTag(service.namespace)}
        <span className="net-name" title={service.name}>{service.name}</span>
      </button>
      <div className="net-line">
        {view.type} {view.clusterIP}
      </div>
      <div className="net-line">
        {view.ports} · {view.selector === '<none>' ? 'no selector' : `${ready}/${total} ready`}
      </div>
      {view.type !== 'ExternalName' && view.selector !== '<none>' && <LoadButton service={service.name} namespace={service.namespace} />}
    </div>
  )
}

export function SliceNode({ data: { slice } }: NodeProps<SliceFlowNode>) {
  const ready = slice.endpoints.filter((e) => e.state === 'ready').length
  const withoutPod = slice.endpoints.filter((e) => !e.pod).map((e) => e.address)
  const summary = `${ready} of ${slice.endpoints.length} ready`
  return (
    <div className="net-node net-slice" role="group" aria-label={`EndpointSlice ${slice.name}, ${summary}${withoutPod.length ? `, addresses ${withoutPod.join(', ')}` : ''}`}>
      {handles}
      <div className="net-title">
        <span className="net-kind" aria-hidden="true">eps</span>
        <span className="net-name" title={slice.name}>{slice.name}</span>
      </div>
      <div className="net-line">{summary}</div>
      {withoutPod.length > 0 && <div className="net-line net-muted">{withoutPod.join(', ')}</div>}
    </div>
  )
}

/** Requests per second as shown: one decimal. */
export const formatRate = (rate: number) => `${rate.toFixed(1)} requests/s`

export function PodNode({ data: { pod } }: NodeProps<PodFlowNode>) {
  const rate = useCluster((s) => s.traffic.podRates[pod.key] ?? 0)
  const selectPod = useCluster((s) => s.selectPod)
  const state = STATE_TEXT[pod.state]
  return (
    <div className={`net-node net-pod state-${pod.state}${rate > 0 ? ' serving' : ''}`} role="group" aria-label={`Pod ${pod.name}, ${state}, ${formatRate(rate)}`}>
      {handles}
      <button type="button" className="net-title net-select nodrag" aria-label={`Open pod ${pod.name}`} onClick={() => selectPod(`Pod/${pod.namespace}/${pod.name}`)}>
        {nsTag(pod.namespace)}
        <span className="net-name" title={pod.name}>{pod.name}</span>
      </button>
      <div className="net-line">
        <span className="pod-dot" aria-hidden="true" /> <span className="net-state">{state}</span> · <span className="net-rate">{rate.toFixed(1)} req/s</span>
      </div>
    </div>
  )
}
