import * as k8s from '@kubernetes/client-node'
import { afterEach, describe, expect, it } from 'vitest'
import { advance, deployment, servePaused } from './serveKit.ts'

/** API conformance with the official JavaScript client against a paused `kubesim serve`. */
describe('kubesim serve with @kubernetes/client-node', () => {
  let close: (() => Promise<void>) | undefined
  afterEach(async () => {
    await close?.()
    close = undefined
  })

  async function setup() {
    const s = await servePaused()
    close = () => s.server.close()
    return { ...s, core: s.kc.makeApiClient(k8s.CoreV1Api), apps: s.kc.makeApiClient(k8s.AppsV1Api), policy: s.kc.makeApiClient(k8s.PolicyV1Api) }
  }

  it('creates, lists and watches: pods are ADDED, MODIFIED as they start after advance, DELETED', async () => {
    const { kc, url, core, apps, errors } = await setup()
    const events: string[] = []
    const watch = new k8s.Watch(kc)
    const done = new Promise<void>((resolve) => {
      void watch
        .watch('/api/v1/namespaces/default/pods', { labelSelector: 'app=web' }, (type, obj: k8s.V1Pod) => events.push(`${type} ${obj.metadata?.name} ${obj.status?.phase}`), () => resolve())
        .then((ctl) => (abort = ctl))
    })
    let abort: AbortController | undefined
    await new Promise((r) => setTimeout(r, 100))
    const created = await apps.createNamespacedDeployment({ namespace: 'default', body: deployment('web', 2) })
    expect(created.metadata?.uid).toBeTruthy()
    await advance(url, '30s')
    const pods = await core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=web' })
    expect(pods.items.map((p) => p.status?.phase)).toEqual(['Running', 'Running'])
    const byField = await core.listPodForAllNamespaces({ fieldSelector: 'status.phase=Running,metadata.namespace=default' })
    expect(byField.items).toHaveLength(2)
    await core.deleteNamespacedPod({ name: pods.items[0].metadata!.name!, namespace: 'default', gracePeriodSeconds: 0 })
    await advance(url, '5s')
    await new Promise((r) => setTimeout(r, 200))
    abort?.abort()
    await done
    const first = pods.items[0].metadata!.name!
    expect(events.filter((e) => e.startsWith('ADDED')).length).toBeGreaterThanOrEqual(2)
    expect(events).toContain(`MODIFIED ${first} Running`)
    expect(events.some((e) => e.startsWith(`DELETED ${first}`))).toBe(true)
    expect(errors).toEqual([])
  })

  it('watches from a list resourceVersion, with bookmarks, and ends at timeoutSeconds', async () => {
    const s = await servePaused(1, { bookmarkMs: 100 })
    close = () => s.server.close()
    const list = (await (await fetch(`${s.url}/api/v1/namespaces/default/configmaps`)).json()) as { metadata: { resourceVersion: string } }
    const core = s.kc.makeApiClient(k8s.CoreV1Api)
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'settings' }, data: { a: '1' } } })
    const started = Date.now()
    const res = await fetch(`${s.url}/api/v1/namespaces/default/configmaps?watch=true&allowWatchBookmarks=true&timeoutSeconds=1&resourceVersion=${list.metadata.resourceVersion}`)
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as { type: string; object: { metadata: { name?: string; resourceVersion: string } } })
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    expect(lines[0].type).toBe('ADDED')
    expect(lines[0].object.metadata.name).toBe('settings')
    expect(lines.some((l) => l.type === 'BOOKMARK')).toBe(true)
    const gone = JSON.parse(await (await fetch(`${s.url}/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1&resourceVersion=1`)).text())
    expect(gone).toMatchObject({ type: 'ERROR', object: { kind: 'Status', reason: 'Expired', code: 410 } })
    expect(gone.object.message).toMatch(/^too old resource version: 1 \(\d+\)$/)
  })

  it('patches (strategic, merge, json, server-side apply) and scales', async () => {
    const { url, apps } = await setup()
    await apps.createNamespacedDeployment({ namespace: 'default', body: deployment('api', 1) })
    const strategic = await apps.patchNamespacedDeployment(
      { name: 'api', namespace: 'default', body: { spec: { template: { spec: { containers: [{ name: 'main', image: 'nginx:1.28' }] } } } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.StrategicMergePatch),
    )
    expect(strategic.spec?.template.spec?.containers.map((c) => c.image)).toEqual(['nginx:1.28'])
    const merged = await apps.patchNamespacedDeployment({ name: 'api', namespace: 'default', body: { metadata: { labels: { tier: 'backend' } } } }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch))
    expect(merged.metadata?.labels).toEqual({ app: 'api', tier: 'backend' })
    const json = await apps.patchNamespacedDeployment({ name: 'api', namespace: 'default', body: [{ op: 'replace', path: '/spec/replicas', value: 2 }] }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.JsonPatch))
    expect(json.spec?.replicas).toBe(2)
    const applied = await apps.patchNamespacedDeployment(
      { name: 'api', namespace: 'default', fieldManager: 'test', body: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api' }, spec: { minReadySeconds: 5 } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.ServerSideApply),
    )
    expect(applied.spec?.minReadySeconds).toBe(5)
    expect(applied.spec?.replicas).toBe(2)

    const scale = await apps.readNamespacedDeploymentScale({ name: 'api', namespace: 'default' })
    expect(scale.spec?.replicas).toBe(2)
    await apps.replaceNamespacedDeploymentScale({ name: 'api', namespace: 'default', body: { metadata: { name: 'api', namespace: 'default' }, spec: { replicas: 4 } } })
    await apps.patchNamespacedDeploymentScale({ name: 'api', namespace: 'default', body: { spec: { replicas: 3 } } }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch))
    await advance(url, '30s')
    const after = await apps.readNamespacedDeploymentScale({ name: 'api', namespace: 'default' })
    expect(after.spec?.replicas).toBe(3)
    expect(after.status?.replicas).toBe(3)
    expect(after.status?.selector).toBe('app=api')
  })

  it('reads logs, evicts within a PodDisruptionBudget, and refuses beyond it with 429', async () => {
    const { url, core, apps, policy } = await setup()
    await apps.createNamespacedDeployment({ namespace: 'default', body: deployment('web', 2) })
    await policy.createNamespacedPodDisruptionBudget({ namespace: 'default', body: { metadata: { name: 'web' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'web' } } } } })
    await advance(url, '30s')
    const pods = (await core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=web' })).items
    const log = await core.readNamespacedPodLog({ name: pods[0].metadata!.name!, namespace: 'default', tailLines: 1 })
    expect(log.split('\n').filter(Boolean)).toHaveLength(1)
    const stamped = await core.readNamespacedPodLog({ name: pods[0].metadata!.name!, namespace: 'default', timestamps: true })
    expect(stamped).toMatch(/^2026-01-05T09:00:\d\d\.\d{9}Z /)
    await core.createNamespacedPodEviction({ name: pods[0].metadata!.name!, namespace: 'default', body: { metadata: { name: pods[0].metadata!.name!, namespace: 'default' } } })
    const refused = await core
      .createNamespacedPodEviction({ name: pods[1].metadata!.name!, namespace: 'default', body: { metadata: { name: pods[1].metadata!.name!, namespace: 'default' } } })
      .then(() => undefined, (e: k8s.ApiException<string>) => e)
    expect(refused?.code).toBe(429)
    expect(JSON.parse(refused!.body as string).message).toBe("Cannot evict pod as it would violate the pod's disruption budget.")
  })

  it('deletes with each propagation policy', async () => {
    const { url, apps } = await setup()
    for (const name of ['bg', 'fg', 'orphan']) await apps.createNamespacedDeployment({ namespace: 'default', body: deployment(name, 1) })
    await advance(url, '30s')
    const sets = async (app: string) => (await apps.listNamespacedReplicaSet({ namespace: 'default', labelSelector: `app=${app}` })).items

    await apps.deleteNamespacedDeployment({ name: 'bg', namespace: 'default', propagationPolicy: 'Background' })
    await apps.deleteNamespacedDeployment({ name: 'orphan', namespace: 'default', propagationPolicy: 'Orphan' })
    await apps.deleteNamespacedDeployment({ name: 'fg', namespace: 'default', propagationPolicy: 'Foreground' })
    const fg = await apps.readNamespacedDeployment({ name: 'fg', namespace: 'default' })
    expect(fg.metadata?.finalizers).toContain('foregroundDeletion')
    await advance(url, '60s')
    expect(await sets('bg')).toEqual([])
    expect(await sets('fg')).toEqual([])
    const orphans = await sets('orphan')
    expect(orphans).toHaveLength(1)
    expect(orphans[0].metadata?.ownerReferences ?? []).toEqual([])
    const gone = await apps.readNamespacedDeployment({ name: 'fg', namespace: 'default' }).then(() => 'found', (e: k8s.ApiException<string>) => e.code)
    expect(gone).toBe(404)
  })

  it('answers bad requests with Status objects', async () => {
    const { url, errors } = await setup()
    const status = async (path: string, init?: RequestInit) => {
      const res = await fetch(url + path, init)
      return { code: res.status, body: (await res.json()) as { kind: string; reason?: string; message?: string; code: number } }
    }
    expect(await status('/api/v1/namespaces/default/widgets')).toMatchObject({ code: 404, body: { kind: 'Status', reason: 'NotFound', message: 'the server could not find the requested resource' } })
    expect(await status('/api/v1/namespaces/default/pods/nope')).toMatchObject({ code: 404, body: { reason: 'NotFound', message: 'pods "nope" not found' } })
    const post = (body: string) => ({ method: 'POST', body, headers: { 'Content-Type': 'application/json' } })
    expect((await status('/api/v1/namespaces/default/configmaps', post('{"metadata": '))).body).toMatchObject({ reason: 'BadRequest', code: 400 })
    const huge = JSON.stringify({ metadata: { name: 'big' }, data: { x: 'a'.repeat(3 * 1024 * 1024) } })
    expect((await status('/api/v1/namespaces/default/configmaps', post(huge))).body).toMatchObject({ reason: 'RequestEntityTooLarge', code: 413 })
    const invalid = await status('/apis/apps/v1/namespaces/default/deployments', post(JSON.stringify({ ...deploymentWithReplicas(-1) })))
    expect(invalid.body).toMatchObject({ reason: 'Invalid', code: 422 })
    expect(invalid.body.message).toContain('Deployment.apps "bad" is invalid: spec.replicas: Invalid value: -1')
    await status('/api/v1/namespaces/default/configmaps', post(JSON.stringify({ metadata: { name: 'c' } })))
    expect((await status('/api/v1/namespaces/default/configmaps', post(JSON.stringify({ metadata: { name: 'c' } })))).body).toMatchObject({ reason: 'AlreadyExists', code: 409, message: 'configmaps "c" already exists' })
    expect((await status('/api/v1/namespaces/kube-system/pods/x/exec', { method: 'POST' })).code).toBe(404)
    expect(await status('/kubesim/v1/advance?duration=soon', { method: 'POST' })).toMatchObject({ code: 400 })
    expect(errors).toEqual([])
  })

  it('serves dryRun=All without storing', async () => {
    const { core } = await setup()
    const dry = await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'dry' } }, dryRun: 'All' })
    expect(dry.metadata?.name).toBe('dry')
    const found = await core.readNamespacedConfigMap({ name: 'dry', namespace: 'default' }).then(() => 'found', (e: k8s.ApiException<string>) => e.code)
    expect(found).toBe(404)
  })
})

function deploymentWithReplicas(replicas: number) {
  const d = deployment('bad', 1)
  d.spec.replicas = replicas
  return d
}
