import { apply, expect, openApp, pasteManifest, RUNNING_WEB, setSpeed, test, workerPods } from './fixtures.ts'
import type { Page } from '@playwright/test'

const files = (page: Page) => page.getByRole('group', { name: 'Open files' })
const tab = (page: Page, name: string) => files(page).getByRole('button', { name, exact: true })
const lines = (page: Page) => page.locator('.monaco-editor .view-lines')
const prompt = (page: Page) => page.getByRole('textbox', { name: 'kubectl command' })
const terminal = (page: Page) => page.getByRole('log', { name: 'kubectl terminal output' })

const MINE = `apiVersion: v1
kind: ConfigMap
metadata:
  name: my-own-work
data:
  note: typed by the student
`

const COUNTER = `apiVersion: v1
kind: Pod
metadata:
  name: counter
spec:
  containers:
  - name: count
    image: busybox:1.28
    args: [/bin/sh, -c, 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done']
`

async function typeCommand(page: Page, command: string): Promise<void> {
  await prompt(page).fill(command)
  await prompt(page).press('Enter')
}

test("a sample opens in a new tab, the student's text and its undo stay in theirs, and a reload restores the tabs", async ({ page }) => {
  await openApp(page)
  await expect(tab(page, 'manifest.yaml')).toHaveAttribute('aria-current', 'true')
  await pasteManifest(page, MINE)

  await page.getByLabel('Sample manifest').selectOption('job')
  await expect(tab(page, 'job.yaml')).toHaveAttribute('aria-current', 'true')
  await expect(lines(page)).toContainText('bpi(2000)')
  await expect(tab(page, 'manifest.yaml')).not.toHaveAttribute('aria-current', 'true')

  await tab(page, 'manifest.yaml').click()
  await expect(lines(page)).toContainText('typed by the student')
  // Undo in the student's tab still goes back through their own edits (one model per tab), and redo returns.
  await lines(page).click()
  await page.keyboard.press('ControlOrMeta+Z')
  await expect(lines(page)).toContainText('image: nginx:1.27')
  await page.keyboard.press('ControlOrMeta+Shift+Z')
  await expect(lines(page)).toContainText('typed by the student')
  await page.screenshot({ path: 'e2e/screenshots/editor-tabs.png', clip: { x: 0, y: 60, width: 720, height: 560 } })

  // Saved as they change, then restored by a reload: both tabs, the same one showing.
  await expect.poll(() => page.evaluate(() => localStorage.getItem('kubesim.editor.v1') ?? '')).toContain('job.yaml')
  await page.reload()
  await expect(lines(page)).toContainText('typed by the student')
  await expect(tab(page, 'manifest.yaml')).toHaveAttribute('aria-current', 'true')
  await tab(page, 'job.yaml').click()
  await expect(lines(page)).toContainText('bpi(2000)')

  // Apply reads the tab showing, under its name.
  await apply(page)
  await expect(page.getByRole('log', { name: 'kubectl output' })).toContainText('$ kubectl apply -f job.yaml')
  await expect(page.getByRole('log', { name: 'kubectl output' })).toContainText('job.batch/pi created')

  // Closing a tab shows its neighbour; New file opens an empty one.
  await files(page).getByRole('button', { name: 'Close job.yaml' }).click()
  await expect(tab(page, 'job.yaml')).toHaveCount(0)
  await page.getByRole('button', { name: 'New file' }).click()
  await expect(tab(page, 'untitled.yaml')).toHaveAttribute('aria-current', 'true')
})

test('saved tabs that cannot be read start the editor fresh, with a message', async ({ page }) => {
  await openApp(page)
  await page.evaluate(() => localStorage.setItem('kubesim.editor.v1', '{not json'))
  await page.reload()
  await expect(page.getByRole('status').filter({ hasText: 'The saved editor tabs could not be read' })).toBeVisible()
  await expect(tab(page, 'manifest.yaml')).toBeVisible()
  await expect(lines(page)).toContainText('kind: Deployment')
})

test('kubectl edit opens the object in a tab; saving it updates the Deployment, and the canvas follows', async ({ page }) => {
  await openApp(page)
  await setSpeed(page, 30)
  await apply(page)
  await expect(workerPods(page, RUNNING_WEB)).toHaveCount(3)

  await typeCommand(page, 'edit deployment web')
  const buffer = tab(page, 'kubectl-edit-deployment-web.yaml (kubectl edit)')
  await expect(buffer).toHaveAttribute('aria-current', 'true')
  await expect(lines(page)).toContainText("# Please edit the object below. Lines beginning with a '#' will be ignored,")

  // Find the spec's replicas line and change it, as a person would.
  await lines(page).click()
  await page.keyboard.press('ControlOrMeta+Home')
  await page.keyboard.press('ControlOrMeta+F')
  await page.keyboard.insertText('replicas: 3')
  await page.keyboard.press('Escape')
  await page.keyboard.insertText('replicas: 5')
  await expect(page.locator('.monaco-editor .view-line', { hasText: /^\s*replicas:\s5$/ })).toBeVisible()
  await page.screenshot({ path: 'e2e/screenshots/editor-kubectl-edit.png', clip: { x: 0, y: 60, width: 720, height: 560 } })
  await page.keyboard.press('ControlOrMeta+S')

  await expect(terminal(page)).toContainText(/\$ kubectl edit deployment web\s*deployment\.apps\/web edited/)
  await expect(buffer).toHaveCount(0)
  await expect(workerPods(page, RUNNING_WEB)).toHaveCount(5)

  // Closing an edit buffer without saving changes nothing, in kubectl's words.
  await typeCommand(page, 'edit deployment web')
  await files(page).getByRole('button', { name: 'Close kubectl-edit-deployment-web.yaml' }).click()
  await expect(terminal(page)).toContainText('Edit cancelled, no changes made.')
})

test('kubectl logs -f streams new lines as simulated time passes, until Ctrl+C', async ({ page }) => {
  await openApp(page)
  await pasteManifest(page, COUNTER)
  await setSpeed(page, 5)
  await apply(page)
  await expect(page.getByRole('button', { name: /^Pod counter, Running$/ })).toBeVisible()

  await typeCommand(page, 'logs -f counter')
  await expect(terminal(page)).toContainText(/0: Mon Jan {2}5 09:00:\d\d UTC 2026/)
  const count = () => terminal(page).locator('.output-block').last().locator('.output-line').count()
  const first = await count()
  await expect.poll(count, { timeout: 15_000 }).toBeGreaterThan(first + 3)
  await page.screenshot({ path: 'e2e/screenshots/terminal-logs-follow.png', clip: { x: 0, y: 500, width: 1600, height: 400 } })

  await prompt(page).press('Control+c')
  await expect(page.getByRole('button', { name: 'Stop watching' })).toHaveCount(0)
  const stopped = await count()
  await page.waitForTimeout(1500)
  expect(await count()).toBe(stopped)
})

test('completion offers a skeleton per kind and schema fields, in readable rows', async ({ page }) => {
  await openApp(page)
  await page.getByRole('button', { name: 'New file' }).click()
  await expect(tab(page, 'untitled.yaml')).toHaveAttribute('aria-current', 'true')
  await lines(page).click()
  await page.keyboard.type('Deploy')
  const suggest = page.locator('.monaco-editor .suggest-widget')
  await expect(suggest).toBeVisible()
  const row = suggest.locator('.monaco-list-row', { hasText: 'Deployment' }).first()
  await expect(row).toBeVisible()
  // Rows are tall enough for their text, and the label is drawn on the row's own colour
  // (the app's `.left` layout rule once boxed each label in white, white text on white).
  const box = (await row.boundingBox())!
  expect(box.height).toBeGreaterThanOrEqual(20)
  expect(await row.locator('.left').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgba(0, 0, 0, 0)')
  await expect(row.locator('.label-name')).toHaveText('Deployment')
  await page.screenshot({ path: 'e2e/screenshots/editor-completion.png', clip: { x: 0, y: 60, width: 720, height: 560 } })
  await page.keyboard.press('Enter')
  await expect(lines(page)).toContainText('apiVersion: apps/v1')
  await expect(lines(page)).toContainText('replicas: 3')

  // The schema completes fields inside the skeleton too.
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('ControlOrMeta+Space')
  await expect(suggest.locator('.monaco-list-row').first()).toBeVisible({ timeout: 20_000 })
})

test('Ctrl+Enter applies from the editor, and Ctrl+M (named in the bar) lets Tab leave it', async ({ page }) => {
  await openApp(page)
  await expect(page.getByText('moves focus out of the editor')).toBeVisible()
  await lines(page).click()
  await page.keyboard.press('Control+Enter')
  await expect(page.getByRole('log', { name: 'kubectl output' })).toContainText('deployment.apps/web created')
  // Without Ctrl+M, Tab indents and focus stays in the editor.
  await page.keyboard.press('Tab')
  expect(await page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null)).toBe(true)
  await page.keyboard.press('Control+Z')
  await page.keyboard.press('Control+m')
  await page.keyboard.press('Tab')
  expect(await page.evaluate(() => document.activeElement?.closest('.monaco-editor') === null)).toBe(true)
  // Ctrl+M again restores Tab for indenting (the mode is Monaco's, for the whole page).
  await lines(page).click()
  await page.keyboard.press('Control+m')
})
