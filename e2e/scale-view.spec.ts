import { expect, openApp, test } from './fixtures.ts'
import type { Page } from '@playwright/test'

async function startOver(page: Page, preset: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Edit cluster' }).click()
  const dialog = page.getByRole('dialog', { name: 'Cluster editor' })
  page.once('dialog', (confirm) => void confirm.accept())
  await dialog.getByRole('button', { name: preset }).click()
}

async function kubectl(page: Page, line: string): Promise<void> {
  const terminal = page.getByRole('textbox', { name: 'kubectl command' })
  await terminal.fill(`kubectl ${line}`)
  await terminal.press('Enter')
}

test('1,000 nodes: zoomed out each node is a heat map named by its pod counts; zoomed in, chips; a minimap', async ({ page }) => {
  test.setTimeout(180_000)
  await openApp(page)
  await startOver(page, /^Start over with 1,000 nodes/)
  // The whole grid in view: every card a summary whose name counts its pods by state.
  await expect(page.getByRole('group', { name: /^Node worker-1000, Ready, \d+ pods?: / })).toBeVisible({ timeout: 60_000 })
  await expect(page.getByRole('img', { name: /^Minimap of 1001 nodes/ })).toBeVisible()
  await kubectl(page, 'create deployment web --image=nginx --replicas=300')
  await page.getByRole('button', { name: 'Speed 30x' }).click()
  await expect(page.getByRole('img', { name: /^Pods on worker-\d+: [1-9]\d* ready/ }).first()).toBeVisible({ timeout: 90_000 })
  await expect(page.getByRole('group', { name: /^Node worker-\d+, Ready, [1-9]\d* pods?: [1-9]\d* ready/ }).first()).toBeVisible()
  // No chips on the node cards (the Unscheduled card keeps its own).
  expect(await page.getByRole('group', { name: /^Node worker-/ }).getByRole('button', { name: /^Pod / }).count()).toBe(0)
  await page.screenshot({ path: 'e2e/screenshots/scale-1000-far.png' })

  // Zoom in with the wheel over worker-1 (the point under the pointer stays put).
  const card = page.getByRole('group', { name: /^Node worker-\d+, Ready, [1-9]\d* pods?: [1-9]\d* ready/ }).first()
  const box = (await card.boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 4)
  for (let i = 0; i < 12; i++) {
    await page.mouse.wheel(0, -200)
    await page.waitForTimeout(50)
  }
  // Full cards again: pod chips (whichever pods the cards in view hold) and the node's buttons.
  await expect(page.getByRole('button', { name: /^Pod \S+( \S+)?, Running/ }).first()).toBeVisible({ timeout: 20_000 })
  await expect(page.getByRole('button', { name: /^Power off worker-\d+$/ }).first()).toBeVisible()
  await expect(page.getByRole('img', { name: /^Pods on / })).toHaveCount(0)
  // Only the cards in view exist: far fewer than 1,000.
  expect(await page.getByRole('group', { name: /^Node worker-\d+, / }).count()).toBeLessThan(100)
  await page.screenshot({ path: 'e2e/screenshots/scale-1000-near.png' })
})

test('O toggles the performance overlay, which the ? overlay lists', async ({ page }) => {
  await openApp(page)
  await page.locator('body').press('o')
  const overlay = page.getByRole('definition').first().locator('xpath=..')
  await expect(overlay).toHaveAccessibleName('Performance')
  await expect(overlay).toContainText('Simulated events/s')
  await expect(overlay).toContainText('Frame p95')
  await expect(overlay).toContainText(/Frame p50\s*\d+\.\d ms/)
  await page.locator('body').press('o')
  await expect(page.getByText('Simulated events/s')).toBeHidden()
  await page.locator('body').press('?')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Show or hide the performance overlay')
})
