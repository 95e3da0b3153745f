import { expect, openApp, test } from './fixtures.ts'

const background = (page: import('@playwright/test').Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => getComputedStyle(el).backgroundColor)

test('the theme follows the system, the toggle overrides it and is kept across a reload; Monaco follows', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await openApp(page)
  const toggle = page.getByRole('button', { name: 'Dark theme' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  await expect(page.locator('.monaco-editor').first()).toHaveClass(/vs-dark/)
  expect(await background(page, 'html')).toBe('rgb(14, 18, 23)')
  await page.screenshot({ path: 'e2e/screenshots/theme-dark.png' })

  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-pressed', 'false')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await expect(page.locator('.monaco-editor').first()).not.toHaveClass(/vs-dark/)
  expect(await background(page, 'html')).toBe('rgb(243, 245, 248)')

  // The choice is a setting: kept across a reload although the system still says dark.
  await page.reload()
  await openApp(page)
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'false')
  await page.screenshot({ path: 'e2e/screenshots/theme-light.png' })
})

test('a light system gets the light theme; D switches to dark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await openApp(page)
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await page.locator('body').press('d')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true')
})

test('presenter mode: larger type and high contrast, by button or Shift+P, kept across a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await openApp(page)
  const toggle = page.getByRole('button', { name: 'Presenter mode' })
  const output = page.getByRole('log', { name: 'kubectl terminal output' })
  const size = () => output.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  const ink = () => page.locator('body').evaluate((el) => getComputedStyle(el).color)
  expect(await size()).toBe(15)
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  expect(await size()).toBe(20)
  expect(await ink()).toBe('rgb(0, 0, 0)')
  await expect(page.locator('.monaco-editor .view-lines').first()).toHaveCSS('font-size', '20px')
  await page.screenshot({ path: 'e2e/screenshots/presenter-1024.png' })
  await page.reload()
  await openApp(page)
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute('aria-pressed', 'true')
  await page.locator('body').press('Shift+P')
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute('aria-pressed', 'false')
  expect(await size()).toBe(15)
})

test('prefers-reduced-motion: nothing transitions or animates', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await openApp(page)
  const bar = page.locator('.resource-fill').first()
  await expect(bar).toHaveCSS('transition-duration', '0s')
  await page.emulateMedia({ reducedMotion: 'no-preference' })
  await expect(bar).toHaveCSS('transition-duration', '0.2s')
})
