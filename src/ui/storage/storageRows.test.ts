import { describe, expect, it } from 'vitest'
import { apply, kubectl, newSim } from '../../../test/helpers.ts'
import { objectKeyOf, useCluster, type ClusterState } from '../store/clusterStore.ts'
import { statefulSetClaims } from '../canvas/statefulSetClaims.ts'
import { claimKeys, claimView, classKeys, classView, unclaimedVolumeKeys, volumeView } from './storageRows.ts'
import { configKeys, configView } from './configRows.ts'

type Sim = ReturnType<typeof newSim>

/** The UI's mirror of the simulation, as the worker's patch batches would fill it. */
function mirror(sim: Sim, namespace: string | null = 'default'): ClusterState {
  const objects: ClusterState['objects'] = {}
  for (const obj of sim.store.all()) (objects[obj.kind] ??= {})[objectKeyOf(obj)] = obj
  return { ...useCluster.getState(), objects, time: sim.now, namespace }
}

const STS = `apiVersion: apps/v1
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

const claim = (name: string, extra = '') => `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: ${name}}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 2Gi}}${extra}`

describe('storage rows', () => {
  it('a StatefulSet’s claims: Bound to provisioned volumes of the default class, each used by its ordinal, in ordinal order', () => {
    const sim = newSim()
    apply(sim, STS)
    sim.advance(60_000)
    const s = mirror(sim)
    expect(claimKeys(s)).toEqual(['PersistentVolumeClaim/default/data-web-0', 'PersistentVolumeClaim/default/data-web-1', 'PersistentVolumeClaim/default/data-web-2'])
    const v = claimView(s, 'PersistentVolumeClaim/default/data-web-1')!
    expect(v).toMatchObject({ phase: 'Bound', capacity: '1Gi', accessModes: 'RWO', storageClass: 'standard', classKey: 'StorageClass//standard', volumePhase: 'Bound', reclaimPolicy: 'Delete', pods: 'web-1', waiting: '' })
    expect(v.volumeKey).toBe(`PersistentVolume//${v.volume}`)
    expect(v.label).toBe(`PersistentVolumeClaim data-web-1, Bound: 1Gi RWO, volume ${v.volume}, class standard, used by web-1`)
    expect(unclaimedVolumeKeys(s)).toEqual([])
    expect(classKeys(s).map((k) => classView(s, k)!.label)).toEqual(['StorageClass standard (default): provisioner rancher.io/local-path, reclaim policy Delete, binding WaitForFirstConsumer'])

    // Scaled down, the claims stay: every ordinal keeps its claim.
    kubectl(sim, 'scale sts web --replicas=1')
    sim.advance(60_000)
    expect(statefulSetClaims(mirror(sim), 'default', 'web', ['data'])).toEqual(['0\tdata-web-0\tBound', '1\tdata-web-1\tBound', '2\tdata-web-2\tBound'])
    expect(claimView(mirror(sim), 'PersistentVolumeClaim/default/data-web-2')!.pods).toBe('')
  })

  it('why a claim is Pending: no consumer yet, a pod not scheduled, a class that does not exist', () => {
    const sim = newSim()
    apply(sim, claim('lonely'))
    apply(sim, claim('ghost', '\n  storageClassName: fast'))
    sim.advance(5_000)
    let s = mirror(sim)
    expect(claimView(s, 'PersistentVolumeClaim/default/lonely')).toMatchObject({ phase: 'Pending', waiting: 'waiting for first consumer to be created before binding', volume: '', pods: '' })
    expect(claimView(s, 'PersistentVolumeClaim/default/ghost')).toMatchObject({ phase: 'Pending', waiting: 'storageclass.storage.k8s.io "fast" not found', classKey: '' })

    // A consumer the scheduler cannot place: the claim waits for it.
    apply(
      sim,
      `apiVersion: v1
kind: Pod
metadata: {name: user}
spec:
  nodeSelector: {disk: none}
  containers: [{name: c, image: nginx:1.27, volumeMounts: [{name: d, mountPath: /d}]}]
  volumes: [{name: d, persistentVolumeClaim: {claimName: lonely}}]`,
    )
    sim.advance(5_000)
    s = mirror(sim)
    expect(claimView(s, 'PersistentVolumeClaim/default/lonely')).toMatchObject({ phase: 'Pending', waiting: 'waiting for pod user to be scheduled', pods: 'user' })
  })

  it('a Retain volume whose claim is deleted is Released, listed without a claim', () => {
    const sim = newSim()
    apply(
      sim,
      `apiVersion: v1
kind: PersistentVolume
metadata: {name: keep}
spec:
  capacity: {storage: 5Gi}
  accessModes: [ReadWriteOnce]
  persistentVolumeReclaimPolicy: Retain
  hostPath: {path: /data/keep}
---
${claim('mine', '\n  storageClassName: ""\n  volumeName: keep')}`,
    )
    sim.advance(5_000)
    expect(claimView(mirror(sim), 'PersistentVolumeClaim/default/mine')).toMatchObject({ phase: 'Bound', volume: 'keep', reclaimPolicy: 'Retain', capacity: '5Gi' })
    kubectl(sim, 'delete pvc mine')
    sim.advance(5_000)
    const s = mirror(sim)
    expect(unclaimedVolumeKeys(s)).toEqual(['PersistentVolume//keep'])
    expect(volumeView(s, 'PersistentVolume//keep')!.label).toBe('PersistentVolume keep, Released: 5Gi RWO, reclaim policy Retain, was bound to default/mine')
  })
})

describe('config rows', () => {
  it('ConfigMaps and Secrets with the pods that use them, how, and the missing ones first', () => {
    const sim = newSim()
    kubectl(sim, 'create configmap settings --from-literal=a=1 --from-literal=b=2')
    apply(
      sim,
      `apiVersion: v1
kind: Pod
metadata: {name: app}
spec:
  containers:
  - name: c
    image: nginx:1.27
    env: [{name: A, valueFrom: {configMapKeyRef: {name: settings, key: a}}}]
    envFrom: [{secretRef: {name: creds}}, {configMapRef: {name: extra, optional: true}}]
    volumeMounts: [{name: s, mountPath: /s}]
  volumes: [{name: s, configMap: {name: settings}}]`,
    )
    sim.advance(5_000)
    const s = mirror(sim)
    expect(configKeys(s)).toEqual(['ConfigMap/default/extra', 'Secret/default/creds', 'ConfigMap/default/kube-root-ca.crt', 'ConfigMap/default/settings'])
    expect(configView(s, 'Secret/default/creds')).toMatchObject({ exists: false, blocking: true, users: 'app:envFrom:required', label: 'Secret creds, missing, used by app' })
    expect(configView(s, 'ConfigMap/default/extra')).toMatchObject({ exists: false, blocking: false, users: 'app:envFrom:optional' })
    expect(configView(s, 'ConfigMap/default/settings')).toMatchObject({ exists: true, keys: 2, users: 'app:env:required app:volume:required', label: 'ConfigMap settings, 2 keys, used by app' })
    // The service account token's projected volume reads the namespace's CA bundle.
    expect(configView(s, 'ConfigMap/default/kube-root-ca.crt').users).toBe('app:volume:required')
  })
})
