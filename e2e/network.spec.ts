import type { Page } from '@playwright/test'
import { apply, applyOutput, expect, openApp, pasteManifest, setSpeed, test } from './fixtures.ts'

// Compact, so each fits the editor at 1024×768 without scrolling (pasteManifest checks the first line).
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports: [{containerPort: 80}]
        readinessProbe:
          httpGet: {path: /, port: 80}
          periodSeconds: 1
          failureThreshold: 1`

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports: [{port: 80}]`

const START = 'kubectl run load-web --image=busybox:1.36 --restart=Never -- /bin/sh -c "while sleep 0.1; do wget -q -O- http://web; done"'

const network = (page: Page) => page.getByRole('region', { name: /^Network/ })
const webPods = (page: Page, state = 'ready') => network(page).getByRole('group', { name: new RegExp(`^Pod web-[a-z0-9]+-[a-z0-9]{5}, ${state}, \\d+\\.\\d requests/s$`) })
const terminalOutput = (page: Page) => page.getByRole('log', { name: 'kubectl terminal output' })

async function typeCommand(page: Page, command: string): Promise<void> {
  const prompt = page.getByRole('textbox', { name: 'kubectl command' })
  await prompt.fill(command)
  await prompt.press('Enter')
}

/** The requests/s a pod node shows, from its accessible name. */
async function rateOf(page: Page, pod: string): Promise<number> {
  const label = await network(page).getByRole('group', { name: new RegExp(`^Pod ${pod}, `) }).getAttribute('aria-label')
  return Number(/, ([\d.]+) requests\/s$/.exec(label ?? '')?.[1] ?? NaN)
}

async function podNames(page: Page): Promise<string[]> {
  const labels = await webPods(page, '[a-z ]+').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))
  return labels.map((l) => l.replace(/^Pod /, '').replace(/, .*$/, '')).sort()
}

async function deployWeb(page: Page): Promise<void> {
  await openApp(page)
  await setSpeed(page, 5)
  await pasteManifest(page, DEPLOYMENT)
  await apply(page)
  await expect(applyOutput(page)).toContainText('deployment.apps/web created')
  await pasteManifest(page, SERVICE)
  await apply(page)
  await expect(applyOutput(page)).toContainText('service/web created')
  await page.getByRole('button', { name: 'Network', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Network', exact: true })).toHaveAttribute('aria-pressed', 'true')
  await expect(webPods(page)).toHaveCount(3)
}

test.describe('network view at 1024×768', () => {
  test.use({ viewport: { width: 1024, height: 768 } })

  test('traffic from the load button reaches every ready pod; a pod failing readiness drops out', async ({ page }) => {
    await deployWeb(page)
    // The default namespace alone: kube-system's Services (kube-dns, metrics-server) are another lesson.
    await page.getByRole('combobox', { name: 'Namespace shown' }).selectOption('default')
    const web = network(page).getByRole('group', { name: /^Service web: / })
    await expect(web).toHaveAccessibleName(/^Service web: ClusterIP 10\.\d+\.\d+\.\d+, ports 80\/TCP, 3 of 3 endpoints ready$/)
    await expect(network(page).getByRole('group', { name: /^EndpointSlice web-[a-z0-9]{5}, 3 of 3 ready$/ })).toBeVisible()

    // The button runs the kubectl command it stands for, in the terminal.
    await web.getByRole('button', { name: 'Send traffic to web' }).click()
    await expect(terminalOutput(page)).toContainText(START)
    await expect(terminalOutput(page)).toContainText('pod/load-web created')
    await expect(web.getByRole('button', { name: 'Stop traffic to web' })).toBeVisible()

    const pods = await podNames(page)
    expect(pods).toHaveLength(3)
    for (const pod of pods) await expect.poll(() => rateOf(page, pod), { timeout: 30_000 }).toBeGreaterThan(0)

    // One pod fails its readiness probe: not ready, and the others get all the traffic.
    const [victim, ...others] = pods
    await typeCommand(page, `kubectl annotate pod ${victim} sim.kubesim.dev/probe-fail-after=0s`)
    await expect(terminalOutput(page)).toContainText(`pod/${victim} annotated`)
    await expect(network(page).getByRole('group', { name: new RegExp(`^Pod ${victim}, not ready, `) })).toBeVisible()
    await expect(web).toHaveAccessibleName(/2 of 3 endpoints ready$/)
    await expect.poll(() => rateOf(page, victim), { timeout: 30_000 }).toBe(0)
    for (const pod of others) expect(await rateOf(page, pod)).toBeGreaterThan(0)

    // Readable and whole at 1024×768: every node in view, text at least 12px on screen.
    await setSpeed(page, 1)
    for (const node of await network(page).locator('.react-flow__node').all()) await expect(node).toBeInViewport({ ratio: 0.98 })
    const smallest = await network(page).locator('.net-node').evaluateAll((els) => {
      const zoom = new DOMMatrix(getComputedStyle(document.querySelector('.network-pane .react-flow__viewport')!).transform).a
      return Math.min(...els.flatMap((el) => [...el.querySelectorAll('*')].filter((e) => e.childNodes.length && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim())).map((e) => parseFloat(getComputedStyle(e).fontSize) * zoom)))
    })
    expect(smallest).toBeGreaterThanOrEqual(12)
    await page.screenshot({ path: 'e2e/screenshots/network.png' })

    // Service details: addresses, endpoints with readiness, DNS names, the last requests' paths.
    await web.getByRole('button', { name: 'Details of Service web' }).click()
    const details = page.getByRole('region', { name: 'Service web details' })
    await expect(details).toContainText('ClusterIP')
    await expect(details.getByRole('button', { name: `${victim} not ready endpoint` })).toBeVisible()
    await expect(details.getByRole('list', { name: 'DNS names of web' })).toContainText('web.default.svc.cluster.local')
    await expect(details.getByRole('list', { name: 'Last requests to web' })).toContainText(/Service default\/web .* pod default\/web-/)
    await page.screenshot({ path: 'e2e/screenshots/network-details.png' })

    await web.getByRole('button', { name: 'Stop traffic to web' }).click()
    await expect(terminalOutput(page)).toContainText('kubectl delete pod load-web --now')
    await expect(web.getByRole('button', { name: 'Send traffic to web' })).toBeVisible()
  })
})

test('with reduced motion nothing travels along the edges, and the counts still rise', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await deployWeb(page)
  await typeCommand(page, 'kubectl run client --image=busybox:1.37 -- sleep 3600')
  await expect(terminalOutput(page)).toContainText('pod/client created')
  await expect.poll(async () => {
    await typeCommand(page, `kubectl exec client -- sh -c 'for i in $(seq 1 30); do curl -s web; done'`)
    return (await Promise.all((await podNames(page)).map((p) => rateOf(page, p)))).reduce((a, b) => a + b, 0)
  }, { timeout: 30_000 }).toBeGreaterThan(0)
  await expect(page.locator('.traffic-pulse')).toHaveCount(0)
})
