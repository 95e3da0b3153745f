import { Background, ControlButton, Controls, ReactFlow, useReactFlow, useStore, type Node as FlowNode, type NodeChange, type NodeProps } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useCluster } from '../store/clusterStore.ts'
import { useShownTheme } from '../theme/useShownTheme.ts'
import { usePodCounts, useNodeNames } from '../store/selectors.ts'
import { workloadOutline } from './workloadRows.ts'
import { bestView, CARD_WIDTH, EDGE, type CardSpec, type View } from './layout.ts'
import './canvas.css'
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

/**
 * Puts the view where the layout says: readable zoom, centred across, from the top. When the
 * canvas scrolls, a change of layout keeps where the person scrolled to (within the cards).
 */
function KeepView({ view, width, height, signature }: { view: View; width: number; height: number; signature: string }) {
  const { setViewport, getViewport } = useReactFlow()
  const ready = useStore((s) => s.panZoom !== null)
  const placed = useRef(false)
  const { zoom, fits } = view
  const x = Math.max(EDGE, (width - view.layout.width * zoom) / 2)
  const lowest = Math.min(EDGE, height - EDGE - view.layout.height * zoom)
  useEffect(() => {
    if (!ready) return
    const y = fits || !placed.current ? EDGE : Math.min(EDGE, Math.max(lowest, getViewport().y))
    placed.current = true
    void setViewport({ x, y, zoom })
  }, [signature, ready, x, zoom, fits, lowest, setViewport, getViewport])
  return null
}

/** Only real changes of a card's drawn height: a re-measure of the same height changes nothing. */
function withMeasuredHeights(prev: ReadonlyMap<string, number>, changes: NodeChange<CardNode>[]): ReadonlyMap<string, number> {
  let next: Map<string, number> | undefined
  for (const c of changes) {
    if (c.type !== 'dimensions' || !c.dimensions) continue
    const h = Math.round(c.dimensions.height)
    if (h > 0 && Math.abs((prev.get(c.id) ?? 0) - h) >= 1) (next ??= new Map(prev)).set(c.id, h)
  }
  return next ?? prev
}

/** The cluster as a React Flow canvas: one card per node, plus the unscheduled pods, workloads and Services. */
export function ClusterCanvas() {
  const names = useNodeNames()
  const counts = usePodCounts()
  const workloadRowCount = useCluster((s) => workloadOutline(s).length)
  const serviceCount = useCluster((s) => serviceKeys(s).length)
  const container = useRef<HTMLDivElement>(null)
  const size = useElementSize(container)
  const theme = useShownTheme()
  const [measured, setMeasured] = useState<ReadonlyMap<string, number>>(() => new Map())
  const onNodesChange = useCallback((changes: NodeChange<CardNode>[]) => setMeasured((m) => withMeasuredHeights(m, changes)), [])
  const view = useMemo(() => {
    const cards: CardSpec[] = names.map((n) => ({ id: `node:${n}`, type: 'k8sNode', nodeName: n, pods: counts[n] ?? 0 }))
    cards.push({ id: 'unscheduled', type: 'unscheduled', nodeName: null, pods: counts[''] ?? 0 })
    cards.push({ id: 'workloads', type: 'workloads', nodeName: null, pods: Math.ceil(workloadRowCount * 0.9) })
    // A Service row is two lines plus its endpoints: about two pod rows.
    cards.push({ id: 'services', type: 'services', nodeName: null, pods: serviceCount * 2 })
    return bestView(cards, size.width || 1000, size.height || 600, measured)
  }, [names, counts, workloadRowCount, serviceCount, size.width, size.height, measured])
  const placed = view.layout.cards
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
    <>
    <div className={`canvas${view.fits ? '' : ' canvas-scrolls'}`} aria-label="Cluster nodes" ref={container}>
      <ReactFlow
        nodes={nodes}
        edges={[]}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        minZoom={0.25}
        maxZoom={2}
        panOnScroll
        zoomOnScroll={false}
        zoomOnDoubleClick={false}
        attributionPosition="top-right"
        colorMode={theme}
      >
        <Background gap={24} />
        <Controls showInteractive={false} showFitView={false} position="bottom-right" orientation="horizontal">
          <ResetViewButton view={view} width={size.width} />
        </Controls>
        <KeepView view={view} width={size.width} height={size.height} signature={signature} />
      </ReactFlow>
    </div>
    {/* Under the canvas, not on it: a bar of its own covers no card. */}
    {!view.fits && <p className="canvas-scroll-hint">Scroll the canvas for more cards</p>}
    </>
  )
}

/** Back to the layout's own view after zooming or panning around. */
function ResetViewButton({ view, width }: { view: View; width: number }) {
  const { setViewport } = useReactFlow()
  const x = Math.max(EDGE, (width - view.layout.width * view.zoom) / 2)
  return (
    <ControlButton aria-label="Reset the view" title="Reset the view" onClick={() => void setViewport({ x, y: EDGE, zoom: view.zoom }, { duration: 200 })}>
      ⟲
    </ControlButton>
  )
}
