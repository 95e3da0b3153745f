import type { Page } from '@playwright/test'
import { audit } from './axeAudit.ts'
import { apply, applyOutput, expect, openApp, setSpeed, test } from './fixtures.ts'

async function run(page: Page, command: string) {
  const input = page.getByRole('textbox', { name: 'kubectl command' })
  await input.fill(command)
  await input.press('Enter')
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe-core finds no WCAG 2.1 AA violation (${scheme} theme): a Deployment, a crash loop, the inspector, a lab`, async ({ page }) => {
    test.setTimeout(120_000)
    await page.emulateMedia({ colorScheme: scheme })
    await page.setViewportSize({ width: 1440, height: 900 })
    await openApp(page)
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme)
    await setSpeed(page, 30)
    await apply(page)
    await expect(applyOutput(page)).toContainText('deployment.apps/web created')
    await run(page, 'run crash --image=busybox --restart=Always -- sh -c "exit 1"')
    await expect(page.getByRole('button', { name: /^Pod crash, CrashLoopBackOff, \d+ restarts?$/ })).toBeVisible({ timeout: 30_000 })
    await expect(page.getByRole('button', { name: /^Pod web-.*, Running$/ })).toHaveCount(3)
    expect(await audit(page)).toEqual([])

    // The Storage view: claims, classes, ConfigMaps and Secrets with their pods.
    await page.getByRole('button', { name: 'Storage', exact: true }).click()
    await expect(page.getByRole('region', { name: 'Storage and configuration' })).toBeVisible()
    expect(await audit(page), 'storage view').toEqual([])
    await page.getByRole('button', { name: 'Cluster', exact: true }).click()

    await page.getByRole('button', { name: /^Pod crash,/ }).click()
    await expect(page.getByRole('complementary', { name: 'Pod details' })).toBeVisible()
    expect(await audit(page)).toEqual([])
    for (const tab of ['Describe', 'Events', 'Why?']) {
      await page.getByRole('tab', { name: tab }).click()
      expect(await audit(page), tab).toEqual([])
    }
    await page.screenshot({ path: `e2e/screenshots/a11y-inspector-${scheme}.png` })
    await page.keyboard.press('Escape')

    await page.getByRole('button', { name: /^Labs/ }).click()
    const lab = page.getByRole('complementary', { name: 'Lab' })
    await expect(lab.getByRole('list', { name: 'Built-in labs' })).toBeVisible()
    expect(await audit(page)).toEqual([])
    await lab.getByRole('button', { name: /^Start lab: Your first Pod/ }).click()
    await expect(lab.getByRole('status')).toHaveText('Step 1 of 4')
    await lab.getByRole('button', { name: /hint/i }).first().click()
    expect(await audit(page)).toEqual([])
    await page.screenshot({ path: `e2e/screenshots/a11y-lab-${scheme}.png` })

    await page.keyboard.press('?')
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
    expect(await audit(page)).toEqual([])
  })
}
