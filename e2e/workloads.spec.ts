import { apply, applyOutput, expect, expectAllCardsVisible, openApp, setSpeed, test, workerPods } from './fixtures.ts'
import type { Page } from '@playwright/test'

const workloads = (page: Page) => page.getByRole('group', { name: /^Workloads/ })

async function pickSample(page: Page, id: string, text: string): Promise<void> {
  await page.getByLabel('Sample manifest').selectOption(id)
  await expect(page.locator('.monaco-editor .view-lines')).toContainText(text)
}

async function runInTerminal(page: Page, command: string): Promise<void> {
  const input = page.getByRole('textbox', { name: 'kubectl command' })
  await input.fill(command)
  await input.press('Enter')
}

test("the docs' pi Job runs its pod to Completed and reads Complete 1/1", async ({ page }) => {
  await openApp(page)
  await pickSample(page, 'job', 'bpi(2000)')
  await setSpeed(page, 30)
  await apply(page)
  await expect(applyOutput(page)).toContainText('job.batch/pi created')
  await expect(workloads(page).getByRole('listitem', { name: /^Job pi: Running · 0\/1 completions/ })).toBeVisible()
  await expect(workerPods(page, /^Pod pi-[a-z0-9]{5}, Completed$/)).toHaveCount(1)
  await expect(workloads(page).getByRole('listitem', { name: /^Job pi: Complete · 1\/1 completions · duration \d+s$/ })).toBeVisible()
  // Finished: grey like kubectl's Completed, and no longer counted against the node.
  await expect(page.locator('.pod-chip', { has: page.getByRole('button', { name: /^Pod pi-/ }) })).toHaveClass(/tone-done/)
  await setSpeed(page, 1)
  await expectAllCardsVisible(page)
  await page.screenshot({ path: 'e2e/screenshots/job.png' })
  await workloads(page).screenshot({ path: 'e2e/screenshots/job-workloads.png' })
})

test('the DaemonSet sample puts one log-agent pod on each worker, none on the tainted control plane', async ({ page }) => {
  await openApp(page)
  await pickSample(page, 'daemonset', 'log-agent')
  await setSpeed(page, 30)
  await apply(page)
  await expect(applyOutput(page)).toContainText('daemonset.apps/log-agent created')
  for (const worker of ['worker-1', 'worker-2', 'worker-3']) {
    const card = page.getByRole('group', { name: `Node ${worker}, Ready` })
    await expect(card.getByRole('button', { name: /^Pod log-agent-[a-z0-9]{5}, Running$/ })).toHaveCount(1)
  }
  await expect(page.getByRole('group', { name: 'Node control-plane, Ready' }).getByRole('button', { name: /^Pod / })).toHaveCount(0)
  await expect(workloads(page).getByRole('listitem', { name: 'DaemonSet log-agent: 3 desired · 3 ready · 3 up-to-date' })).toBeVisible()
  await setSpeed(page, 1)
  await expectAllCardsVisible(page)
  await page.screenshot({ path: 'e2e/screenshots/daemonset.png' })
})

test('the StatefulSet sample starts web-0, then web-1, then web-2', async ({ page }) => {
  await openApp(page)
  await pickSample(page, 'statefulset', 'serviceName: nginx')
  // Record the order in which pod chips first appear on the canvas.
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { seenPods: string[] }).seenPods = seen
    // Pods first seen in the same render (at 30x one frame can span web-1 and web-2) are noted
    // by ordinal; their order in the DOM is their nodes' order, not their creation order.
    const note = () => {
      const fresh: string[] = []
      for (const el of document.querySelectorAll('.react-flow [aria-label^="Pod web-"]')) {
        const name = el.getAttribute('aria-label')!.replace(/^Pod /, '').replace(/,.*$/, '')
        if (!seen.includes(name) && !fresh.includes(name)) fresh.push(name)
      }
      seen.push(...fresh.sort())
    }
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] })
  })
  await setSpeed(page, 30)
  await apply(page)
  await expect(applyOutput(page)).toContainText('statefulset.apps/web created')
  await expect(workerPods(page, /^Pod web-\d, Running$/)).toHaveCount(3)
  expect(await page.evaluate(() => (window as unknown as { seenPods: string[] }).seenPods)).toEqual(['web-0', 'web-1', 'web-2'])
  const row = workloads(page).getByRole('listitem', { name: 'StatefulSet web: 3/3 ready' })
  await expect(row).toBeVisible()
  const ordinals = row.getByRole('list', { name: 'Pods of web' }).getByRole('listitem')
  await expect(ordinals).toHaveText(['web-0', 'web-1', 'web-2'])
  await expect(ordinals.first()).toHaveAccessibleName('web-0 Running')
  await setSpeed(page, 1)
  await expectAllCardsVisible(page)
  await page.screenshot({ path: 'e2e/screenshots/statefulset.png' })
})

test('pods in another namespace carry its name, the filter shows one namespace, and a deleted namespace shows Terminating', async ({ page }) => {
  await openApp(page)
  await runInTerminal(page, 'create namespace demo')
  const terminal = page.getByRole('log', { name: 'kubectl terminal output' })
  await expect(terminal).toContainText('namespace/demo created')
  await setSpeed(page, 30)
  await runInTerminal(page, 'run shell -n demo --image=nginx:1.27')
  await runInTerminal(page, 'run web --image=nginx:1.27')
  const demoPod = workerPods(page, /^Pod demo shell, Running$/)
  await expect(demoPod).toHaveCount(1)
  await expect(workerPods(page, /^Pod web, Running$/)).toHaveCount(1)

  const picker = page.getByRole('combobox', { name: 'Namespace shown' })
  await picker.selectOption('demo')
  await expect(workerPods(page, /^Pod web,/)).toHaveCount(0)
  await expect(demoPod).toHaveCount(1)
  await picker.selectOption('default')
  await expect(demoPod).toHaveCount(0)
  await expect(workerPods(page, /^Pod web, Running$/)).toHaveCount(1)
  await picker.selectOption('')

  await setSpeed(page, 1)
  await runInTerminal(page, 'delete namespace demo --wait=false')
  await expect(terminal).toContainText('namespace "demo" deleted')
  await expect(page.getByRole('list', { name: 'Terminating namespaces' })).toContainText('demo Terminating')
  await expect(picker.getByRole('option', { name: 'demo (Terminating)' })).toHaveCount(1)
  await expectAllCardsVisible(page)
  await page.screenshot({ path: 'e2e/screenshots/namespaces.png' })
  // The namespace controller deletes the pod, then the namespace goes away.
  await setSpeed(page, 30)
  await expect(page.getByRole('list', { name: 'Terminating namespaces' })).toHaveCount(0)
  await expect(demoPod).toHaveCount(0)
  await expect(picker.getByRole('option')).toHaveText(['All namespaces', 'default', 'kube-node-lease', 'kube-public', 'kube-system'])
})

test('every workload kind at once: one row each, owned objects under their controller', async ({ page }) => {
  await openApp(page)
  await setSpeed(page, 30)
  for (const [id, text, created] of [
    ['deployment', 'replicas: 3', 'deployment.apps/web created'],
    ['daemonset', 'log-agent', 'daemonset.apps/log-agent created'],
    ['cronjob', 'schedule', 'cronjob.batch/hello created'],
    ['job', 'bpi(2000)', 'job.batch/pi created'],
  ]) {
    await pickSample(page, id, text)
    await apply(page)
    await expect(applyOutput(page)).toContainText(created)
  }
  await runInTerminal(page, 'create deployment api --image=nginx:1.27 --replicas=2 -n kube-public')
  const card = workloads(page)
  await expect(card.getByRole('listitem', { name: 'Deployment web: 3/3 ready · 3 up-to-date' })).toBeVisible()
  await expect(card.getByRole('listitem', { name: 'Deployment api (namespace kube-public): 2/2 ready · 2 up-to-date' })).toBeVisible()
  await expect(card.getByRole('listitem', { name: 'DaemonSet log-agent: 3 desired · 3 ready · 3 up-to-date' })).toBeVisible()
  await expect(card.getByRole('listitem', { name: /^Job pi: Complete · 1\/1 completions/ })).toBeVisible()
  // The CronJob's first Job, named after its scheduled minute, sits under it.
  await expect(card.getByRole('listitem', { name: /^CronJob hello: schedule \* \* \* \* \* · suspend False · [01] active · last schedule \d+s$/ })).toBeVisible({ timeout: 30_000 })
  // It runs every simulated minute (2 s here at 30×), so how many Jobs exist depends on the machine's pace:
  // pause, then every one of them must sit under the CronJob.
  await page.getByRole('button', { name: 'Pause simulation' }).click()
  const jobs = await card.getByRole('listitem', { name: /^Job hello-\d+: / }).count()
  expect(jobs).toBeGreaterThanOrEqual(1)
  await expect(card.locator('.workload-row.depth-1', { hasText: /^job\s*hello-\d+/i })).toHaveCount(jobs)
  await setSpeed(page, 1)
  await expectAllCardsVisible(page)
  await page.screenshot({ path: 'e2e/screenshots/workloads-all.png' })
  await card.screenshot({ path: 'e2e/screenshots/workloads-card.png' })
})
