import { Background, Controls, ReactFlow, useReactFlow, useStore, type Node as FlowNode, type NodeProps, type ReactFlowState } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useEffect, useMemo, useRef } from 'react'
import { useReducedMotion } from '../network/useReducedMotion.ts'
import { useCluster } from '../store/clusterStore.ts'
import { useShownTheme } from '../theme/useShownTheme.ts'
import { usePodCounts, useNodeNames } from '../store/selectors.ts'
import { workloadOutline } from './workloadRows.ts'
import { bestLayout, CARD_WIDTH, type CardSpec } from './layout.ts'
import { NodeCard } from './NodeCard.tsx'
import { UnscheduledCard } from './UnscheduledCard.tsx'
import { WorkloadsCard } from './WorkloadsCard.tsx'
import { ServicesCard } from './ServicesCard.tsx'
import { serviceKeys } from './serviceRows.ts'
import { useElementSize } from './useElementSize.ts'

type CardData = { nodeName: string | null }
type CardNode = FlowNode<CardData>

function K8sNodeView({ data }: NodeProps<CardNode>) {
  return <NodeCard name={data.nodeName ?? ''} />
}

function UnscheduledView() {
  return <UnscheduledCard />
}

function WorkloadsView() {
  return <WorkloadsCard />
}

function ServicesView() {
  return <ServicesCard />
}

const nodeTypes = { k8sNode: K8sNodeView, unscheduled: UnscheduledView, workloads: WorkloadsView, services: ServicesView }

/** Every card's measured height: a row that wraps onto a second line grows its card without moving the layout. */
const measuredHeights = (s: ReactFlowState) => Array.from(s.nodeLookup.values(), (n) => Math.round(n.measured?.height ?? 0)).join(',')

/** Re-fits the view when the layout's shape changes (cards added, rows grown, text wrapped). */
function FitOnLayoutChange({ signature }: { signature: string }) {
  const { fitView } = useReactFlow()
  const heights = useStore(measuredHeights)
  const duration = useReducedMotion() ? 0 : 200
  useEffect(() => {
    const t = setTimeout(() => void fitView({ padding: 0.08, maxZoom: 1, duration }), 50)
    return () => clearTimeout(t)
  }, [signature, heights, fitView, duration])
  return null
}

/** The cluster as a React Flow canvas: one card per node, plus the unscheduled pods. */
export function ClusterCanvas() {
  const names = useNodeNames()
  const counts = usePodCounts()
  const workloadRowCount = useCluster((s) => workloadOutline(s).length)
  const serviceCount = useCluster((s) => serviceKeys(s).length)
  const container = useRef<HTMLDivElement>(null)
  const size = useElementSize(container)
  const theme = useShownTheme()
  const placed = useMemo(() => {
    const cards: CardSpec[] = names.map((n) => ({ id: `node:${n}`, type: 'k8sNode', nodeName: n, pods: counts[n] ?? 0 }))
    cards.push({ id: 'unscheduled', type: 'unscheduled', nodeName: null, pods: counts[''] ?? 0 })
    cards.push({ id: 'workloads', type: 'workloads', nodeName: null, pods: Math.ceil(workloadRowCount * 0.9) })
    // A Service row is two lines plus its endpoints: about two pod rows.
    cards.push({ id: 'services', type: 'services', nodeName: null, pods: serviceCount * 2 })
    return bestLayout(cards, size.width || 1000, size.height || 600).cards
  }, [names, counts, workloadRowCount, serviceCount, size.width, size.height])
  const nodes: CardNode[] = useMemo(
    () =>
      placed.map((c) => ({
        id: c.id,
        type: c.type,
        position: { x: c.x, y: c.y },
        data: { nodeName: c.nodeName },
        style: { width: CARD_WIDTH, pointerEvents: 'all' },
        draggable: false,
        selectable: false,
        focusable: false,
      })),
    [placed],
  )
  const signature = `${Math.round(size.width)}x${Math.round(size.height)} ` + placed.map((c) => `${c.id}@${c.x},${c.y}`).join(' ')
  return (
    <div className="canvas" aria-label="Cluster nodes" ref={container}>
      <ReactFlow
        nodes={nodes}
        edges={[]}
        nodeTypes={nodeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        fitView
        fitViewOptions={{ padding: 0.08, maxZoom: 1 }}
        minZoom={0.25}
        maxZoom={2}
        zoomOnDoubleClick={false}
        attributionPosition="top-right"
        colorMode={theme}
      >
        <Background gap={24} />
        <Controls showInteractive={false} position="bottom-right" orientation="horizontal" />
        <FitOnLayoutChange signature={signature} />
      </ReactFlow>
    </div>
  )
}
