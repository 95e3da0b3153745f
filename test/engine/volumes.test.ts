import { describe, expect, it } from 'vitest'
import type { KubeEvent, KubeObject, Pod, Volume } from '../../src/engine/api/types.ts'
import { FileStore } from '../../src/engine/kubelet/volumes/fileStore.ts'
import { projectVolume, type SourceLookup } from '../../src/engine/kubelet/volumes/projection.ts'
import { VOLUME_SYNC_PERIOD_MS } from '../../src/engine/kubelet/volumes/volumeManager.ts'
import { apply, kubectl, kubectlShell, newSim } from '../helpers.ts'

const pod = { metadata: { name: 'p', namespace: 'default', uid: 'u1', labels: { app: 'web', tier: 'front' } }, spec: { containers: [] }, status: {} } as unknown as Pod
const objects: Record<string, KubeObject> = {
  'ConfigMap/cfg': { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { a: 'one', b: 'two' } } as unknown as KubeObject,
  'Secret/sec': { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'sec', namespace: 'default' }, data: { password: btoa('s3cret') } } as unknown as KubeObject,
}
const lookup: SourceLookup = (kind, _ns, name) => objects[`${kind}/${name}`]
const project = (volume: Record<string, unknown>) => projectVolume({ name: 'v', ...volume } as Volume, pod, lookup, 1000)
const files = (volume: Record<string, unknown>) => {
  const r = project(volume)
  if ('error' in r) throw new Error(r.error)
  return Object.fromEntries([...r.files].map(([k, f]) => [k, [f.content, f.mode.toString(8)]]))
}

describe('projected files (configMap, secret, downwardAPI, projected)', () => {
  it('a configMap volume has a file per key with defaultMode, or the items with their paths and modes', () => {
    expect(files({ configMap: { name: 'cfg' } })).toEqual({ a: ['one', '644'], b: ['two', '644'] })
    expect(files({ configMap: { name: 'cfg', defaultMode: 0o600, items: [{ key: 'b', path: 'conf/b.txt' }, { key: 'a', path: 'a', mode: 0o400 }] } })).toEqual({
      'conf/b.txt': ['two', '600'],
      a: ['one', '400'],
    })
  })

  it('gives the kubelet SetUp errors for a missing object or key, unless optional', () => {
    expect(project({ configMap: { name: 'nope' } })).toEqual({ error: 'configmap "nope" not found' })
    expect(project({ secret: { secretName: 'nope' } })).toEqual({ error: 'secret "nope" not found' })
    expect(project({ configMap: { name: 'cfg', items: [{ key: 'zz', path: 'z' }] } })).toEqual({ error: 'configmap references non-existent config key: zz' })
    expect(project({ secret: { secretName: 'sec', items: [{ key: 'zz', path: 'z' }] } })).toEqual({ error: 'references non-existent secret key: zz' })
    expect(files({ configMap: { name: 'nope', optional: true } })).toEqual({})
    expect(files({ configMap: { name: 'cfg', optional: true, items: [{ key: 'zz', path: 'z' }, { key: 'a', path: 'a' }] } })).toEqual({ a: ['one', '644'] })
  })

  it('decodes a Secret and writes downward API fields as the kubelet formats them', () => {
    expect(files({ secret: { secretName: 'sec' } })).toEqual({ password: ['s3cret', '644'] })
    expect(
      files({ downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }, { path: 'ns', fieldRef: { fieldPath: 'metadata.namespace' } }, { path: 'tier', fieldRef: { fieldPath: "metadata.labels['tier']" } }] } }),
    ).toEqual({ labels: ['app="web"\ntier="front"', '644'], ns: ['default', '644'], tier: ['front', '644'] })
  })

  it('a projected volume joins its sources and aggregates their errors', () => {
    const out = files({ projected: { sources: [{ configMap: { name: 'cfg', items: [{ key: 'a', path: 'a' }] } }, { secret: { name: 'sec' } }, { serviceAccountToken: { path: 'token' } }] } })
    expect(Object.keys(out)).toEqual(['a', 'password', 'token'])
    expect(out.token[0]).toMatch(/^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/)
    expect(JSON.parse(atob(out.token[0].split('.')[1].replace(/-/g, '+').replace(/_/g, '/')))).toMatchObject({ sub: 'system:serviceaccount:default:default', iat: 1000, exp: 1000 + 3607 })
    expect(project({ projected: { sources: [{ configMap: { name: 'x' } }, { secret: { name: 'y' } }] } })).toEqual({ error: '[configmap "x" not found, secret "y" not found]' })
  })
})

describe('FileStore (what containers write to a writable volume)', () => {
  it('shows the latest write of each path, honours rm, and forgets superseded writes', () => {
    const store = new FileStore()
    store.add([{ path: 'f', content: 'one', fromMs: 100 }, { path: 'g', content: 'x', fromMs: 100, untilMs: 300 }], 0)
    store.add([{ path: 'f', content: 'two', fromMs: 200 }], 0)
    expect(store.filesAt(150)).toEqual(new Map([['f', 'one'], ['g', 'x']]))
    expect(store.filesAt(400)).toEqual(new Map([['f', 'two']]))
    expect(store.bytesAt(400)).toBe(3)
    // A restart loop writing one file keeps one entry, not one per run.
    for (let run = 0; run < 100; run++) store.add([{ path: 'f', content: `run ${run}`, fromMs: 1000 + run * 10 }], 1000 + run * 10)
    expect(store.filesAt(5000)).toEqual(new Map([['f', 'run 99']]))
    expect((store as unknown as { writes: unknown[] }).writes.length).toBeLessThanOrEqual(2)
  })
})

const events = (sim: ReturnType<typeof newSim>, reason: string) => sim.store.list<KubeEvent>('Event').filter((e) => e.reason === reason).map((e) => e.message)

const podWith = (name: string, node: string, containers: string, volumes: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  nodeName: ${node}
  containers:
${containers}
  volumes:
${volumes}
`
const container = (name: string, script: string, mounts: string) => `  - name: ${name}
    image: busybox:1.36
    command: ["sh", "-c", "${script}"]
    volumeMounts:
${mounts}`

describe('the kubelet mounts volumes', () => {
  it('a ConfigMap change reaches the files at the pod next sync, never subPath files or env', () => {
    const sim = newSim()
    apply(sim, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  k: v1\n')
    const mounts = '    - {name: c, mountPath: /etc/c}\n    - {name: c, mountPath: /etc/k.txt, subPath: k}\n    env:\n    - name: K\n      valueFrom: {configMapKeyRef: {name: cfg, key: k}}\n'
    apply(sim, podWith('app', 'worker-1', container('main', 'sleep 3600', mounts), '  - name: c\n    configMap: {name: cfg}'))
    sim.advance(10_000)
    const mountedAt = 0
    apply(sim, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  k: v2\n')
    const cat = (path: string) => kubectlShell(sim, `exec app -- cat ${path}`)
    expect(cat('/etc/c/k')).toBe('v1')
    sim.advance(mountedAt + VOLUME_SYNC_PERIOD_MS - 10_000 - 2_000)
    expect(cat('/etc/c/k')).toBe('v1')
    sim.advance(3_000)
    expect(cat('/etc/c/k')).toBe('v2')
    expect(cat('/etc/k.txt')).toBe('v1')
    expect(kubectlShell(sim, 'exec app -- printenv K')).toBe('v1\n')
  })

  it('new labels reach downward API files at the pod next sync; the token stays', () => {
    const sim = newSim()
    const volumes = '  - name: info\n    downwardAPI:\n      items:\n      - {path: labels, fieldRef: {fieldPath: metadata.labels}}'
    apply(sim, podWith('app', 'worker-1', container('main', 'sleep 3600', '    - {name: info, mountPath: /info}\n'), volumes))
    sim.advance(10_000)
    const token = kubectlShell(sim, 'exec app -- cat /var/run/secrets/kubernetes.io/serviceaccount/token')
    expect(kubectlShell(sim, 'exec app -- cat /info/labels')).toBe('')
    kubectl(sim, 'label pod app tier=web')
    expect(kubectlShell(sim, 'exec app -- cat /info/labels')).toBe('')
    sim.advance(VOLUME_SYNC_PERIOD_MS)
    expect(kubectlShell(sim, 'exec app -- cat /info/labels')).toBe('tier="web"')
    expect(kubectlShell(sim, 'exec app -- cat /var/run/secrets/kubernetes.io/serviceaccount/token')).toBe(token)
  })

  it('a pod whose Secret appears later starts; optional sources never block', () => {
    const sim = newSim()
    const volumes = '  - name: s\n    secret: {secretName: later}\n  - name: o\n    configMap: {name: absent, optional: true}'
    apply(sim, podWith('app', 'worker-1', container('main', 'sleep 3600', '    - {name: s, mountPath: /s}\n    - {name: o, mountPath: /o}\n'), volumes))
    sim.advance(25_000)
    expect(kubectl(sim, 'get pod app')).toMatch(/ContainerCreating/)
    expect(new Set(events(sim, 'FailedMount'))).toEqual(new Set(['MountVolume.SetUp failed for volume "s" : secret "later" not found']))
    apply(sim, 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: later\nstringData:\n  token: abc\n')
    sim.advance(12_000)
    expect(kubectl(sim, 'get pod app')).toMatch(/1\/1\s+Running/)
    expect(kubectlShell(sim, 'exec app -- ls /o /s')).toBe('/o:\n\n/s:\ntoken\n')
  })

  it('an emptyDir is shared by the pod containers, survives a restart, and goes with the pod', () => {
    const sim = newSim()
    const writer = container('writer', 'echo hi > /cache/msg; sleep 5; exit 1', '    - {name: scratch, mountPath: /cache}\n')
    const reader = container('reader', 'sleep 3600', '    - {name: scratch, mountPath: /data}\n')
    const yaml = podWith('pair', 'worker-1', writer + reader, '  - name: scratch\n    emptyDir: {medium: Memory}')
    apply(sim, yaml)
    sim.advance(3_000)
    expect(kubectlShell(sim, 'exec pair -c reader -- cat /data/msg')).toBe('hi\n')
    expect(sim.kubelets.get('worker-1')!.volumes.memoryBackedEmptyDirBytes(sim.store.get<Pod>('Pod', 'default', 'pair')!)).toBe(3)
    sim.advance(30_000)
    expect(kubectl(sim, 'get pod pair')).toMatch(/pair\s+\S+\s+\S+\s+[1-9]/)
    expect(kubectlShell(sim, 'exec pair -c reader -- ls /data')).toBe('msg\n')
    kubectl(sim, 'delete pod pair --grace-period=0 --force')
    sim.advance(2_000)
    apply(sim, podWith('pair', 'worker-1', container('reader', 'sleep 3600', '    - {name: scratch, mountPath: /data}\n'), '  - name: scratch\n    emptyDir: {}'))
    sim.advance(5_000)
    expect(kubectlShell(sim, 'exec pair -- ls /data')).toBe('')
  })

  it('a hostPath is the node own folder: pods on the same node share it, others do not', () => {
    const sim = newSim()
    const volume = '  - name: host\n    hostPath: {path: /var/lib/demo}'
    apply(sim, podWith('a', 'worker-1', container('main', 'echo from-a > /mnt/host/note; sleep 3600', '    - {name: host, mountPath: /mnt/host}\n'), volume))
    apply(sim, podWith('b', 'worker-1', container('main', 'sleep 3600', '    - {name: host, mountPath: /h}\n'), volume))
    apply(sim, podWith('c', 'worker-2', container('main', 'sleep 3600', '    - {name: host, mountPath: /h}\n'), volume))
    sim.advance(5_000)
    expect(kubectlShell(sim, 'exec b -- cat /h/note')).toBe('from-a\n')
    expect(kubectlShell(sim, 'exec c -- ls /h')).toBe('')
  })

  it('a persistentVolumeClaim volume waits for its claim to be Bound, and its files outlive the pod', () => {
    const sim = newSim()
    const volume = '  - name: data\n    persistentVolumeClaim: {claimName: data}'
    apply(sim, podWith('db', 'worker-1', container('main', 'echo row > /var/db/table; sleep 3600', '    - {name: data, mountPath: /var/db}\n'), volume))
    sim.advance(12_000)
    expect(kubectl(sim, 'get pod db')).toMatch(/ContainerCreating/)
    expect(events(sim, 'FailedMount')).toContain(
      'Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[], failed to process volumes=[data]: error processing PVC default/data: failed to fetch PVC from API server: persistentvolumeclaims "data" not found',
    )
    apply(sim, 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  storageClassName: ""\n  resources:\n    requests: {storage: 1Gi}\n')
    sim.advance(10_000)
    expect(events(sim, 'FailedMount')).toContain('Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[], failed to process volumes=[data]: error processing PVC default/data: PVC is not bound')
    expect(kubectl(sim, 'get pod db')).toMatch(/ContainerCreating/)
    // A matching volume appears: the PV controller binds the claim to it.
    apply(sim, 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv-1\nspec:\n  capacity: {storage: 1Gi}\n  accessModes: [ReadWriteOnce]\n  storageClassName: ""\n  hostPath: {path: /mnt/data}\n')
    sim.advance(12_000)
    expect(kubectl(sim, 'get pod db')).toMatch(/1\/1\s+Running/)
    kubectl(sim, 'delete pod db --grace-period=0 --force')
    sim.advance(1_000)
    apply(sim, podWith('db', 'worker-2', container('main', 'sleep 3600', '    - {name: data, mountPath: /restore}\n'), volume))
    sim.advance(5_000)
    expect(kubectlShell(sim, 'exec db -- cat /restore/table')).toBe('row\n')
  })

  it('immutable ConfigMaps and Secrets refuse data changes with the API server message', () => {
    const sim = newSim()
    apply(sim, 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nimmutable: true\nstringData:\n  k: v\n')
    expect(apply(sim, 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nimmutable: true\nstringData:\n  k: w\n').join('\n')).toContain(
      'The Secret "s" is invalid: data: Forbidden: field is immutable when `immutable` is set',
    )
    apply(sim, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nimmutable: true\ndata:\n  k: v\n')
    expect(kubectlShell(sim, `patch configmap c -p '{"immutable":false,"data":{"k":"w"}}'`)).toBe(
      'The ConfigMap "c" is invalid: \n* immutable: Forbidden: field is immutable when `immutable` is set\n* data: Forbidden: field is immutable when `immutable` is set\n',
    )
    expect(kubectlShell(sim, 'label configmap c a=b')).toBe('configmap/c labeled\n')
  })
})
