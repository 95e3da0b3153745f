import { apply, applyOutput, expect, openApp, RUNNING_WEB, setSpeed, test, workerPods } from './fixtures.ts'

test('search by label or name highlights matching pods and dims the rest, within the namespace shown', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await openApp(page)
  await setSpeed(page, 30)
  await apply(page)
  await expect(applyOutput(page)).toContainText('deployment.apps/web created')
  await expect(workerPods(page, RUNNING_WEB)).toHaveCount(3)
  await page.getByLabel('Namespace shown').selectOption('default')
  const search = page.getByRole('searchbox', { name: 'Find pods by name or label' })
  const chips = page.locator('.pod-chip', { has: page.getByRole('button', { name: RUNNING_WEB }) })

  await search.fill('app=web')
  await expect(page.getByRole('status').filter({ hasText: 'pods match' })).toHaveText('3 of 3 pods match')
  await expect(chips.and(page.locator('.search-match'))).toHaveCount(3)

  const one = (await workerPods(page, RUNNING_WEB).first().getAttribute('aria-label'))!.replace(/^Pod /, '').replace(/, .*$/, '')
  await search.fill(one.slice(-5))
  await expect(page.getByRole('status').filter({ hasText: 'pods match' })).toHaveText('1 of 3 pods match')
  await expect(chips.and(page.locator('.search-match'))).toHaveCount(1)
  await expect(chips.and(page.locator('.search-dimmed'))).toHaveCount(2)
  await page.screenshot({ path: 'e2e/screenshots/search.png' })

  await search.press('Escape')
  await expect(search).toHaveValue('')
  await expect(page.locator('.search-dimmed, .search-match')).toHaveCount(0)
})
