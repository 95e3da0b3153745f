import { apply, applyOutput, expect, openApp, setSpeed, test } from './fixtures.ts'

test('a crash-looping pod counts down to its next restart on the chip and in the inspector', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await openApp(page)
  await page.getByLabel('Sample manifest').selectOption('crash')
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('exit 1')
  await setSpeed(page, 30)
  await apply(page)
  await expect(applyOutput(page)).toContainText('pod/crash created')
  const chip = page.getByRole('button', { name: 'Pod crash, CrashLoopBackOff' })
  // The countdown is a line under the chip's button.
  await expect(page.locator('.pod-chip').filter({ has: chip })).toContainText(/restart in \d+s/, { timeout: 30_000 })
  await setSpeed(page, 1)
  await expect(chip).toHaveAccessibleDescription(/^The kubelet restarts container \w+ in \d+s \(CrashLoopBackOff\)\.$/)
  await chip.click()
  const next = page.getByRole('complementary', { name: 'Pod details' }).getByRole('list', { name: 'What happens next' })
  await expect(next).toContainText(/The kubelet restarts container \w+ in \d+s/)
  // It counts down in simulated time.
  const secondsLeft = async () => Number(/in (\d+)s/.exec((await next.textContent()) ?? '')?.[1] ?? 0)
  // From a reading far enough from the restart that a lower one must follow before it.
  let first = 0
  await expect.poll(async () => (first = await secondsLeft()), { timeout: 30_000 }).toBeGreaterThan(2)
  await expect.poll(secondsLeft).toBeLessThan(first)
  await page.screenshot({ path: 'e2e/screenshots/countdown-restart.png' })
})

test('a powered-off node counts down to NotReady, then its pods to eviction', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await openApp(page)
  await setSpeed(page, 30)
  await apply(page)
  await expect(applyOutput(page)).toContainText('deployment.apps/web created')
  const node = page.getByRole('group', { name: /^Node worker-1,/ })
  await expect(node.getByRole('button', { name: /^Pod web-.*, Running$/ })).not.toHaveCount(0)
  await setSpeed(page, 5)
  await page.getByRole('button', { name: 'Power off worker-1' }).click()
  await expect(node.getByRole('timer', { name: /^Node worker-1 turns NotReady in \d+s/ })).toBeVisible({ timeout: 20_000 })
  await page.screenshot({ path: 'e2e/screenshots/countdown-notready.png' })
  await expect(page.getByRole('group', { name: 'Node worker-1, NotReady' })).toBeVisible({ timeout: 20_000 })
  await expect(node.locator('.pod-countdown').first()).toHaveText(/^evicted in [45]m\d\ds$/)
  await page.screenshot({ path: 'e2e/screenshots/countdown-eviction.png' })
})
