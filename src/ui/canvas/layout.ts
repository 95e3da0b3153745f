/** Grid layout of the cards on the canvas, from how many pods each one shows. */
export const CARD_WIDTH = 330
const GAP_X = 32
const GAP_Y = 32
const COLUMNS = 3
/** Height of a card without pods, and per pod row (chips are one per row). */
const BASE_HEIGHT = 190
const ROW_HEIGHT = 46
/** Pod lists scroll beyond this many chips. */
export const MAX_VISIBLE_PODS = 8

export interface CardSpec {
  id: string
  type: 'k8sNode' | 'unscheduled'
  nodeName: string | null
  pods: number
}

export interface Placed extends CardSpec {
  x: number
  y: number
}

export function estimateHeight(pods: number): number {
  return BASE_HEIGHT + Math.max(1, Math.min(pods, MAX_VISIBLE_PODS)) * ROW_HEIGHT
}

export function layoutCards(cards: CardSpec[]): Placed[] {
  const placed: Placed[] = []
  let y = 0
  for (let row = 0; row * COLUMNS < cards.length; row++) {
    const inRow = cards.slice(row * COLUMNS, row * COLUMNS + COLUMNS)
    inRow.forEach((c, i) => placed.push({ ...c, x: i * (CARD_WIDTH + GAP_X), y }))
    y += Math.max(...inRow.map((c) => estimateHeight(c.pods))) + GAP_Y
  }
  return placed
}
