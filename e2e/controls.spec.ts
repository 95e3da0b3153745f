import { expect, openApp, test } from './fixtures.ts'

const seconds = (text: string | null) => {
  const [h, m, s] = (text ?? '').split(':').map(Number)
  return h * 3600 + m * 60 + s
}

test('pause, step and resume the simulated clock', async ({ page }) => {
  await openApp(page)
  const clock = page.getByRole('timer', { name: 'Simulated time' })
  await expect(clock).toHaveText(/^\d{2}:\d{2}:\d{2}$/)
  // It starts running at 1x.
  await expect(page.getByRole('button', { name: 'Speed 1x' })).toHaveAttribute('aria-pressed', 'true')
  await expect.poll(async () => seconds(await clock.textContent())).toBeGreaterThanOrEqual(1)
  await page.getByRole('button', { name: 'Pause simulation' }).click()
  await expect(page.getByRole('button', { name: 'Play simulation' })).toBeVisible()
  const paused = seconds(await clock.textContent())
  await page.getByRole('button', { name: 'Step 10s' }).click()
  await expect.poll(async () => seconds(await clock.textContent())).toBe(paused + 10)
  await page.getByRole('button', { name: 'Step 1s' }).click()
  await expect.poll(async () => seconds(await clock.textContent())).toBe(paused + 11)
  await page.getByRole('button', { name: 'Speed 100x' }).click()
  await page.getByRole('button', { name: 'Play simulation' }).click()
  await expect.poll(async () => seconds(await clock.textContent())).toBeGreaterThan(paused + 30)
})

test('kubectl terminal runs commands', async ({ page }) => {
  await openApp(page)
  const input = page.getByRole('textbox', { name: 'kubectl command' })
  await input.fill('get nodes')
  await input.press('Enter')
  const out = page.getByRole('log', { name: 'kubectl terminal output' })
  await expect(out).toContainText('$ kubectl get nodes')
  await expect(out).toContainText(/NAME\s+STATUS\s+ROLES/)
  await expect(out).toContainText(/worker-3\s+Ready/)
  await expect(input).toHaveValue('')
  await page.screenshot({ path: 'e2e/screenshots/terminal.png' })
})
