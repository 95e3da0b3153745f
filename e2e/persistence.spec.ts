import type { Page } from '@playwright/test'
import { apply, applyOutput, expect, openApp, podNames, RUNNING_WEB, setSpeed, test, workerPods } from './fixtures.ts'

const clock = (page: Page) => page.getByRole('timer', { name: 'Simulated time' })
const slider = (page: Page) => page.getByRole('slider', { name: 'Simulated time' })

/** Applies the editor's Deployment sample once the clock has moved, and waits for its 3 pods. */
async function applyWeb(page: Page): Promise<string[]> {
  await expect(clock(page)).not.toHaveText('00:00:00')
  await setSpeed(page, 30)
  await apply(page)
  await expect(applyOutput(page)).toContainText('deployment.apps/web created')
  await expect(workerPods(page, RUNNING_WEB)).toHaveCount(3)
  return podNames(page, RUNNING_WEB)
}

/**
 * Damages the stored session as the page loads, before the app reads it (an open app
 * saves its session on leaving, so writing it from the running page would be undone).
 */
async function storeOnNextLoad(page: Page, label: string, value: string): Promise<void> {
  await page.addInitScript(
    ([label, value]) => {
      if (sessionStorage.getItem(`e2e.${label}`)) return
      sessionStorage.setItem(`e2e.${label}`, 'done')
      localStorage.setItem('kubesim.session.v1', value)
    },
    [label, value],
  )
  await page.reload()
}

test.describe('the session survives and travels', () => {
  test('a reload keeps the cluster: the same pods, speed and namespace filter', async ({ page }) => {
    await openApp(page)
    const names = await applyWeb(page)
    await page.reload()
    await expect(page.getByRole('group', { name: 'Node worker-1, Ready' })).toBeVisible()
    await expect(workerPods(page, RUNNING_WEB)).toHaveCount(3)
    expect(await podNames(page, RUNNING_WEB)).toEqual(names)
    await expect(page.getByRole('button', { name: 'Speed 30x' })).toHaveAttribute('aria-pressed', 'true')
    await expect(page.getByRole('button', { name: 'Pause simulation' })).toBeVisible()
    // The timeline has the apply as its one command.
    await expect(page.getByRole('group', { name: 'Timeline' })).toContainText('1 command')
    await page.screenshot({ path: 'e2e/screenshots/persistence-reloaded.png' })
  })

  test('a share link opened in a new page reproduces the cluster, without replacing that browser\'s own session', async ({ page, browser }) => {
    await openApp(page)
    const names = await applyWeb(page)
    await page.getByRole('button', { name: 'Pause simulation' }).click()
    await page.getByRole('button', { name: 'Session' }).click()
    await page.getByRole('button', { name: 'Copy share link' }).click()
    const link = await page.getByRole('textbox', { name: /Copied to the clipboard|Copy this link/ }).inputValue()
    expect(link).toMatch(/#s=[A-Za-z0-9_-]+$/)
    await page.screenshot({ path: 'e2e/screenshots/persistence-share-menu.png' })

    const other = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage()
    await other.goto(link)
    await expect(other.getByRole('status').filter({ hasText: 'You are looking at a shared cluster' })).toBeVisible()
    await expect(workerPods(other, RUNNING_WEB)).toHaveCount(3)
    expect(await podNames(other, RUNNING_WEB)).toEqual(names)
    await expect(other.getByRole('button', { name: 'Play simulation' })).toBeVisible()
    await other.screenshot({ path: 'e2e/screenshots/persistence-shared.png' })
    // Nothing was stored for the shared cluster until the person keeps it.
    expect(await other.evaluate(() => localStorage.getItem('kubesim.session.v1'))).toBeNull()
    await other.getByRole('button', { name: 'Keep this cluster' }).click()
    await expect(other.getByText('You are looking at a shared cluster')).toHaveCount(0)
    expect(other.url()).not.toContain('#s=')
    await expect.poll(() => other.evaluate(() => localStorage.getItem('kubesim.session.v1'))).not.toBeNull()
    await other.context().close()
  })

  test('scrubbing back to before the apply shows no pods; forward again shows them; playing from the past discards the later command', async ({ page }) => {
    await openApp(page)
    const names = await applyWeb(page)
    await slider(page).focus()
    await page.keyboard.press('Home')
    await expect(page.getByRole('status').filter({ hasText: 'Looking back at 00:00:00' })).toBeVisible()
    await expect(page.getByRole('group', { name: 'Node worker-1, Ready' })).toBeVisible()
    await expect(page.getByRole('button', { name: /^Pod web-/ })).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Play simulation' })).toBeVisible()
    await expect(page.getByText('discards the 1 later command')).toBeVisible()
    await page.screenshot({ path: 'e2e/screenshots/persistence-scrubbed.png' })

    await page.getByRole('button', { name: /^Back to \d\d:\d\d:\d\d$/ }).click()
    await expect(page.getByText(/Looking back at/)).toHaveCount(0)
    await expect(workerPods(page, RUNNING_WEB)).toHaveCount(3)
    expect(await podNames(page, RUNNING_WEB)).toEqual(names)

    // Arrow keys move through time one second at a time; Play from there drops the apply.
    await page.getByRole('button', { name: 'Previous command' }).click()
    await expect(page.getByText(/Looking back at/)).toBeVisible()
    await slider(page).focus()
    await page.keyboard.press('ArrowLeft')
    await expect(page.getByText('discards the 1 later command')).toBeVisible()
    await page.getByRole('button', { name: 'Play simulation' }).click()
    await expect(page.getByText(/Looking back at/)).toHaveCount(0)
    await expect(page.getByRole('group', { name: 'Timeline' })).toContainText('0 commands')
    await expect(page.getByRole('button', { name: /^Pod web-/ })).toHaveCount(0)
  })

  test('damaged stored data gets a clear message and Reset starts a fresh cluster', async ({ page }) => {
    await openApp(page)
    await storeOnNextLoad(page, 'damaged', '{"log": {"format": "kubesim-sess')
    const alert = page.getByRole('alert').filter({ hasText: 'Your saved cluster could not be restored' })
    await expect(alert).toContainText('the saved data is damaged (not valid JSON)')
    await expect(alert.getByRole('button', { name: 'Download the saved data' })).toBeVisible()
    await page.screenshot({ path: 'e2e/screenshots/persistence-damaged.png' })
    // Nothing overwrites the damaged data until the person chooses.
    expect(await page.evaluate(() => localStorage.getItem('kubesim.session.v1'))).toContain('kubesim-sess')
    await alert.getByRole('button', { name: 'Reset' }).click()
    await expect(alert).toHaveCount(0)
    await expect(page.getByRole('group', { name: 'Node worker-1, Ready' })).toBeVisible()
    await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('kubesim.session.v1') ?? 'null')?.log?.format)).toBe('kubesim-session')

    // Data from another format version is named as such.
    await storeOnNextLoad(page, 'old', JSON.stringify({ log: { format: 'kubesim-session', version: 0 } }))
    await expect(page.getByRole('alert').filter({ hasText: 'Your saved cluster' })).toContainText('saved by another version of kubesim')
  })

  test('Reset cluster in the Session menu asks first, then clears the cluster', async ({ page }) => {
    await openApp(page)
    await applyWeb(page)
    await page.getByRole('button', { name: 'Session' }).click()
    page.once('dialog', (d) => void d.accept())
    await page.getByRole('button', { name: 'Reset cluster…' }).click()
    await expect(page.getByRole('button', { name: /^Pod web-/ })).toHaveCount(0)
    await expect(page.getByRole('group', { name: 'Timeline' })).toContainText('0 commands')
    await page.reload()
    await expect(page.getByRole('group', { name: 'Node worker-1, Ready' })).toBeVisible()
    await expect(page.getByRole('button', { name: /^Pod web-/ })).toHaveCount(0)
  })
})
