import { apply, applyOutput, expect, expectAllCardsVisible, openApp, podNames, RUNNING_WEB, setSpeed, test, workerPods } from './fixtures.ts'

test.describe('Deployment sample', () => {
  test('apply creates 3 running web pods on workers; re-apply is unchanged', async ({ page }) => {
    await openApp(page)
    await expect(page.getByRole('button', { name: 'Pause simulation' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Speed 1x' })).toHaveAttribute('aria-pressed', 'true')
    await setSpeed(page, 30)
    await apply(page)
    await expect(applyOutput(page)).toContainText('deployment.apps/web created')
    await expect(workerPods(page, RUNNING_WEB)).toHaveCount(3)
    // The control plane is tainted: nothing lands there.
    await expect(page.getByRole('group', { name: 'Node control-plane, Ready' }).getByRole('button', { name: /^Pod / })).toHaveCount(0)
    // Requests show up on the cards: 3 × (100m, 128Mi) over the workers, with CoreDNS's two pods (100m, 70Mi each)
    // and metrics-server's (100m, 200Mi).
    const total = async (resource: 'cpu' | 'memory') => {
      const texts = await page.getByRole('group', { name: /^Node worker-/ }).getByText(new RegExp(`^${resource} \\d+\\w* / `)).allTextContents()
      return texts.reduce((sum, t) => sum + Number(/^\w+ (\d+)/.exec(t)![1]), 0)
    }
    await expect.poll(() => total('cpu')).toBe(600)
    await expect.poll(() => total('memory')).toBe(3 * 128 + 2 * 70 + 200)

    // Re-apply from the keyboard: Ctrl/Cmd+Enter in the editor.
    await page.locator('.monaco-editor .view-lines').click()
    await page.keyboard.press('ControlOrMeta+Enter')
    await expect(applyOutput(page)).toContainText('deployment.apps/web unchanged')
    await expectAllCardsVisible(page)
    await page.screenshot({ path: 'e2e/screenshots/deployment.png' })
  })

  test('deleting a web pod gets it replaced', async ({ page }) => {
    await openApp(page)
    await setSpeed(page, 30)
    await apply(page)
    await expect(workerPods(page, RUNNING_WEB)).toHaveCount(3)
    const before = await podNames(page, RUNNING_WEB)
    const victim = before[0]
    await page.getByRole('button', { name: `Delete pod ${victim}` }).click()
    // The click is shown as the kubectl command it stands for, with kubectl's answer.
    const terminal = page.getByRole('log', { name: 'kubectl terminal output' })
    await expect(terminal).toContainText(`kubectl delete pod ${victim} -n default`)
    await expect(terminal).toContainText(`pod "${victim}" deleted from default namespace`)
    await expect
      .poll(async () => {
        const now = await podNames(page, RUNNING_WEB)
        return now.length === 3 && !now.includes(victim) && now.filter((n) => !before.includes(n)).length === 1
      })
      .toBe(true)
    // The victim terminates gracefully and then goes away.
    await expect(page.getByRole('button', { name: new RegExp(`^Pod ${victim},`) })).toHaveCount(0)
    await page.screenshot({ path: 'e2e/screenshots/replaced.png' })
  })

  test('clicking a pod opens its details with node, container state and events', async ({ page }) => {
    await openApp(page)
    await setSpeed(page, 30)
    await apply(page)
    await expect(workerPods(page, RUNNING_WEB)).toHaveCount(3)
    const chip = workerPods(page, RUNNING_WEB).first()
    const name = (await chip.getAttribute('aria-label'))!.replace(/^Pod /, '').replace(/, .*$/, '')
    const card = page.getByRole('group', { name: /^Node worker-\d+, Ready$/ }).filter({ has: page.getByRole('button', { name: `Pod ${name}, Running` }) })
    const nodeName = (await card.getAttribute('aria-label'))!.replace(/^Node /, '').replace(/, .*$/, '')
    await setSpeed(page, 1)
    await chip.click()

    const details = page.getByRole('complementary', { name: 'Pod details' })
    await expect(details).toBeVisible()
    await expect(details).toContainText(`Name:${name}`)
    await expect(details).toContainText('Namespace:default')
    await expect(details).toContainText(new RegExp(`Node:${nodeName}/172\\.18\\.0\\.\\d+`))
    await expect(details).toContainText('Status:Running')
    await expect(details).toContainText(/Controlled By:ReplicaSet\/web-[a-z0-9]+/)
    await expect(details).toContainText('Image:nginx:1.27')
    await expect(details).toContainText(/State:RunningStarted:\w{3}, \d{2} \w{3} 2026/)
    await expect(details).toContainText('Restart Count:0')

    const events = details.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Reason' }) }).last()
    await expect(events.getByRole('columnheader')).toHaveText(['Type', 'Reason', 'Age', 'From', 'Message'])
    await expect(events).toContainText('Scheduled')
    await expect(events).toContainText(`Successfully assigned default/${name} to ${nodeName}`)
    await expect(events).toContainText('Pulled')
    await expect(events).toContainText('Started')
    await expect(details).toContainText(`Successfully assigned default/${name} to ${nodeName}`)
    await expectAllCardsVisible(page)
    await page.screenshot({ path: 'e2e/screenshots/inspector.png' })

    await details.getByRole('button', { name: 'Close pod details' }).click()
    await expect(details).toHaveCount(0)
  })
})

test('the cluster events feed shows what each component did, and opens a pod from its event', async ({ page }) => {
  await openApp(page)
  await setSpeed(page, 30)
  await apply(page)
  await expect(workerPods(page, RUNNING_WEB)).toHaveCount(3)
  const feed = page.getByRole('log', { name: 'Cluster events log' })
  await expect(feed).toContainText('deployment-controller')
  await expect(feed).toContainText('ScalingReplicaSet')
  await expect(feed).toContainText(/Scaled up replica set web-\w+ from 0 to 3/)
  await expect(feed).toContainText('replicaset-controller')
  await expect(feed).toContainText('default-scheduler')
  await expect(feed).toContainText('Started container nginx')
  await page.getByRole('region', { name: 'Cluster events' }).screenshot({ path: 'e2e/screenshots/events-feed-panel.png' })
  await feed.getByRole('button', { name: /^Show pod\/web-/ }).first().click()
  await expect(page.getByRole('complementary', { name: 'Pod details' })).toBeVisible()
  await expectAllCardsVisible(page)
  await page.screenshot({ path: 'e2e/screenshots/events-feed.png' })
})

test('the workloads card shows a rollout moving replicas from the old ReplicaSet to the new one', async ({ page }) => {
  await openApp(page)
  await setSpeed(page, 30)
  await apply(page)
  await expect(workerPods(page, RUNNING_WEB)).toHaveCount(3)
  const workloads = page.getByRole('group', { name: /^Workloads/ })
  await expect(workloads.getByRole('listitem', { name: 'Deployment web: 3/3 ready · 3 up-to-date' })).toBeVisible()
  await page.getByRole('textbox', { name: 'kubectl command' }).fill('set image deployment/web nginx=nginx:1.28')
  await page.getByRole('textbox', { name: 'kubectl command' }).press('Enter')
  await expect(page.getByRole('log', { name: 'kubectl terminal output' })).toContainText('deployment.apps/web image updated')
  // Two ReplicaSets now: the new one (revision 2) takes all 3 replicas, the old one goes to 0.
  await expect(workloads.getByRole('listitem', { name: /^ReplicaSet web-\w+: 3 desired · 3 current · 3 ready$/ })).toHaveCount(1)
  await expect(workloads.getByRole('listitem', { name: /^ReplicaSet web-\w+: 0 desired · 0 current · 0 ready$/ })).toHaveCount(1)
  await expect(workloads).toContainText('rev 2')
  await expectAllCardsVisible(page)
  await page.screenshot({ path: 'e2e/screenshots/rollout.png' })
})
