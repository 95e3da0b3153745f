import { apply, applyOutput, expect, openApp, setSpeed, test, pasteManifest } from './fixtures.ts'

test('a crashing pod goes into CrashLoopBackOff, restarts, and turns red', async ({ page }) => {
  await openApp(page)
  await page.getByLabel('Sample manifest').selectOption('crash')
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('exit 1')
  await setSpeed(page, 100)
  await apply(page)
  await expect(applyOutput(page)).toContainText('pod/crash created')
  const chip = page.getByRole('button', { name: /^Pod crash, (Error|CrashLoopBackOff)$/ })
  await expect(chip).toBeVisible()
  await expect
    .poll(async () => Number(/↻(\d+)/.exec((await page.getByRole('button', { name: /^Pod crash,/ }).textContent()) ?? '')?.[1] ?? 0))
    .toBeGreaterThanOrEqual(2)
  await setSpeed(page, 1)
  const container = page.locator('.pod-chip', { has: page.getByRole('button', { name: /^Pod crash,/ }) })
  await expect(container).toHaveCSS('border-top-color', 'rgb(194, 31, 47)')
  await page.getByRole('button', { name: /^Pod crash,/ }).click()
  const details = page.getByRole('complementary', { name: 'Pod details' })
  await expect(details).toContainText(/Last State:TerminatedReason:Error/)
  await expect(details).toContainText('Exit Code:1')
  await expect(details).toContainText('BackOff')
  await page.screenshot({ path: 'e2e/screenshots/crash.png' })
})

test('a pod asking for 16 CPUs stays unscheduled with the scheduler reason', async ({ page }) => {
  await openApp(page)
  await page.getByLabel('Sample manifest').selectOption('too-big')
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('too-big')
  await apply(page)
  await expect(applyOutput(page)).toContainText('pod/too-big created')
  const unscheduled = page.getByRole('group', { name: /^Unscheduled pods/ })
  const chip = unscheduled.getByRole('button', { name: 'Pod too-big, Pending' })
  await expect(chip).toBeVisible()
  await chip.click()
  const details = page.getByRole('complementary', { name: 'Pod details' })
  await expect(details).toContainText('Insufficient cpu')
  await expect(details).toContainText('FailedScheduling')
  await page.screenshot({ path: 'e2e/screenshots/unschedulable.png' })
})

test('malformed YAML: error marker on the line, parse error output, cluster untouched', async ({ page }) => {
  await openApp(page)
  await pasteManifest(page, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: [')
  // Live syntax check marks line 5.
  const squiggle = page.locator('.monaco-editor .squiggly-error').first()
  await expect(squiggle).toBeVisible()
  const line5 = page.locator('.monaco-editor .line-numbers', { hasText: /^5$/ })
  const [sq, ln] = [await squiggle.boundingBox(), await line5.boundingBox()]
  expect(Math.abs(sq!.y + sq!.height / 2 - (ln!.y + ln!.height / 2))).toBeLessThan(12)
  await expect(page.locator('.monaco-editor .glyph-error')).toHaveCount(1)

  await apply(page)
  await expect(applyOutput(page)).toContainText('error: error parsing manifest.yaml')
  await page.getByRole('button', { name: 'Step 10s' }).click()
  await expect(page.getByRole('button', { name: /^Pod / })).toHaveCount(0)
  await page.screenshot({ path: 'e2e/screenshots/malformed.png' })
})
