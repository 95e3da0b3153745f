import type { Page } from '@playwright/test'
import { audit } from './axeAudit.ts'
import { apply, applyOutput, expect, openApp, pasteManifest, revealOnCanvas, setSpeed, test } from './fixtures.ts'

// Compact, so it fits the editor at 1024×768 (pasteManifest checks the first line).
const STATEFUL_SET = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: web
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        volumeMounts: [{name: data, mountPath: /data}]
  volumeClaimTemplates:
  - metadata: {name: data}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 1Gi}}`

const POD_WITH_MISSING_CONFIG = `apiVersion: v1
kind: Pod
metadata: {name: cfg}
spec:
  containers:
  - name: app
    image: nginx:1.27
    envFrom: [{secretRef: {name: app-secret, optional: true}}]
    volumeMounts: [{name: settings, mountPath: /etc/app}]
  volumes:
  - name: settings
    configMap: {name: app-settings}`

const storage = (page: Page) => page.getByRole('region', { name: 'Storage and configuration' })

async function run(page: Page, command: string): Promise<void> {
  const input = page.getByRole('textbox', { name: 'kubectl command' })
  await input.fill(command)
  await input.press('Enter')
}

async function showStorage(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Storage', exact: true }).click()
  await expect(storage(page)).toBeVisible()
}

for (const [width, height] of [
  [1024, 768],
  [1440, 900],
] as const) {
  test.describe(`at ${width}×${height}`, () => {
    test.use({ viewport: { width, height } })

    test('a StatefulSet’s claims: Bound to their volumes in the Storage view, describe on click, and by ordinal in the Workloads card', async ({ page }) => {
      test.setTimeout(90_000)
      await openApp(page)
      await setSpeed(page, 30)
      await pasteManifest(page, STATEFUL_SET)
      await apply(page)
      await expect(applyOutput(page)).toContainText('statefulset.apps/web created')

      await showStorage(page)
      const view = storage(page)
      for (const n of [0, 1, 2]) {
        const claim = view.getByRole('listitem', { name: new RegExp(`^PersistentVolumeClaim data-web-${n}, Bound: 1Gi RWO, volume pvc-[0-9a-f-]+, class standard, used by web-${n}$`) })
        await expect(claim).toBeVisible({ timeout: 30_000 })
        await expect(claim.getByRole('button', { name: /^PersistentVolume pvc-[0-9a-f-]+, Bound$/ })).toBeVisible()
        await expect(claim.getByRole('button', { name: 'StorageClass standard' })).toBeVisible()
        await expect(claim).toContainText('reclaim Delete')
      }
      await expect(view.getByRole('listitem', { name: /^StorageClass standard \(default\): provisioner rancher.io\/local-path, reclaim policy Delete, binding WaitForFirstConsumer$/ })).toBeVisible()
      await page.screenshot({ path: `e2e/screenshots/storage-claims-${width}.png` })

      // The claim opens in the inspector; Describe is the engine's own describer.
      await view.getByRole('button', { name: 'PersistentVolumeClaim data-web-0, Bound' }).click()
      const details = page.getByRole('complementary', { name: 'PersistentVolumeClaim details' })
      await details.getByRole('tab', { name: 'Describe' }).click()
      const describe = details.getByLabel('kubectl describe PersistentVolumeClaim data-web-0')
      await expect(describe).toContainText(/^Name: +data-web-0\n/)
      await expect(describe).toContainText(/\nStatus: +Bound\n/)
      await expect(describe).toContainText(/\nUsed By: +web-0\n/)
      await page.screenshot({ path: `e2e/screenshots/storage-describe-${width}.png` })
      await page.keyboard.press('Escape')

      // Its volume too: from the claim's row to the PersistentVolume.
      await view.getByRole('listitem', { name: /^PersistentVolumeClaim data-web-1,/ }).getByRole('button', { name: /^PersistentVolume pvc-/ }).click()
      const pv = page.getByRole('complementary', { name: 'PersistentVolume details' })
      await pv.getByRole('tab', { name: 'Describe' }).click()
      await expect(pv.getByLabel(/^kubectl describe PersistentVolume pvc-/)).toContainText(/\nClaim: +default\/data-web-1\n/)
      await page.keyboard.press('Escape')

      // Scaled down, the set keeps its claims: the Workloads card lists every ordinal with its claim.
      await run(page, 'scale sts web --replicas=1')
      await page.getByRole('button', { name: 'Cluster', exact: true }).click()
      await page.getByLabel('Namespace shown').selectOption('default')
      const ordinals = page.getByRole('list', { name: 'Ordinals of web' })
      await revealOnCanvas(page, ordinals)
      await expect(ordinals.getByRole('listitem')).toHaveText([/^web-0\W*data-web-0\s*Bound$/, /^web-1\W*data-web-1\s*Bound$/, /^web-2\W*data-web-2\s*Bound$/])
      await expect(ordinals.getByRole('listitem', { name: 'web-0 Running, claim data-web-0 Bound' })).toBeVisible()
      await expect(ordinals.getByRole('listitem', { name: 'web-2 no pod, claim data-web-2 Bound' })).toBeVisible({ timeout: 30_000 })
      await expect(ordinals.getByRole('listitem', { name: 'web-1 no pod, claim data-web-1 Bound' })).toBeVisible({ timeout: 30_000 })
      await page.getByRole('group', { name: /^Workloads/ }).screenshot({ path: `e2e/screenshots/storage-ordinals-${width}.png` })
      expect(await audit(page)).toEqual([])
      await ordinals.getByRole('button', { name: 'PersistentVolumeClaim data-web-2, Bound' }).click()
      await expect(page.getByRole('complementary', { name: 'PersistentVolumeClaim details' }).getByRole('heading', { name: /data-web-2/ })).toBeVisible()
    })
  })
}

test.describe('at 1024×768', () => {
  test.use({ viewport: { width: 1024, height: 768 } })

  test('a pod mounting a ConfigMap that does not exist: shown missing, with the pod that needs it, until it is created', async ({ page }) => {
    await openApp(page)
    await setSpeed(page, 30)
    await pasteManifest(page, POD_WITH_MISSING_CONFIG)
    await apply(page)
    await expect(applyOutput(page)).toContainText('pod/cfg created')
    await page.getByLabel('Namespace shown').selectOption('default')
    await showStorage(page)
    const view = storage(page)
    await expect(view.getByRole('region', { name: 'ConfigMaps and Secrets, 3, 2 missing' })).toBeVisible()
    const missing = view.getByRole('listitem', { name: 'ConfigMap app-settings, missing, used by cfg' })
    await expect(missing).toContainText('ConfigMap not found: the pods below cannot start until it exists')
    await expect(missing.getByRole('button', { name: 'Pod cfg volume' })).toBeVisible()
    // An optional reference is missing too, but blocks nothing.
    const optional = view.getByRole('listitem', { name: 'Secret app-secret, missing, used by cfg' })
    await expect(optional.getByRole('button', { name: 'Pod cfg envFrom' })).toBeVisible()
    await expect(optional).not.toContainText('cannot start')
    await page.screenshot({ path: 'e2e/screenshots/storage-config-missing.png' })
    expect(await audit(page)).toEqual([])

    await missing.getByRole('button', { name: 'Pod cfg volume' }).click()
    const details = page.getByRole('complementary', { name: 'Pod details' })
    await details.getByRole('tab', { name: 'Events' }).click()
    await expect(details).toContainText('configmap "app-settings" not found')
    await page.keyboard.press('Escape')

    await run(page, 'create configmap app-settings --from-literal=color=blue')
    await expect(view.getByRole('listitem', { name: 'ConfigMap app-settings, 1 key, used by cfg' })).toBeVisible()
    await expect(view.getByRole('button', { name: 'ConfigMap app-settings' })).toBeVisible()
  })

  test('the header is one line and the scroll hint covers no card', async ({ page }) => {
    await openApp(page)
    const header = page.locator('.app-header')
    const play = page.getByRole('button', { name: /^(Pause|Play) simulation$/ })
    const headerBox = (await header.boundingBox())!
    const playBox = (await play.boundingBox())!
    // One row of controls: the header is no taller than a button plus its padding.
    expect(headerBox.height).toBeLessThan(playBox.height * 1.6)
    for (const name of ['Step 1s', 'Step 10s', 'Labs', 'Session', 'Dark theme', 'Presenter mode', 'Control-plane flow', 'Keyboard shortcuts', 'Previous command', 'Next command']) {
      const box = (await page.getByRole('button', { name, exact: true }).boundingBox())!
      expect(Math.abs(box.y + box.height / 2 - (playBox.y + playBox.height / 2)), name).toBeLessThan(4)
    }
    await expect(page.getByRole('slider', { name: 'Simulated time' })).toBeVisible()

    // Four nodes and three cards don't fit at a readable zoom: the canvas scrolls and says so, under the cards.
    const hint = page.getByText('Scroll the canvas for more cards')
    await expect(hint).toBeVisible()
    const hintBox = (await hint.boundingBox())!
    const canvasBox = (await page.getByLabel('Cluster nodes').boundingBox())!
    expect(hintBox.y).toBeGreaterThanOrEqual(canvasBox.y + canvasBox.height - 1)
    for (const card of await page.locator('.react-flow__node').all()) {
      const box = (await card.boundingBox())!
      // What shows of a card is what lies inside the canvas.
      const top = Math.max(box.y, canvasBox.y)
      const bottom = Math.min(box.y + box.height, canvasBox.y + canvasBox.height)
      const overlaps = bottom > top && box.x < hintBox.x + hintBox.width && hintBox.x < box.x + box.width && top < hintBox.y + hintBox.height && hintBox.y < bottom
      expect(overlaps).toBe(false)
    }
    // Nothing lies on top of it either.
    const onTop = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.textContent, { x: hintBox.x + hintBox.width / 2, y: hintBox.y + hintBox.height / 2 })
    expect(onTop).toBe('Scroll the canvas for more cards')
    await page.screenshot({ path: 'e2e/screenshots/header-and-hint-1024.png' })
  })
})
