import { test as base, expect, type Locator, type Page } from '@playwright/test'

/** Every test watches for page errors, console errors and requests leaving the origin. */
export const test = base.extend<{ problems: string[] }>({
  problems: [
    async ({ page, baseURL }, use) => {
      const problems: string[] = []
      const origin = new URL(baseURL!).origin
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console.error: ${m.text()}`)
      })
      page.on('request', (r) => {
        if (!r.url().startsWith(origin + '/')) problems.push(`request outside ${origin}: ${r.url()}`)
      })
      await use(problems)
      expect(problems).toEqual([])
    },
    { auto: true },
  ],
})

export { expect }

export async function openApp(page: Page): Promise<void> {
  await page.goto('/')
  await expect(page.getByRole('group', { name: 'Node worker-1, Ready' })).toBeVisible()
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible()
}

export async function setSpeed(page: Page, speed: 1 | 5 | 30 | 100): Promise<void> {
  const button = page.getByRole('button', { name: `Speed ${speed}x` })
  await button.click()
  await expect(button).toHaveAttribute('aria-pressed', 'true')
}

/**
 * Replaces the editor's text as a person pasting it would (select all, paste), through the
 * editor UI and no globals. Pasting keeps the text exact, where typing line by line would
 * get Monaco's auto-indentation.
 */
export async function pasteManifest(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.evaluate((t) => navigator.clipboard.writeText(t), text)
  await page.locator('.monaco-editor .view-lines').click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('ControlOrMeta+V')
  // Back to the top: the first line is in view and short enough never to wrap.
  await page.keyboard.press('ControlOrMeta+Home')
  await expect(page.locator('.monaco-editor .view-lines')).toContainText(text.split('\n')[0].replace(/ /g, '\u00a0'))
}

export async function apply(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Apply', exact: true }).click()
}

export const applyOutput = (page: Page) => page.getByRole('log', { name: 'kubectl output' })

/** Pod chips on worker node cards, by accessible name. */
export const workerPods = (page: Page, name: RegExp) =>
  page.getByRole('group', { name: /^Node worker-\d+, Ready$/ }).getByRole('button', { name })

/** The pod names among chips whose accessible name matches. */
export async function podNames(page: Page, name: RegExp): Promise<string[]> {
  const labels = await workerPods(page, name).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))
  return labels.map((l) => l.replace(/^Pod /, '').replace(/, .*$/, '')).sort()
}

export const RUNNING_WEB = /^Pod web-[a-z0-9]+-[a-z0-9]{5}, Running$/

/**
 * Every card on the canvas shows whole, at once or by scrolling the canvas as a person would
 * (the layout keeps text readable and scrolls rather than shrinking), and no two cards overlap.
 */
export async function expectAllCardsVisible(page: Page): Promise<void> {
  const cards = page.locator('.react-flow__node')
  await expect(cards).toHaveCount(7) // 4 nodes, unscheduled pods, workloads, services
  await expectNoCardOverlaps(page)
  const canvasHeight = (await page.getByLabel('Cluster nodes').boundingBox())!.height
  for (const card of await cards.all()) {
    if ((await card.boundingBox())!.height <= canvasHeight - 40) {
      await revealOnCanvas(page, card)
      await expect(card).toBeInViewport({ ratio: 0.98 })
    } else {
      // Taller than the canvas (a crowded card at a readable zoom): its top and its bottom each scroll into it.
      await revealOnCanvas(page, card, 'top')
      await revealOnCanvas(page, card, 'bottom')
    }
  }
}

type Box = { x: number; y: number; width: number; height: number }

/** No two cards on the canvas cover each other. */
export async function expectNoCardOverlaps(page: Page): Promise<void> {
  const boxes = await page.locator('.react-flow__node').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect()
      return { id: e.getAttribute('data-id'), x: r.x, y: r.y, width: r.width, height: r.height }
    }),
  )
  const overlaps: string[] = []
  const apart = (a: Box, b: Box) => a.x + a.width <= b.x + 0.5 || b.x + b.width <= a.x + 0.5 || a.y + a.height <= b.y + 0.5 || b.y + b.height <= a.y + 0.5
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => apart(a, b) || overlaps.push(`${a.id} × ${b.id}`)))
  expect(overlaps).toEqual([])
}

/** Scrolls the cluster canvas (the mouse wheel pans it) until the element (or its top or bottom edge) is inside it. */
export async function revealOnCanvas(page: Page, target: Locator, edge?: 'top' | 'bottom'): Promise<void> {
  const canvas = page.getByLabel('Cluster nodes')
  const EDGE_PX = 30
  await expect(async () => {
    const c = (await canvas.boundingBox())!
    const box = (await target.boundingBox())!
    const t = !edge ? box : { ...box, y: edge === 'top' ? box.y : box.y + box.height - EDGE_PX, height: EDGE_PX }
    const below = t.y + t.height - (c.y + c.height)
    const above = c.y - t.y
    if (below <= 0 && above <= 0) return
    // The left margin is bare canvas: a card's own scroll box there would take the wheel.
    await page.mouse.move(c.x + 5, c.y + c.height / 2)
    // The canvas pans half the wheel's delta: land 10 px inside the edge.
    await page.mouse.wheel(0, below > 0 ? (below + 10) * 2 : -(above + 10) * 2)
    throw new Error(`not in the canvas yet (${Math.round(below > 0 ? below : -above)} px off)`)
  }).toPass({ timeout: 10_000, intervals: [150] })
}
