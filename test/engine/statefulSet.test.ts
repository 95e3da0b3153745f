import { describe, expect, it } from 'vitest'
import type { ControllerRevision, PersistentVolumeClaim, Pod, StatefulSet } from '../../src/engine/api/types.ts'
import type { Simulation } from '../../src/engine/simulation.ts'
import { apply, kubectl, newSim, pods } from '../helpers.ts'

const statefulSetYaml = (opts: { replicas?: number; policy?: string; partition?: number; claims?: boolean; podExtra?: string; image?: string } = {}) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: ${opts.replicas ?? 3}
${opts.policy ? `  podManagementPolicy: ${opts.policy}\n` : ''}${opts.partition !== undefined ? `  updateStrategy:\n    rollingUpdate:\n      partition: ${opts.partition}\n` : ''}  selector:
    matchLabels: {app: nginx}
  template:
    metadata:
      labels: {app: nginx}
    spec:
      containers:
      - name: nginx
        image: ${opts.image ?? 'nginx:1.27'}
${opts.podExtra ?? ''}${
  opts.claims
    ? `        volumeMounts:
        - name: data
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 1Gi
`
    : ''
}`

const live = (sim: Simulation) => pods(sim).filter((p) => !p.metadata.deletionTimestamp)
const names = (list: Pod[]) => list.map((p) => p.metadata.name).sort()
const isReady = (p: Pod) => p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false
const sts = (sim: Simulation) => sim.store.get<StatefulSet>('StatefulSet', 'default', 'web')!

describe('StatefulSets', () => {
  it('OrderedReady creates web-0, web-1, web-2 one at a time, each after the previous is Running and Ready', () => {
    const sim = newSim()
    // A readiness probe that passes only after 10s holds each next pod back.
    apply(sim, statefulSetYaml({ podExtra: '        readinessProbe:\n          httpGet: {path: /, port: 80}\n          initialDelaySeconds: 10\n' }))
    expect(names(pods(sim))).toEqual(['web-0'])
    sim.advance(8_000)
    expect(pods(sim)[0].status.phase).toBe('Running')
    expect(isReady(pods(sim)[0])).toBe(false)
    expect(names(pods(sim))).toEqual(['web-0'])
    const order: string[] = []
    for (let i = 0; i < 1200 && order.length < 3; i++) {
      sim.advance(100)
      for (const p of pods(sim)) {
        if (order.includes(p.metadata.name)) continue
        // A pod appears only when every lower ordinal is Running and Ready.
        for (const prev of order) expect(isReady(sim.store.get<Pod>('Pod', 'default', prev)!)).toBe(true)
        order.push(p.metadata.name)
      }
    }
    expect(order).toEqual(['web-0', 'web-1', 'web-2'])
    const web1 = sim.store.get<Pod>('Pod', 'default', 'web-1')!
    expect(web1.spec.hostname).toBe('web-1')
    expect(web1.spec.subdomain).toBe('nginx')
    expect(web1.metadata.labels).toMatchObject({ app: 'nginx', 'statefulset.kubernetes.io/pod-name': 'web-1', 'apps.kubernetes.io/pod-index': '1' })
    expect(web1.metadata.labels?.['controller-revision-hash']).toBe(sts(sim).status.updateRevision)
    expect(web1.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: sts(sim).metadata.uid, controller: true, blockOwnerDeletion: true }])
  })

  it('Parallel creates every pod at once', () => {
    const sim = newSim()
    apply(sim, statefulSetYaml({ policy: 'Parallel' }))
    expect(names(pods(sim))).toEqual(['web-0', 'web-1', 'web-2'])
  })

  it('scales down from the highest ordinal, one pod at a time', () => {
    const sim = newSim()
    apply(sim, statefulSetYaml({ replicas: 4 }))
    kubectl(sim, 'rollout status sts/web')
    expect(kubectl(sim, 'scale sts web --replicas=1')).toBe('statefulset.apps/web scaled\n')
    const terminating = () => names(pods(sim).filter((p) => p.metadata.deletionTimestamp))
    expect(terminating()).toEqual(['web-3'])
    const seen: string[] = []
    for (let i = 0; i < 300 && pods(sim).length > 1; i++) {
      sim.advance(100)
      const t = terminating()
      expect(t.length).toBeLessThanOrEqual(1)
      if (t[0] && !seen.includes(t[0])) seen.push(t[0])
    }
    expect(seen).toEqual(['web-3', 'web-2', 'web-1'])
    expect(names(pods(sim))).toEqual(['web-0'])
    expect(kubectl(sim, 'get sts')).toMatch(/^NAME\s+READY\s+AGE\nweb\s+1\/1\s+\S+\n$/)
  })

  it('brings a deleted pod back under the same name', () => {
    const sim = newSim()
    apply(sim, statefulSetYaml())
    kubectl(sim, 'rollout status sts/web')
    const uid = sim.store.get<Pod>('Pod', 'default', 'web-1')!.metadata.uid
    kubectl(sim, 'delete pod web-1')
    sim.advance(30_000)
    const back = sim.store.get<Pod>('Pod', 'default', 'web-1')!
    expect(back.metadata.uid).not.toBe(uid)
    expect(isReady(back)).toBe(true)
    expect(names(live(sim))).toEqual(['web-0', 'web-1', 'web-2'])
  })

  it('rolls a new template out from the highest ordinal down to the partition, with ControllerRevisions', () => {
    const sim = newSim()
    apply(sim, statefulSetYaml({ partition: 1 }))
    kubectl(sim, 'rollout status sts/web')
    const first = sts(sim).status.currentRevision!
    expect(kubectl(sim, 'set image sts/web nginx=nginx:1.28')).toBe('statefulset.apps/web image updated\n')
    const out = kubectl(sim, 'rollout status sts/web')
    expect(out.split('\n')[0]).toBe('Waiting for partitioned roll out to finish: 0 out of 2 new pods have been updated...')
    expect(out).toMatch(/partitioned roll out complete: 2 new pods have been updated\.\.\.\n$/)
    const image = (name: string) => sim.store.get<Pod>('Pod', 'default', name)!.spec.containers[0].image
    expect([image('web-0'), image('web-1'), image('web-2')]).toEqual(['nginx:1.27', 'nginx:1.28', 'nginx:1.28'])
    const s = sts(sim).status
    expect(s).toMatchObject({ replicas: 3, readyReplicas: 3, currentReplicas: 1, updatedReplicas: 2, currentRevision: first, collisionCount: 0, observedGeneration: 2 })
    expect(s.updateRevision).not.toBe(first)
    const revisions = sim.store.list<ControllerRevision>('ControllerRevision', 'default')
    expect(revisions.map((r) => [r.metadata.name, r.revision]).sort()).toEqual([[first, 1], [s.updateRevision, 2]].sort())
    expect(kubectl(sim, 'get controllerrevisions')).toMatch(/^NAME\s+CONTROLLER\s+REVISION\s+AGE\n/)
    expect(kubectl(sim, 'get controllerrevisions')).toContain('statefulset.apps/web')

    // Below the partition a re-created pod keeps the current revision's template.
    kubectl(sim, 'delete pod web-0')
    sim.advance(30_000)
    expect(image('web-0')).toBe('nginx:1.27')

    // Partition 0 finishes the rollout: currentRevision catches up.
    apply(sim, statefulSetYaml({ partition: 0, image: 'nginx:1.28' }))
    kubectl(sim, 'rollout status sts/web')
    expect(image('web-0')).toBe('nginx:1.28')
    expect(sts(sim).status).toMatchObject({ currentReplicas: 3, updatedReplicas: 3, currentRevision: s.updateRevision })
  })

  it('creates claims from volumeClaimTemplates before the pods; each binds to a volume provisioned on its pod\'s node, and outlives the StatefulSet', () => {
    const sim = newSim()
    apply(sim, statefulSetYaml({ claims: true }))
    sim.advance(1_000)
    // OrderedReady waits on web-0, which waits in the scheduler for its claim's volume.
    expect(names(pods(sim))).toEqual(['web-0'])
    expect(pods(sim)[0].spec.nodeName).toBeUndefined()
    const claim = sim.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'data-web-0')!
    expect(claim.metadata.labels).toEqual({ app: 'nginx' })
    expect(claim.metadata.ownerReferences).toBeUndefined()
    expect(claim.spec).toMatchObject({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem', storageClassName: 'standard' })
    const pod = pods(sim)[0]
    expect(pod.spec.volumes?.[0]).toEqual({ name: 'data', persistentVolumeClaim: { claimName: 'data-web-0' } })
    kubectl(sim, 'rollout status sts/web')
    expect(names(pods(sim))).toEqual(['web-0', 'web-1', 'web-2'])
    for (const p of pods(sim)) {
      const bound = sim.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', `data-${p.metadata.name}`)!
      expect(bound.status.phase).toBe('Bound')
      // local-path volumes live on the node the pod was scheduled to.
      expect(sim.store.get('PersistentVolume', undefined, bound.spec.volumeName!)!.metadata.annotations?.['local.path.provisioner/selected-node']).toBe(p.spec.nodeName)
    }
    expect(kubectl(sim, 'get pvc').split('\n')[0]).toBe('NAME         STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE')
    const events = kubectl(sim, 'describe sts web').split('Events:')[1]
    expect(events).toMatch(/Normal {2}SuccessfulCreate {2}\S+ +statefulset-controller {2}create Claim data-web-0 Pod web-0 in StatefulSet web success\n/)

    kubectl(sim, 'delete sts web')
    sim.advance(40_000)
    expect(pods(sim)).toEqual([])
    expect(sim.store.list<PersistentVolumeClaim>('PersistentVolumeClaim', 'default').map((c) => [c.metadata.name, c.status.phase])).toEqual([
      ['data-web-0', 'Bound'],
      ['data-web-1', 'Bound'],
      ['data-web-2', 'Bound'],
    ])
  })

  it('says which claim is missing when a pod names one that does not exist, and schedules it once it is bound', () => {
    const sim = newSim()
    apply(sim, `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: main
    image: nginx:1.27
  volumes:
  - name: data
    persistentVolumeClaim: {claimName: data-web-0}
`)
    const message = () => sim.store.get<Pod>('Pod', 'default', 'app')!.status.conditions?.find((c) => c.type === 'PodScheduled')?.message
    sim.advance(1_000)
    expect(message()).toBe('0/4 nodes are available: persistentvolumeclaim "data-web-0" not found. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.')
    // No class (""): the claim binds at once to a static volume, if one fits.
    apply(sim, 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data-web-0\nspec:\n  storageClassName: ""\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n')
    sim.advance(2_000)
    expect(message()).toBe('0/4 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.')
    apply(sim, 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv-1\nspec:\n  capacity: {storage: 2Gi}\n  accessModes: [ReadWriteOnce]\n  hostPath: {path: /mnt/data}\n')
    // The PV controller's next resync (15 s) binds the claim; the claim's change requeues the pod.
    sim.advance(16_000)
    expect(sim.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'data-web-0')!.spec.volumeName).toBe('pv-1')
    expect(sim.store.get<Pod>('Pod', 'default', 'app')!.spec.nodeName).toBeTruthy()
  })

  it('prints kubectl get, describe and rollout status as kubectl does', () => {
    const sim = newSim()
    apply(sim, statefulSetYaml())
    expect(kubectl(sim, 'rollout status sts/web')).toBe(
      'Waiting for 3 pods to be ready...\nWaiting for 2 pods to be ready...\nWaiting for 1 pods to be ready...\npartitioned roll out complete: 3 new pods have been updated...\n',
    )
    expect(kubectl(sim, 'get sts -o wide')).toBe('NAME   READY   AGE   CONTAINERS   IMAGES\nweb    3/3     10s   nginx        nginx:1.27\n')
    expect(kubectl(sim, 'describe sts web')).toBe(`Name:                   web
Namespace:              default
CreationTimestamp:      Mon, 05 Jan 2026 09:00:00 +0000
Selector:               app=nginx
Labels:                 <none>
Annotations:            <none>
Service Name:           nginx
Pod Management Policy:  OrderedReady
Replicas:               3 desired | 3 total
Update Strategy:        RollingUpdate
  Partition:            0
Persistent Volume Claim Retention Policy:
  WhenDeleted:  Retain
  WhenScaled:   Retain
Pods Status:    3 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=nginx
  Containers:
   nginx:
    Image:         nginx:1.27
    Port:          <none>
    Host Port:     <none>
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Volume Claims:     <none>
Events:
  Type    Reason            Age   From                    Message
  ----    ------            ----  ----                    -------
  Normal  SuccessfulCreate  10s   statefulset-controller  create Pod web-0 in StatefulSet web successful
  Normal  SuccessfulCreate  7s    statefulset-controller  create Pod web-1 in StatefulSet web successful
  Normal  SuccessfulCreate  4s    statefulset-controller  create Pod web-2 in StatefulSet web successful
`)
  })

  it('validates as the API server does', () => {
    const sim = newSim()
    const noSelector = statefulSetYaml().replace('  selector:\n    matchLabels: {app: nginx}\n', '')
    expect(apply(sim, noSelector)).toEqual([
      'The StatefulSet "web" is invalid: \n* spec.selector: Required value\n* spec.template.metadata.labels: Invalid value: {"app":"nginx"}: `selector` does not match template `labels`',
    ])
    expect(apply(sim, statefulSetYaml({ podExtra: '      restartPolicy: Never\n' }))).toEqual([
      'The StatefulSet "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ])
    expect(kubectl(sim, 'get sts')).toBe('No resources found in default namespace.\n')
    apply(sim, statefulSetYaml())
    expect(() =>
      sim.ctx.api.mutate<StatefulSet>('StatefulSet', 'default', 'web', (s) => {
        s.spec.serviceName = 'other'
      }),
    ).toThrow(
      "The StatefulSet \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    )
    // Replicas, template and update strategy may change.
    sim.ctx.api.mutate<StatefulSet>('StatefulSet', 'default', 'web', (s) => {
      s.spec.replicas = 5
      s.spec.updateStrategy = { type: 'OnDelete' }
    })
    expect(sts(sim).spec.updateStrategy).toEqual({ type: 'OnDelete' })
    expect(kubectl(sim, 'rollout status sts/web')).toBe('error: rollout status is only available for RollingUpdate strategy type\n')
  })

  it('fills in the API defaults', () => {
    const sim = newSim()
    apply(sim, statefulSetYaml().replace('  replicas: 3\n', ''))
    expect(sts(sim).spec).toMatchObject({
      replicas: 1,
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      revisionHistoryLimit: 10,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    })
    expect(sts(sim).spec.template.spec).toMatchObject({ restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler' })
  })
})
