import { Background, ReactFlow, useReactFlow, type Edge, type Node as FlowNode } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useEffect, useMemo, useRef } from 'react'
import { useElementSize } from '../canvas/useElementSize.ts'
import { useCluster } from '../store/clusterStore.ts'
import { networkGraph, type NetworkGraph } from './networkGraph.ts'
import { layoutNetwork } from './networkLayout.ts'
import { IngressNode, PodNode, ServiceNode, SliceNode } from './networkNodes.tsx'
import { useNetworkUi } from './networkUi.ts'
import { ServiceDetails } from './ServiceDetails.tsx'
import { TrafficEdge, type TrafficEdgeData } from './TrafficEdge.tsx'
import { useReducedMotion } from './useReducedMotion.ts'
import { useShownTheme } from '../theme/useShownTheme.ts'
import { useTrafficPulses } from './useTrafficPulses.ts'
import './network.css'

const nodeTypes = { ingress: IngressNode, service: ServiceNode, slice: SliceNode, pod: PodNode }
const edgeTypes = { traffic: TrafficEdge }

/** The smallest text in the view is 14px: below this zoom it would read smaller than 12px. */
export const MIN_READABLE_ZOOM = 12 / 14
const PADDING = 8

/** Fits the graph into the pane, but never below a readable zoom: then it starts top-left and pans. */
function FitGraph({ width, height, pane }: { width: number; height: number; pane: { width: number; height: number } }) {
  const { setViewport } = useReactFlow()
  useEffect(() => {
    if (!pane.width || !pane.height) return
    const fit = Math.min((pane.width - 2 * PADDING) / Math.max(width, 1), (pane.height - 2 * PADDING) / Math.max(height, 1))
    const zoom = Math.max(MIN_READABLE_ZOOM, Math.min(1, fit))
    const x = width * zoom + 2 * PADDING <= pane.width ? (pane.width - width * zoom) / 2 : PADDING
    const y = height * zoom + 2 * PADDING <= pane.height ? (pane.height - height * zoom) / 2 : PADDING
    void setViewport({ x, y, zoom })
  }, [width, height, pane.width, pane.height, setViewport])
  return null
}

function useGraph(): NetworkGraph {
  const services = useCluster((s) => s.objects.Service)
  const slices = useCluster((s) => s.objects.EndpointSlice)
  const ingresses = useCluster((s) => s.objects.Ingress)
  const namespace = useCluster((s) => s.namespace)
  return useMemo(
    () => networkGraph({ Service: services ?? {}, EndpointSlice: slices ?? {}, Ingress: ingresses ?? {} }, namespace),
    [services, slices, ingresses, namespace],
  )
}

/** The network view: Ingress → Service → EndpointSlice → Pods, with live traffic, and a Service's details beside it. */
export function NetworkView() {
  const graph = useGraph()
  const layout = useMemo(() => layoutNetwork(graph), [graph])
  const selected = useNetworkUi((s) => s.selectedService)
  const selectService = useNetworkUi((s) => s.selectService)
  const reducedMotion = useReducedMotion()
  const theme = useShownTheme()
  useTrafficPulses(graph, reducedMotion)
  const pane = useRef<HTMLDivElement>(null)
  const size = useElementSize(pane)

  const nodes: FlowNode[] = useMemo(() => {
    const data = new Map<string, Record<string, unknown>>()
    for (const i of graph.ingresses) data.set(i.id, { ingress: i })
    for (const s of graph.services) data.set(s.id, { service: s })
    for (const s of graph.slices) data.set(s.id, { slice: s })
    for (const p of graph.pods) data.set(p.id, { pod: p })
    return layout.nodes.map((n) => ({
      id: n.id,
      type: n.column,
      position: { x: n.x, y: n.y },
      data: data.get(n.id)!,
      // Not draggable nor selectable, React Flow would let clicks through to the pane: the buttons need them.
      style: { width: n.width, height: n.height, pointerEvents: 'all' },
      draggable: false,
      selectable: false,
      focusable: false,
    }))
  }, [graph, layout])
  const edges: Edge<TrafficEdgeData>[] = useMemo(
    () => graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, type: 'traffic', data: { state: e.state }, focusable: false, selectable: false })),
    [graph],
  )
  const shownService = selected && graph.services.some((s) => s.key === selected) ? selected : null

  return (
    <div className={`network-view${shownService ? ' with-details' : ''}`}>
      <div className="network-pane" ref={pane} role="region" aria-label="Network: Ingress, Services, EndpointSlices and Pods">
        {graph.services.length === 0 && <p className="network-empty">No Services in this namespace. Apply a Deployment and a Service to see traffic here.</p>}
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          elementsSelectable={false}
          minZoom={0.25}
          maxZoom={2}
          zoomOnDoubleClick={false}
          attributionPosition="top-right"
          colorMode={theme}
        >
          <Background gap={24} />
          <FitGraph width={layout.width} height={layout.height} pane={size} />
        </ReactFlow>
      </div>
      {shownService && (
        <aside className="network-details">
          <ServiceDetails serviceKey={shownService} onClose={() => selectService(null)} />
        </aside>
      )}
    </div>
  )
}
