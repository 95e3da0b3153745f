import { apply, applyOutput, expect, openApp, RUNNING_WEB, setSpeed, test, workerPods } from './fixtures.ts'

test.use({ viewport: { width: 1024, height: 768 } })

test('the inspector: tabs for a pod, "Why?" back to the apply, Describe as kubectl, any object selectable, Esc closes', async ({ page }) => {
  await openApp(page)
  await setSpeed(page, 30)
  await apply(page)
  await expect(applyOutput(page)).toContainText('deployment.apps/web created')
  await expect(workerPods(page, RUNNING_WEB)).toHaveCount(3)
  await setSpeed(page, 1)

  const chip = workerPods(page, RUNNING_WEB).first()
  const podName = (await chip.getAttribute('aria-label'))!.replace(/^Pod /, '').replace(/, .*$/, '')
  await chip.click()
  const details = page.getByRole('complementary', { name: 'Pod details' })
  await expect(details.getByRole('heading', { name: `Pod ${podName}` })).toBeVisible()
  const tabs = details.getByRole('tablist', { name: 'Details' })
  await expect(tabs.getByRole('tab')).toHaveText(['Summary', 'Describe', 'YAML', 'Events', 'Logs', 'Scheduling', 'Why?'])
  await expect(tabs.getByRole('tab', { name: 'Summary' })).toHaveAttribute('aria-selected', 'true')

  // Describe: the engine's own describer, as kubectl prints it.
  await tabs.getByRole('tab', { name: 'Describe' }).click()
  const describe = details.getByLabel(`kubectl describe Pod ${podName}`)
  await expect(describe).toContainText(new RegExp(`^Name: +${podName}\\n`))
  await expect(describe).toContainText(/\nNamespace: +default\n/)
  await expect(describe).toContainText(/\nControlled By: +ReplicaSet\/web-[a-z0-9]+\n/)

  // Arrow keys move between tabs (WAI-ARIA tabs): Describe → YAML.
  await tabs.getByRole('tab', { name: 'Describe' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(tabs.getByRole('tab', { name: 'YAML' })).toHaveAttribute('aria-selected', 'true')
  await expect(tabs.getByRole('tab', { name: 'YAML' })).toBeFocused()
  await expect(details.getByLabel(`Pod ${podName} as YAML`)).toContainText(`  name: ${podName}\n`)

  // Why?: the chain of causes, back to the user's apply.
  await page.keyboard.press('End')
  await expect(tabs.getByRole('tab', { name: 'Why?' })).toHaveAttribute('aria-selected', 'true')
  const exists = details.getByRole('region', { name: 'Why it exists' })
  await expect(exists).toContainText(`Pod ${podName} was created by replicaset-controller at 00:00:`)
  await expect(exists).toContainText(/because ReplicaSet web-[a-z0-9]+ was (created|changed)/)
  await expect(exists).toContainText('because Deployment web was created with 3 replicas by you (kubectl apply -f manifest.yaml) at 00:00:')
  await page.screenshot({ path: 'e2e/screenshots/inspector-why.png' })

  // Each object in the chain selects it: the Deployment, with its own tabs.
  await exists.getByRole('button', { name: 'web', exact: true }).click()
  const deployment = page.getByRole('complementary', { name: 'Deployment details' })
  await expect(deployment.getByRole('heading', { name: 'Deployment web' })).toBeVisible()
  await expect(deployment.getByRole('tab', { name: 'Why?' })).toHaveAttribute('aria-selected', 'true')
  await expect(deployment.getByRole('region', { name: 'Why it exists' })).toContainText('Deployment web was created with 3 replicas by you (kubectl apply -f manifest.yaml)')
  await deployment.getByRole('tab', { name: 'Summary' }).click()
  await expect(deployment).toContainText('Replicas:3 desired | 3 updated | 3 total | 3 ready')

  // Esc closes the inspector.
  await page.keyboard.press('Escape')
  await expect(deployment).toHaveCount(0)

  // Workload rows and node card headers are selectable too.
  await page.getByRole('button', { name: 'Inspect Deployment web' }).click()
  await expect(page.getByRole('complementary', { name: 'Deployment details' })).toBeVisible()
  await page.getByRole('button', { name: 'Inspect node worker-1' }).click()
  const node = page.getByRole('complementary', { name: 'Node details' })
  await expect(node).toContainText('Allocatable:cpu 4, memory 8Gi, pods 110')
  await node.getByRole('tab', { name: 'Describe' }).click()
  await expect(node.getByLabel('kubectl describe Node worker-1')).toContainText(/^Name: +worker-1\n/)
  await page.screenshot({ path: 'e2e/screenshots/inspector-node.png' })
  await page.keyboard.press('Escape')
  await expect(node).toHaveCount(0)
})

test('a Service summary lists its endpoints and DNS names; YAML opens in the editor', async ({ page }) => {
  await openApp(page)
  await setSpeed(page, 30)
  await apply(page)
  await expect(applyOutput(page)).toContainText('deployment.apps/web created')
  await page.getByLabel('Sample manifest').selectOption('service')
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('kind: Service')
  await apply(page)
  await expect(applyOutput(page)).toContainText('service/web created')
  await page.getByRole('button', { name: 'Inspect Service web' }).click()
  const details = page.getByRole('complementary', { name: 'Service details' })
  await expect(details).toContainText('Type:NodePort')
  await expect(details.getByRole('listitem').filter({ hasText: / ready$/ })).toHaveCount(3)
  await expect(details).toContainText('web.default.svc.cluster.local')
  await details.getByRole('tab', { name: 'YAML' }).click()
  await expect(details.getByLabel('Service web as YAML')).toContainText('kind: Service')
  await details.getByRole('button', { name: 'Open in editor' }).click()
  // It opens in a tab of its own: the student's manifest stays in theirs.
  const files = page.getByRole('group', { name: 'Open files' })
  await expect(files.getByRole('button', { name: 'web.yaml', exact: true })).toHaveAttribute('aria-current', 'true')
  await expect(files.getByRole('button', { name: 'manifest.yaml', exact: true })).toBeVisible()
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('kind:\u00a0Service')
  await page.screenshot({ path: 'e2e/screenshots/inspector-service.png' })
})
