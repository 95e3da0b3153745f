import { fileURLToPath } from 'node:url'
import { apply, expect, openApp, pasteManifest, setSpeed, test } from './fixtures.ts'
import type { Page } from '@playwright/test'

const CRASHLOOP = fileURLToPath(new URL('../../shared/spec/examples/labs/crashloop.md', import.meta.url))

const FIXED = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: toolbox
spec:
  replicas: 1
  selector:
    matchLabels: {app: toolbox}
  template:
    metadata:
      labels: {app: toolbox}
    spec:
      containers:
      - name: toolbox
        image: ubuntu:24.04
        command: ["sleep", "infinity"]`

const panel = (page: Page) => page.getByRole('complementary', { name: 'Lab' })
const prompt = (page: Page) => page.getByRole('textbox', { name: 'kubectl command' })
const terminal = (page: Page) => page.getByRole('log', { name: 'kubectl terminal output' })

async function openLabFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.getByRole('button', { name: 'Labs' }).click()
  await panel(page).getByLabel('Open a lab file (.md)').setInputFiles(file)
}

async function run(page: Page, command: string): Promise<void> {
  await prompt(page).fill(command)
  await prompt(page).press('Enter')
}

test("completes the spec's crashloop lab: terminal commands, a hint, a solution applied, an Apply from the editor", async ({ page }) => {
  await openApp(page)
  await openLabFile(page, CRASHLOOP)
  const lab = panel(page)
  await expect(lab.getByRole('heading', { name: 'Why does my pod keep restarting?' })).toBeVisible()
  await expect(lab.getByRole('status')).toHaveText('Step 1 of 3')
  // The lab's own cluster: two workers, and the setup's toolbox crash-looping.
  await expect(page.getByRole('group', { name: /^Node worker-2, Ready$/ })).toBeVisible()
  await expect(page.getByRole('group', { name: /^Node worker-3/ })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /^Pod toolbox-[a-z0-9]+-[a-z0-9]{5}, (CrashLoopBackOff|Completed)(, \d+ restarts?)?$/ })).toBeVisible()
  await expect(lab.getByRole('heading', { name: 'Look at the pod' })).toBeVisible()

  await run(page, 'get pods')
  await expect(lab.getByRole('status')).toHaveText('Step 2 of 3')
  await expect(lab.getByRole('list', { name: 'Steps' }).getByRole('listitem').first()).toContainText('Look at the pod (passed)')

  // Hints come one at a time.
  await lab.getByRole('button', { name: 'Show a hint (1 of 2)' }).click()
  await expect(lab.getByRole('note', { name: 'Hint 1' })).toContainText("shows each container's Last State")
  await expect(lab.getByRole('note', { name: 'Hint 2' })).toHaveCount(0)
  await lab.getByRole('button', { name: 'Show a hint (2 of 2)' }).click()
  await expect(lab.getByRole('note', { name: 'Hint 2' })).toContainText("An image's default command")
  await expect(lab.getByRole('button', { name: 'No more hints' })).toBeDisabled()

  // The student gives up on this one: the solution runs as if typed, and shows in the terminal.
  await lab.getByRole('button', { name: 'Show solution' }).click()
  await expect(lab.getByLabel('Solution')).toHaveText('kubectl describe pods -l app=toolbox')
  await lab.getByRole('button', { name: 'Apply solution' }).click()
  await expect(terminal(page)).toContainText('kubectl describe pods -l app=toolbox')
  await expect(terminal(page)).toContainText('Last State:     Terminated')
  await expect(lab.getByRole('status')).toHaveText('Step 3 of 3')

  // The fix, from the editor: an Apply counts as `kubectl apply -f manifest.yaml`; the check waits for the pod.
  await setSpeed(page, 30)
  await pasteManifest(page, FIXED)
  await apply(page)
  await expect(lab.getByRole('status')).toHaveText('Lab complete: all 3 steps passed.')
  await expect(page.getByRole('button', { name: /^Pod toolbox-[a-z0-9]+-[a-z0-9]{5}, Running$/ })).toBeVisible()
  await page.screenshot({ path: 'e2e/screenshots/lab-complete.png' })
})

const UNSAFE = `---
title: Markup that must stay text
---

Intro <script>window.__labPwned = 1</script> and <img src="https://evil.example/x.png" onerror="window.__labPwned = 2">.

## A step

<img src=x onerror="window.__labPwned = 3"> [click](javascript:window.__labPwned=4) ![tracker](https://evil.example/t.png)

\`\`\`hint
<script>window.__labPwned = 5</script>
\`\`\`

\`\`\`check
history =~ ^kubectl get
\`\`\`
`

test('a lab with <script> and <img onerror> in its Markdown shows them as text, runs nothing and loads nothing', async ({ page }) => {
  await openApp(page)
  await openLabFile(page, { name: 'unsafe.md', mimeType: 'text/markdown', buffer: Buffer.from(UNSAFE) })
  const lab = panel(page)
  await expect(lab.getByRole('heading', { name: 'Markup that must stay text' })).toBeVisible()
  await expect(lab).toContainText('Intro <script>window.__labPwned = 1</script> and <img src="https://evil.example/x.png" onerror="window.__labPwned = 2">.')
  await expect(lab).toContainText('<img src=x onerror="window.__labPwned = 3"> click tracker')
  await lab.getByRole('button', { name: 'Show a hint (1 of 1)' }).click()
  await expect(lab.getByRole('note', { name: 'Hint 1' })).toHaveText('<script>window.__labPwned = 5</script>')
  await expect(lab.locator('script, img, iframe, [onerror]')).toHaveCount(0)
  await expect(lab.getByRole('link')).toHaveCount(0)
  expect(await page.evaluate(() => (window as unknown as { __labPwned?: number }).__labPwned)).toBeUndefined()
  await lab.screenshot({ path: 'e2e/screenshots/lab-unsafe-markdown.png' })
  // (The fixture fails the test on any request leaving the origin: no image was fetched.)
})

test('a malformed lab names its line; leaving a lab keeps the cluster', async ({ page }) => {
  await openApp(page)
  await openLabFile(page, { name: 'broken.md', mimeType: 'text/markdown', buffer: Buffer.from('---\ntitle: Broken\n---\n\n## Step\n\n```check\nkubectl delete pod x == y\n```\n') })
  await expect(panel(page).getByRole('alert')).toHaveText('broken.md:8: a check only reads: "kubectl delete" changes the cluster or waits')
  await panel(page).getByLabel('Open a lab file (.md)').setInputFiles(CRASHLOOP)
  await expect(panel(page).getByRole('status')).toHaveText('Step 1 of 3')
  await expect(panel(page).getByRole('alert')).toHaveCount(0)
  await panel(page).getByRole('button', { name: 'Leave lab' }).click()
  await expect(panel(page).getByLabel('Open a lab file (.md)')).toBeVisible()
  await expect(page.getByRole('button', { name: /^Pod toolbox-/ })).toBeVisible()
})

test('the catalog filters by topic and level and shows each lab’s progress, kept across a reload', async ({ page }) => {
  await openApp(page)
  await page.getByRole('button', { name: 'Labs' }).click()
  const catalog = panel(page).getByRole('list', { name: 'Built-in labs' })
  await expect(catalog.getByRole('button')).toHaveCount(31)
  await panel(page).getByLabel('Topic').selectOption('ingress')
  await expect(catalog.getByRole('button')).toHaveCount(1)
  await panel(page).getByLabel('Topic').selectOption('')
  await panel(page).getByLabel('Level').selectOption('beginner')
  await expect(catalog.getByRole('button', { name: 'Start lab: Your first Pod (not started)' })).toBeVisible()
  await catalog.getByRole('button', { name: /^Start lab: Your first Pod/ }).click()
  await expect(panel(page).getByRole('status')).toHaveText('Step 1 of 4')
  await setSpeed(page, 30)
  await run(page, 'run hello --image=nginx:1.27')
  await expect(panel(page).getByRole('status')).toHaveText('Step 2 of 4', { timeout: 30_000 })
  await page.reload()
  // The lab comes back with the session; leaving it shows the catalog with its progress.
  await expect(panel(page).getByRole('status')).toHaveText('Step 2 of 4')
  await panel(page).getByRole('button', { name: 'Leave lab' }).click()
  await expect(panel(page).getByRole('button', { name: 'Start lab: Your first Pod (1/4 steps)' })).toBeVisible()
})

test('a lab in progress survives a reload: the same step, the steps done, the hints shown, the history', async ({ page }) => {
  await openApp(page)
  await openLabFile(page, CRASHLOOP)
  const lab = panel(page)
  await expect(lab.getByRole('status')).toHaveText('Step 1 of 3')
  await run(page, 'get pods')
  await expect(lab.getByRole('status')).toHaveText('Step 2 of 3')
  await lab.getByRole('button', { name: 'Show a hint (1 of 2)' }).click()
  await expect(lab.getByRole('note', { name: 'Hint 1' })).toBeVisible()

  await page.reload()
  await expect(lab.getByRole('heading', { name: 'Why does my pod keep restarting?' })).toBeVisible()
  await expect(lab.getByRole('status')).toHaveText('Step 2 of 3')
  const steps = lab.getByRole('list', { name: 'Steps' }).getByRole('listitem')
  await expect(steps.nth(0)).toContainText('Look at the pod (passed)')
  await expect(steps.nth(1)).toContainText('Find out what the container did (current)')
  await expect(lab.getByRole('note', { name: 'Hint 1' })).toBeVisible()
  await expect(lab.getByRole('button', { name: 'Show a hint (2 of 2)' })).toBeVisible()
  // The lab's cluster, not the default one: two workers, the setup's toolbox.
  await expect(page.getByRole('group', { name: /^Node worker-2, Ready$/ })).toBeVisible()
  await expect(page.getByRole('group', { name: /^Node worker-3/ })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /^Pod toolbox-/ })).toBeVisible()
  await lab.screenshot({ path: 'e2e/screenshots/lab-after-reload.png' })
  // The checks go on from there.
  await run(page, 'describe pods -l app=toolbox')
  await expect(lab.getByRole('status')).toHaveText('Step 3 of 3')
})

test('?lab= opens a lab from the same site, and refuses one from elsewhere', async ({ page }) => {
  const fs = await import('node:fs/promises')
  const source = await fs.readFile(CRASHLOOP, 'utf8')
  await page.route('**/course/week1.md', (route) => route.fulfill({ body: source, contentType: 'text/markdown' }))
  await page.goto('/?lab=course/week1.md')
  await expect(panel(page).getByRole('heading', { name: 'Why does my pod keep restarting?' })).toBeVisible()
  await expect(panel(page).getByRole('status')).toHaveText('Step 1 of 3')
  await page.goto('/?lab=https://elsewhere.example/lab.md')
  await expect(panel(page).getByRole('alert')).toHaveText('lab.md: kubesim opens labs from its own site only, not https://elsewhere.example')
})
