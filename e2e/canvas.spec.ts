import { apply, applyOutput, expect, expectAllCardsVisible, openApp, pasteManifest, revealOnCanvas, setSpeed, test } from './fixtures.ts'

const CROWD = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: crowd
spec:
  replicas: 11
  selector:
    matchLabels: {app: crowd}
  template:
    metadata:
      labels: {app: crowd}
    spec:
      nodeSelector:
        # worker-3: the one worker without a CoreDNS pod (seed 1)
        kubernetes.io/hostname: worker-3
      containers:
      - name: app
        image: nginx:1.27
        resources:
          requests: {cpu: 10m, memory: 16Mi}
`

test('a crowded node card shows eight pods and "+4 more", which lists them all', async ({ page }) => {
  await openApp(page)
  await setSpeed(page, 30)
  await pasteManifest(page, CROWD)
  await apply(page)
  await expect(applyOutput(page)).toContainText('deployment.apps/crowd created')
  const node = page.getByRole('group', { name: 'Node worker-3, Ready' })
  // The 11 crowd pods and one add-on pod of kube-system (CoreDNS or metrics-server).
  await expect(node.getByText('12 / 110 pods')).toBeVisible()
  await expect(node.getByRole('button', { name: /^Pod / })).toHaveCount(8)
  const more = node.getByRole('button', { name: 'Show 4 more pods on worker-3' })
  await expect(more).toHaveText('+4 more')
  await revealOnCanvas(page, more)
  await more.click()
  await expect(node.getByRole('button', { name: /^Pod crowd-/ })).toHaveCount(11)
  await expect(node.getByRole('button', { name: 'Show fewer pods on worker-3' })).toBeVisible()
  await expectAllCardsVisible(page)
  await page.screenshot({ path: 'e2e/screenshots/crowded-node.png' })
})

test('the legend names every pod state with its colour', async ({ page }) => {
  await openApp(page)
  await page.getByText('Pod states', { exact: true }).click()
  const legend = page.getByRole('list', { name: 'Pod states' })
  for (const state of ['Pending', 'ContainerCreating', 'Completed', 'Error', 'CrashLoopBackOff', 'ImagePullBackOff', 'OOMKilled', 'Terminating', 'Unknown']) {
    await expect(legend.getByText(state, { exact: true })).toBeVisible()
  }
  await expect(legend.getByText('running, not ready: gets no Service traffic')).toBeVisible()
  await page.screenshot({ path: 'e2e/screenshots/legend.png' })
})
