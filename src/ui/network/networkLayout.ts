/**
 * Places the network graph in columns, Ingress → Service → EndpointSlice → Pods, one band
 * per Service: its slices and pods start level with it, and the next band starts below the
 * tallest column of this one. Nodes have fixed sizes, so nothing overlaps whatever the
 * text; the Ingress column is left out when there are no Ingresses.
 */
import type { NetworkGraph } from './networkGraph.ts'

export type ColumnKind = 'ingress' | 'service' | 'slice' | 'pod'

type Sizes = Record<ColumnKind, { width: number; height: number }>

/** Three columns. */
export const NODE_SIZE: Sizes = {
  ingress: { width: 180, height: 84 },
  service: { width: 190, height: 112 },
  slice: { width: 170, height: 72 },
  pod: { width: 220, height: 58 },
}
/** Four columns, narrower, so they still fit a 1024×768 window at a readable zoom (long names end in …). */
export const COMPACT_NODE_SIZE: Sizes = {
  ingress: { width: 140, height: 84 },
  service: { width: 168, height: 112 },
  slice: { width: 126, height: 72 },
  pod: { width: 186, height: 58 },
}
/** Space between columns (where the edges run), three or four of them, and between nodes of a column. */
export const COLUMN_GAP = 36
export const COMPACT_COLUMN_GAP = 24
export const ROW_GAP = 10
/** Extra space between two Services' bands. */
export const BAND_GAP = 18

export interface PlacedNode {
  id: string
  column: ColumnKind
  x: number
  y: number
  width: number
  height: number
}

export function layoutNetwork(graph: NetworkGraph): { nodes: PlacedNode[]; width: number; height: number } {
  const compact = graph.ingresses.length > 0
  const columns: ColumnKind[] = compact ? ['ingress', 'service', 'slice', 'pod'] : ['service', 'slice', 'pod']
  const size = compact ? COMPACT_NODE_SIZE : NODE_SIZE
  const gap = compact ? COMPACT_COLUMN_GAP : COLUMN_GAP
  const x: Partial<Record<ColumnKind, number>> = {}
  let left = 0
  for (const c of columns) {
    x[c] = left
    left += size[c].width + gap
  }
  const width = left - gap
  const cursor: Record<ColumnKind, number> = { ingress: 0, service: 0, slice: 0, pod: 0 }
  const nodes: PlacedNode[] = []
  const placed = new Set<string>()
  const place = (id: string, column: ColumnKind, top: number) => {
    if (placed.has(id)) return
    placed.add(id)
    const y = Math.max(cursor[column], top)
    nodes.push({ id, column, x: x[column]!, y, ...size[column] })
    cursor[column] = y + size[column].height + ROW_GAP
  }

  for (const svc of graph.services) {
    const top = Math.max(cursor.service, cursor.slice, cursor.pod, columns.includes('ingress') ? cursor.ingress : 0)
    for (const ing of graph.ingresses) if (ing.backends[0] === svc.key || (ing.backends.includes(svc.key) && !placed.has(ing.id))) place(ing.id, 'ingress', top)
    place(svc.id, 'service', top)
    for (const slice of graph.slices) {
      if (slice.service !== svc.key) continue
      place(slice.id, 'slice', top)
      for (const e of slice.endpoints) if (e.pod) place(`pod:${e.pod}`, 'pod', top)
    }
    const bottom = Math.max(cursor.service, cursor.slice, cursor.pod)
    for (const c of ['service', 'slice', 'pod'] as const) cursor[c] = bottom + BAND_GAP
  }
  // Ingresses whose Services are not shown go last.
  for (const ing of graph.ingresses) place(ing.id, 'ingress', 0)
  const height = Math.max(0, ...nodes.map((n) => n.y + n.height))
  return { nodes, width, height }
}
