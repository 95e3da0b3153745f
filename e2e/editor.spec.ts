import { expect, openApp, test } from './fixtures.ts'

test('the editor explains Kubernetes fields on hover, from a bundled schema', async ({ page }) => {
  await openApp(page)
  const editor = page.locator('.monaco-editor')
  await editor.locator('.view-line span', { hasText: /^replicas$/ }).first().hover()
  // The first hover starts the YAML language worker, which can take a moment.
  const hover = page.locator('.monaco-hover').filter({ hasText: 'Number of desired pods' })
  await expect(hover).toBeVisible({ timeout: 20_000 })
  await page.screenshot({ path: 'e2e/screenshots/editor-hover.png', clip: { x: 0, y: 100, width: 900, height: 400 } })
})

test('the editor explains the fields of the Job and CronJob samples too', async ({ page }) => {
  await openApp(page)
  const editor = page.locator('.monaco-editor')
  for (const [id, field, help] of [
    ['job', 'backoffLimit', 'Specifies the number of retries before marking this job failed'],
    ['cronjob', 'schedule', 'The schedule in Cron format'],
  ]) {
    await page.getByLabel('Sample manifest').selectOption(id)
    // A sample opens in a new tab, whose schema the YAML worker may still be loading: hover
    // again, as a person would, until the explanation shows.
    await expect(async () => {
      await page.mouse.move(0, 0)
      await editor.locator('.view-line span', { hasText: new RegExp(`^${field}$`) }).first().hover()
      await expect(page.locator('.monaco-hover').filter({ hasText: help })).toBeVisible({ timeout: 5_000 })
    }).toPass({ timeout: 40_000 })
    await page.mouse.move(0, 0)
  }
})
