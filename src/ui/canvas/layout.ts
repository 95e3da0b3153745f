/** Grid layout of the cards on the canvas, from how many pods each one shows. */
export const CARD_WIDTH = 360
const GAP_X = 32
const GAP_Y = 32
/** Height of a card without pods, and per pod row (chips are one per row). */
const BASE_HEIGHT = 222
const ROW_HEIGHT = 46
/** Unscheduled chips carry a second line: the scheduler's reason. */
const PENDING_ROW_HEIGHT = 66
/** A card shows this many chips, then "+N more" (which lists the rest in a scroll box). */
export const MAX_VISIBLE_PODS = 8
/** Room fitView leaves around the cards (padding 0.08 on each side). */
const FIT_MARGIN = 1.16

export interface CardSpec {
  id: string
  type: 'k8sNode' | 'unscheduled' | 'workloads' | 'services'
  nodeName: string | null
  pods: number
}

export interface Placed extends CardSpec {
  x: number
  y: number
}

export interface Layout {
  cards: Placed[]
  width: number
  height: number
  columns: number
}

export function estimateHeight(pods: number, rowHeight = ROW_HEIGHT): number {
  const moreButton = pods > MAX_VISIBLE_PODS ? ROW_HEIGHT : 0
  return BASE_HEIGHT + Math.max(1, Math.min(pods, MAX_VISIBLE_PODS)) * rowHeight + moreButton
}

const rowHeightOf = (card: CardSpec) => (card.type === 'unscheduled' ? PENDING_ROW_HEIGHT : ROW_HEIGHT)

export function layoutCards(cards: CardSpec[], columns: number): Layout {
  const placed: Placed[] = []
  let y = 0
  for (let row = 0; row * columns < cards.length; row++) {
    const inRow = cards.slice(row * columns, row * columns + columns)
    inRow.forEach((c, i) => placed.push({ ...c, x: i * (CARD_WIDTH + GAP_X), y }))
    y += Math.max(...inRow.map((c) => estimateHeight(c.pods, rowHeightOf(c)))) + GAP_Y
  }
  const cols = Math.min(columns, cards.length)
  return { cards: placed, width: cols * CARD_WIDTH + (cols - 1) * GAP_X, height: Math.max(0, y - GAP_Y), columns }
}

/** The column count that lets the cards be drawn largest in a viewport of this size. */
export function bestLayout(cards: CardSpec[], viewWidth: number, viewHeight: number): Layout {
  let best: Layout | undefined
  let bestZoom = -1
  const maxColumns = Math.max(1, Math.min(cards.length, 6))
  for (let columns = 1; columns <= maxColumns; columns++) {
    const layout = layoutCards(cards, columns)
    const zoom = Math.min(1, viewWidth / (layout.width * FIT_MARGIN), viewHeight / (layout.height * FIT_MARGIN))
    if (zoom > bestZoom + 0.01) {
      best = layout
      bestZoom = zoom
    }
  }
  return best ?? layoutCards(cards, 3)
}
