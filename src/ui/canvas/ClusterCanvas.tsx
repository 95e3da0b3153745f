import { Background, ControlButton, Controls, MiniMap, ReactFlow, useReactFlow, useStore, type Node as FlowNode, type NodeChange, type NodeProps } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useCluster } from '../store/clusterStore.ts'
import { useShownTheme } from '../theme/useShownTheme.ts'
import { usePodCounts, useNodeNames } from '../store/selectors.ts'
import { workloadOutline } from './workloadRows.ts'
import { bestView, CARD_WIDTH, DETAIL_ZOOM, EDGE, GRID_MIN_NODES, GRID_MIN_ZOOM, GRID_SLOT_HEIGHT, gridView, type CardSpec, type View } from './layout.ts'
import './canvas.css'
import './scale.css'
import { NodeCard, NodeSummaryCard } from './NodeCard.tsx'
import { UnscheduledCard } from './UnscheduledCard.tsx'
import { WorkloadsCard } from './WorkloadsCard.tsx'
import { ServicesCard } from './ServicesCard.tsx'
import { serviceKeys } from './serviceRows.ts'
import { useElementSize } from './useElementSize.ts'

/** `grid`: a large cluster's card, which shows its pods as dots when zoomed out. */
type CardData = { nodeName: string | null; grid: boolean }
type CardNode = FlowNode<CardData>

function K8sNodeView({ data }: NodeProps<CardNode>) {
  return data.grid ? <GridNodeView name={data.nodeName ?? ''} /> : <NodeCard name={data.nodeName ?? ''} />
}

/** Level of detail: chips when zoomed in, a heat map of pod states when zoomed out (re-renders only when the zoom crosses over). */
function GridNodeView({ name }: { name: string }) {
  const far = useStore((s) => s.transform[2] < DETAIL_ZOOM)
  return far ? <NodeSummaryCard name={name} /> : <NodeCard name={name} />
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

/**
 * A large cluster's grid: the whole cluster in view when it first shows (or when its node
 * count changes); after that the view is the person's, whatever the batches change.
 */
function PlaceGrid({ view, width, height, nodeCount }: { view: View; width: number; height: number; nodeCount: number }) {
  const { setViewport } = useReactFlow()
  const ready = useStore((s) => s.panZoom !== null)
  const placedFor = useRef<string>('')
  useEffect(() => {
    const key = `${nodeCount} ${Math.round(width)}x${Math.round(height)}`
    if (!ready || width === 0 || placedFor.current.startsWith(`${nodeCount} `)) return
    placedFor.current = key
    const { zoom } = view
    void setViewport({ x: Math.max(EDGE, (width - view.layout.width * zoom) / 2), y: Math.max(EDGE, (height - view.layout.height * zoom) / 2), zoom })
  }, [ready, nodeCount, width, height, view, setViewport])
  return null
}

/** Only real changes of a card's drawn height: a re-measure of the same height changes nothing. `skipNodes`: the grid's node slots don't depend on it. */
function withMeasuredHeights(prev: ReadonlyMap<string, number>, changes: NodeChange<CardNode>[], skipNodes: boolean): ReadonlyMap<string, number> {
  let next: Map<string, number> | undefined
  for (const c of changes) {
    if (c.type !== 'dimensions' || !c.dimensions) continue
    if (skipNodes && c.id.startsWith('node:')) continue
    const h = Math.round(c.dimensions.height)
    if (h > 0 && Math.abs((prev.get(c.id) ?? 0) - h) >= 1) (next ??= new Map(prev)).set(c.id, h)
  }
  return next ?? prev
}

/** The cluster as a React Flow canvas: one card per node, plus the unscheduled pods, workloads and Services. */
export function ClusterCanvas() {
  const names = useNodeNames()
  const grid = names.length >= GRID_MIN_NODES
  // The grid's slots don't depend on pod counts: no pass over the nodes per batch.
  const counts = usePodCounts(!grid)
  const workloadRowCount = useCluster((s) => workloadOutline(s).length)
  const serviceCount = useCluster((s) => serviceKeys(s).length)
  const container = useRef<HTMLDivElement>(null)
  const size = useElementSize(container)
  const theme = useShownTheme()
  const [measured, setMeasured] = useState<ReadonlyMap<string, number>>(() => new Map())
  const gridRef = useRef(grid)
  gridRef.current = grid
  const onNodesChange = useCallback((changes: NodeChange<CardNode>[]) => setMeasured((m) => withMeasuredHeights(m, changes, gridRef.current)), [])
  const view = useMemo(() => {
    const cards: CardSpec[] = names.map((n) => ({ id: `node:${n}`, type: 'k8sNode', nodeName: n, pods: counts[n] ?? 0 }))
    cards.push({ id: 'unscheduled', type: 'unscheduled', nodeName: null, pods: counts[''] ?? 0 })
    cards.push({ id: 'workloads', type: 'workloads', nodeName: null, pods: Math.ceil(workloadRowCount * 0.9) })
    // A Service row is two lines plus its endpoints: about two pod rows.
    cards.push({ id: 'services', type: 'services', nodeName: null, pods: serviceCount * 2 })
    return (grid ? gridView : bestView)(cards, size.width || 1000, size.height || 600, measured)
  }, [names, counts, workloadRowCount, serviceCount, size.width, size.height, measured, grid])
  const placed = view.layout.cards
  // The same node object for a card that did not move, so React Flow skips it (thousands in a grid).
  const reuse = useRef(new Map<string, CardNode>())
  const nodes: CardNode[] = useMemo(() => {
    const next = new Map<string, CardNode>()
    const list = placed.map((c) => {
      const old = reuse.current.get(c.id)
      const node: CardNode =
        old && old.position.x === c.x && old.position.y === c.y && old.data.grid === grid
          ? old
          : {
              id: c.id,
              type: c.type,
              position: { x: c.x, y: c.y },
              data: { nodeName: c.nodeName, grid },
              style: { width: CARD_WIDTH, pointerEvents: 'all' },
              // A grid slot's size before it is measured: what culling and the minimap go by.
              ...(grid && c.type === 'k8sNode' ? { width: CARD_WIDTH, height: GRID_SLOT_HEIGHT } : {}),
              draggable: false,
              selectable: false,
              focusable: false,
            }
      next.set(c.id, node)
      return node
    })
    reuse.current = next
    return list
  }, [placed, grid])
  const signature = grid ? '' : `${Math.round(size.width)}x${Math.round(size.height)} ` + placed.map((c) => `${c.id}@${c.x},${c.y}`).join(' ')
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
        minZoom={grid ? GRID_MIN_ZOOM : 0.25}
        maxZoom={2}
        panOnScroll={!grid}
        zoomOnScroll={grid}
        onlyRenderVisibleElements={grid}
        zoomOnDoubleClick={false}
        attributionPosition="top-right"
        colorMode={theme}
      >
        <Background gap={24} />
        <Controls showInteractive={false} showFitView={false} position="bottom-right" orientation="horizontal">
          <ResetViewButton view={view} width={size.width} />
        </Controls>
        {grid ? (
          <>
            <PlaceGrid view={view} width={size.width} height={size.height} nodeCount={names.length} />
            <MiniMap ariaLabel={`Minimap of ${names.length} nodes: drag to move the view`} pannable zoomable position="bottom-left" />
          </>
        ) : (
          <KeepView view={view} width={size.width} height={size.height} signature={signature} />
        )}
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
