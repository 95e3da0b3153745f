import { apply, applyOutput, expect, openApp, test } from './fixtures.ts'

test('the control-plane flow plays an apply step by step, in words for screen readers', async ({ page }) => {
  test.setTimeout(120_000)
  await page.setViewportSize({ width: 1024, height: 768 })
  await openApp(page)
  const toggle = page.getByRole('button', { name: 'Control-plane flow' })
  await expect(toggle).toHaveAttribute('aria-pressed', 'false')
  await expect(page.getByRole('region', { name: 'Control-plane flow' })).toHaveCount(0)
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  const flow = page.getByRole('region', { name: 'Control-plane flow' })
  const caption = flow.getByRole('status')
  await expect(caption).toHaveText(/Apply a manifest/)
  await expect(flow.getByRole('listitem')).toHaveText(['kubectl', 'API server', 'etcd', 'controller manager', 'scheduler', 'kubelet'])

  await apply(page)
  await expect(applyOutput(page)).toContainText('deployment.apps/web created')
  // The command itself first: kubectl lit, then the API server, then etcd.
  await expect(caption).toContainText('kubectl (kubectl apply -f manifest.yaml) creates Deployment web')
  await expect(flow.locator('[aria-current="step"]')).toHaveText('kubectl')
  await expect(flow.locator('[aria-current="step"]')).toHaveText('API server')
  await expect(flow.locator('[aria-current="step"]')).toHaveText('etcd')
  await page.screenshot({ path: 'e2e/screenshots/flow-1024.png' })
  // Then the controllers, the scheduler and a kubelet, in the order they reacted (slow: a few seconds a step).
  await expect(caption).toContainText('controller manager (deployment-controller)', { timeout: 30_000 })
  await expect(caption).toContainText('controller manager (replicaset-controller) creates Pod web-', { timeout: 40_000 })
  await expect(caption).toContainText('scheduler (default-scheduler) binds Pod web-', { timeout: 40_000 })
  await expect(flow.locator('[aria-current="step"]')).toHaveText(/scheduler|API server|etcd/)

  // F turns it off.
  await page.locator('body').press('f')
  await expect(flow).toHaveCount(0)
  await expect(toggle).toHaveAttribute('aria-pressed', 'false')
})
