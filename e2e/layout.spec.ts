import { apply, applyOutput, expect, expectAllCardsVisible, expectNoCardOverlaps, openApp, pasteManifest, RUNNING_WEB, setSpeed, test, workerPods } from './fixtures.ts'
import type { Page } from '@playwright/test'

/** Nine pods no node can take: the Unscheduled card grows to its "+1 more". */
const NINE_PENDING = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: huge
spec:
  replicas: 9
  selector:
    matchLabels: {app: huge}
  template:
    metadata:
      labels: {app: huge}
    spec:
      containers:
      - name: app
        image: nginx:1.27
        resources:
          requests: {cpu: "16"}
`

const canvasWidth = async (page: Page) => (await page.getByRole('main', { name: 'Cluster' }).boundingBox())!.width
const terminalWidth = async (page: Page) => (await page.getByRole('region', { name: 'kubectl terminal' }).boundingBox())!.width

/** The smallest pod name on the canvas as drawn on screen: font size × the canvas's zoom. */
async function smallestPodNamePx(page: Page): Promise<number> {
  return page.locator('.react-flow__node .pod-name').evaluateAll((els) =>
    Math.min(
      ...els.map((e) => {
        const zoom = new DOMMatrixReadOnly(getComputedStyle(e.closest('.react-flow__viewport')!).transform).a
        return parseFloat(getComputedStyle(e).fontSize) * zoom
      }),
    ),
  )
}

for (const [width, height] of [
  [1024, 768],
  [1440, 900],
] as const) {
  test.describe(`at ${width}×${height}`, () => {
    test.use({ viewport: { width, height } })

    test('pod names read at 12 px or more, and the inspector opens beside the canvas without shrinking it', async ({ page }) => {
      await openApp(page)
      await setSpeed(page, 30)
      await apply(page)
      await expect(applyOutput(page)).toContainText('deployment.apps/web created')
      await expect(workerPods(page, RUNNING_WEB)).toHaveCount(3)
      expect(await smallestPodNamePx(page)).toBeGreaterThanOrEqual(12)
      const canvasBefore = await canvasWidth(page)
      const terminalBefore = await terminalWidth(page)
      expect(canvasBefore).toBeGreaterThan(width * 0.55)

      await workerPods(page, RUNNING_WEB).first().click()
      const details = page.getByRole('complementary', { name: 'Pod details' })
      await expect(details).toBeVisible()
      expect(await canvasWidth(page)).toBeCloseTo(canvasBefore, 0)
      expect(await terminalWidth(page)).toBeCloseTo(terminalBefore, 0)
      // The canvas under it still answers: another object opens in the same place.
      await page.getByRole('button', { name: 'Inspect node worker-1' }).click()
      await expect(page.getByRole('complementary', { name: 'Node details' })).toBeVisible()
      expect(await smallestPodNamePx(page)).toBeGreaterThanOrEqual(12)
      await page.screenshot({ path: `e2e/screenshots/layout-inspector-${width}.png` })
      await page.keyboard.press('Escape')
      await expect(page.getByRole('region', { name: 'Manifest' })).toBeVisible()

      // Folding the editor column away gives the canvas the width; the button brings it back.
      await page.getByRole('button', { name: 'Hide the editor column' }).click()
      await expect(page.getByRole('region', { name: 'Manifest' })).toBeHidden()
      await expect.poll(() => canvasWidth(page)).toBeGreaterThan(width * 0.9)
      expect(await smallestPodNamePx(page)).toBeGreaterThanOrEqual(12)
      await expectAllCardsVisible(page)
      await page.screenshot({ path: `e2e/screenshots/layout-editor-hidden-${width}.png` })
      await page.getByRole('button', { name: 'Show the editor column' }).click()
      await expect(page.locator('.monaco-editor .view-lines')).toBeVisible()
    })

    test('a NotReady node and nine Pending pods: no card covers another or leaves the canvas', async ({ page }) => {
      await openApp(page)
      await setSpeed(page, 100)
      await pasteManifest(page, NINE_PENDING)
      await apply(page)
      await expect(applyOutput(page)).toContainText('deployment.apps/huge created')
      const unscheduled = page.getByRole('group', { name: 'Unscheduled pods, 9' })
      await expect(unscheduled.getByRole('button', { name: /^Pod huge-.*, Pending$/ })).toHaveCount(8)
      await expect(unscheduled.getByRole('button', { name: 'Show 1 more pods unscheduled' })).toBeVisible()
      await page.getByRole('button', { name: 'Power off worker-1' }).click()
      await expect(page.getByRole('group', { name: 'Node worker-1, NotReady' })).toBeVisible({ timeout: 20_000 })
      await setSpeed(page, 1)
      await expectNoCardOverlaps(page)
      await expectAllCardsVisible(page)
      expect(await smallestPodNamePx(page)).toBeGreaterThanOrEqual(12)
      await page.screenshot({ path: `e2e/screenshots/layout-failures-${width}.png` })
    })
  })
}
