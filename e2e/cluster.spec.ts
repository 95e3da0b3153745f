import { expect, openApp, setSpeed, test } from './fixtures.ts'

test('the cluster editor adds and removes machines as node add / node remove, and refuses a taken name', async ({ page }) => {
  await openApp(page)
  await page.getByRole('button', { name: 'Edit cluster' }).click()
  const dialog = page.getByRole('dialog', { name: 'Cluster editor' })
  await dialog.getByRole('textbox', { name: 'CPU' }).fill('8')
  await dialog.getByRole('textbox', { name: 'Labels' }).fill('disk=ssd')
  await expect(dialog.getByText('node add worker-4 --cpu 8 --labels disk=ssd')).toBeVisible()
  await dialog.getByRole('button', { name: 'Add machine worker-4' }).click()
  await expect(dialog.getByRole('status')).toHaveText('Done: node add worker-4 --cpu 8 --labels disk=ssd')

  await dialog.getByRole('textbox', { name: 'Name' }).fill('worker-1')
  await dialog.getByRole('button', { name: 'Add machine worker-1' }).click()
  await expect(dialog.getByRole('alert')).toHaveText('node add: there is already a machine named "worker-1"')

  await page.screenshot({ path: 'e2e/screenshots/cluster-dialog.png' })
  await dialog.getByRole('button', { name: 'Remove machine worker-2' }).click()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('group', { name: 'Node worker-4, Ready' })).toContainText('cpu 0 / 8')
  await setSpeed(page, 100)
  // The removed machine's Node stays, and goes NotReady once its lease runs out.
  await expect(page.getByRole('group', { name: 'Node worker-2, NotReady' })).toBeVisible()
  await page.screenshot({ path: 'e2e/screenshots/cluster-editor.png' })
})

test('a preset rebuilds the cluster in its shape: three zones of workers', async ({ page }) => {
  await openApp(page)
  await page.getByRole('button', { name: 'Edit cluster' }).click()
  const dialog = page.getByRole('dialog', { name: 'Cluster editor' })
  page.once('dialog', (confirm) => void confirm.accept())
  await dialog.getByRole('button', { name: /^Start over with Three zones/ }).click()
  await expect(page.getByRole('group', { name: /^Node worker-\d+, Ready$/ })).toHaveCount(6)
  const terminal = page.getByRole('textbox', { name: 'kubectl command' })
  await terminal.fill('kubectl get nodes -L topology.kubernetes.io/zone')
  await terminal.press('Enter')
  await expect(page.getByText(/worker-6\s+Ready\s+<none>\s+\S+\s+v1\.35\.0\s+zone-c/)).toBeVisible()
})
