import { apply, applyOutput, expect, expectAllCardsVisible, openApp, setSpeed, test } from './fixtures.ts'
import type { Page } from '@playwright/test'

const services = (page: Page) => page.getByRole('group', { name: /^Services/ })

async function pickSample(page: Page, id: string, text: string): Promise<void> {
  await page.getByLabel('Sample manifest').selectOption(id)
  await expect(page.locator('.monaco-editor .view-lines')).toContainText(text)
}

test('a Service lists the pods behind it, lit when ready, and opens a pod from its endpoint', async ({ page }) => {
  await openApp(page)
  await setSpeed(page, 30)
  await pickSample(page, 'deployment', 'replicas: 3')
  await apply(page)
  await expect(applyOutput(page)).toContainText('deployment.apps/web created')
  await pickSample(page, 'service', 'type: NodePort')
  await apply(page)
  await expect(applyOutput(page)).toContainText('service/web created')
  const row = services(page).getByRole('listitem', { name: /^Service web: NodePort 10\.\d+\.\d+\.\d+, ports 80:3\d{4}\/TCP, 3 of 3 endpoints ready$/ })
  await expect(row).toBeVisible()
  await expect(row.getByRole('button', { name: /^web-[a-z0-9]+-[a-z0-9]{5} ready endpoint$/ })).toHaveCount(3)
  // The kubernetes Service has no selector: the API server writes its endpoints.
  await expect(services(page).getByRole('listitem', { name: /^Service kubernetes: ClusterIP 10\.96\.0\.1, ports 443\/TCP, no selector$/ })).toBeVisible()
  await setSpeed(page, 1)
  await expectAllCardsVisible(page)
  await page.screenshot({ path: 'e2e/screenshots/services.png' })
  await row.getByRole('button', { name: / ready endpoint$/ }).first().click()
  await expect(page.getByRole('complementary', { name: 'Pod details' })).toContainText(/web-[a-z0-9]+-[a-z0-9]{5}/)
})
