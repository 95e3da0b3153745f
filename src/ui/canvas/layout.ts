/**
 * Where the cards go on the canvas, and at what zoom. Cards are stacked in columns (each card
 * under the shortest column so far) from their measured heights, so a card that grows (taints,
 * a NotReady badge, nine Pending pods) pushes the ones below it instead of covering them.
 * The zoom never drops below what keeps pod names 12 px tall on screen: when the cards don't
 * all fit at that zoom, the layout fits the width and the canvas scrolls down.
 */
export const CARD_WIDTH = 320
const GAP_X = 24
const GAP_Y = 24
/** Room left between the cards and the canvas's edges, in screen pixels. */
export const EDGE = 12
/** Height of a card without pods, and per pod row (chips are one per row): until measured. */
const BASE_HEIGHT = 222
const ROW_HEIGHT = 46
/** Unscheduled chips carry a second line: the scheduler's reason. */
const PENDING_ROW_HEIGHT = 66
/** A card shows this many chips, then "+N more" (which lists the rest in a scroll box). */
export const MAX_VISIBLE_PODS = 8
/** Pod names are 14 px in the cards: below this zoom they'd be under 12 px on screen. */
export const POD_NAME_PX = 14
export const MIN_READABLE_ZOOM = 12 / POD_NAME_PX
const MAX_COLUMNS = 6

export interface CardSpec {
  id: string
  type: 'k8sNode' | 'unscheduled' | 'workloads' | 'services'
  nodeName: string | null
  pods: number
}

export interface Placed extends CardSpec {
  x: number
  y: number
  height: number
}

export interface Layout {
  cards: Placed[]
  width: number
  height: number
  columns: number
}

export interface View {
  layout: Layout
  zoom: number
  /** False when the cards are taller than the canvas at the readable zoom: it scrolls. */
  fits: boolean
}

export function estimateHeight(pods: number, rowHeight = ROW_HEIGHT): number {
  const moreButton = pods > MAX_VISIBLE_PODS ? ROW_HEIGHT : 0
  return BASE_HEIGHT + Math.max(1, Math.min(pods, MAX_VISIBLE_PODS)) * rowHeight + moreButton
}

const rowHeightOf = (card: CardSpec) => (card.type === 'unscheduled' ? PENDING_ROW_HEIGHT : ROW_HEIGHT)

/** A card's height: as drawn when the canvas has measured it, else estimated from its pods. */
export const heightOf = (card: CardSpec, measured: ReadonlyMap<string, number>) => measured.get(card.id) || estimateHeight(card.pods, rowHeightOf(card))

export function layoutCards(cards: CardSpec[], columns: number, measured: ReadonlyMap<string, number> = new Map()): Layout {
  const cols = Math.max(1, Math.min(columns, cards.length))
  const bottoms = new Array<number>(cols).fill(0)
  const placed: Placed[] = []
  for (const card of cards) {
    // The shortest column takes the next card; ties go left, so the order reads like text.
    let col = 0
    for (let i = 1; i < cols; i++) if (bottoms[i] < bottoms[col] - 0.5) col = i
    const height = heightOf(card, measured)
    placed.push({ ...card, x: col * (CARD_WIDTH + GAP_X), y: bottoms[col], height })
    bottoms[col] += height + GAP_Y
  }
  return { cards: placed, width: cols * CARD_WIDTH + (cols - 1) * GAP_X, height: Math.max(0, Math.max(...bottoms) - GAP_Y), columns: cols }
}

const zoomToFit = (length: number, room: number) => (room - 2 * EDGE) / Math.max(1, length)

/** The column count and zoom that draw the cards largest in a canvas of this size, never below the readable zoom. */
export function bestView(cards: CardSpec[], viewWidth: number, viewHeight: number, measured: ReadonlyMap<string, number> = new Map()): View {
  const maxColumns = Math.max(1, Math.min(cards.length, MAX_COLUMNS))
  let best: View | undefined
  // Everything in sight, as large as possible (up to 1:1).
  for (let columns = 1; columns <= maxColumns; columns++) {
    const layout = layoutCards(cards, columns, measured)
    const zoom = Math.min(1, zoomToFit(layout.width, viewWidth), zoomToFit(layout.height, viewHeight))
    if (zoom >= MIN_READABLE_ZOOM && (!best || zoom > best.zoom + 0.01)) best = { layout, zoom, fits: true }
  }
  if (best) return best
  // Too many cards to see at once: as many columns as the width takes at a readable zoom; scroll for the rest.
  for (let columns = maxColumns; columns >= 1; columns--) {
    const layout = layoutCards(cards, columns, measured)
    const zoom = Math.min(1, zoomToFit(layout.width, viewWidth))
    if (zoom >= MIN_READABLE_ZOOM || columns === 1) return { layout, zoom: Math.max(zoom, MIN_READABLE_ZOOM), fits: false }
  }
  throw new Error('unreachable: one column always returns')
}

/** From this many nodes the canvas is a grid of same-size slots you zoom into (pods as dots when far). */
export const GRID_MIN_NODES = 60
/** A node card's slot in the grid: its height never depends on its pods, so a batch never moves a card. */
export const GRID_SLOT_HEIGHT = 720
/** Below this zoom a node card shows its pods as dots, at or above it as chips. */
export const DETAIL_ZOOM = 0.45
/** How far the grid zooms out: 5,000 nodes fit a laptop screen. */
export const GRID_MIN_ZOOM = 0.01

/**
 * The grid for a large cluster: the other cards stacked in a first column (as measured),
 * then the nodes in a grid about as wide as the canvas is, relative to its height. Node
 * positions depend only on how many nodes there are.
 */
export function gridView(cards: CardSpec[], viewWidth: number, viewHeight: number, measured: ReadonlyMap<string, number> = new Map()): View {
  const nodes = cards.filter((c) => c.type === 'k8sNode')
  const others = cards.filter((c) => c.type !== 'k8sNode')
  const placed: Placed[] = []
  let y = 0
  for (const card of others) {
    const height = heightOf(card, measured)
    placed.push({ ...card, x: 0, y, height })
    y += height + GAP_Y
  }
  const aspect = Math.max(0.2, viewWidth / Math.max(1, viewHeight))
  const columns = Math.max(1, Math.ceil(Math.sqrt((nodes.length * GRID_SLOT_HEIGHT * aspect) / (CARD_WIDTH + GAP_X))))
  const left = CARD_WIDTH + GAP_X
  nodes.forEach((card, i) => {
    const col = i % columns
    const row = Math.floor(i / columns)
    placed.push({ ...card, x: left + col * (CARD_WIDTH + GAP_X), y: row * (GRID_SLOT_HEIGHT + GAP_Y), height: GRID_SLOT_HEIGHT })
  })
  const rows = Math.ceil(nodes.length / columns)
  const width = left + columns * (CARD_WIDTH + GAP_X) - GAP_X
  const height = Math.max(y - GAP_Y, rows * (GRID_SLOT_HEIGHT + GAP_Y) - GAP_Y)
  const zoom = Math.max(GRID_MIN_ZOOM, Math.min(1, zoomToFit(width, viewWidth), zoomToFit(height, viewHeight)))
  return { layout: { cards: placed, width, height, columns: columns + 1 }, zoom, fits: true }
}
