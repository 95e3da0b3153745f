import { describe, expect, it } from 'vitest'
import type { KubeEvent, PersistentVolumeClaim, Pod } from '../../../src/engine/api/types.ts'
import type { Simulation } from '../../../src/engine/simulation.ts'
import type { PersistentVolume } from '../../../src/engine/storage/volumeTypes.ts'
import { apply, kubectl, newSim } from '../../helpers.ts'

const claimYaml = (name: string, extra = '', storage = '1Gi', modes = '[ReadWriteOnce]') =>
  `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${name}\nspec:\n  accessModes: ${modes}\n  resources: {requests: {storage: ${storage}}}\n${extra}`
const volumeYaml = (name: string, storage: string, extra = '') =>
  `apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: ${name}\nspec:\n  capacity: {storage: ${storage}}\n  accessModes: [ReadWriteOnce]\n  hostPath: {path: /mnt/${name}}\n${extra}`
const podYaml = (name: string, claim: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n  volumes:\n  - name: data\n    persistentVolumeClaim: {claimName: ${claim}}\n`

const claim = (sim: Simulation, name: string) => sim.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', name)
const volume = (sim: Simulation, name: string) => sim.store.get<PersistentVolume>('PersistentVolume', undefined, name)
const pod = (sim: Simulation, name: string) => sim.store.get<Pod>('Pod', 'default', name)
const scheduledMessage = (sim: Simulation, name: string) => pod(sim, name)?.status.conditions?.find((c) => c.type === 'PodScheduled')?.message
const eventsOf = (sim: Simulation, name: string) =>
  sim.store
    .list<KubeEvent>('Event', 'default')
    .filter((e) => e.involvedObject.name === name)
    .map((e) => `${e.type} ${e.reason} ${e.message}`)

describe('the default StorageClass and DefaultStorageClass admission', () => {
  it('installs kind\'s `standard` class, gives it to claims that name none, and leaves an explicit "" alone', () => {
    const sim = newSim()
    expect(kubectl(sim, 'get sc')).toBe(
      'NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE\nstandard (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  0s\n',
    )
    apply(sim, claimYaml('plain'))
    apply(sim, claimYaml('none', '  storageClassName: ""\n'))
    expect(claim(sim, 'plain')!.spec.storageClassName).toBe('standard')
    expect(claim(sim, 'none')!.spec.storageClassName).toBe('')
    expect(claim(sim, 'plain')!.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection'])
  })
})

describe('binding modes', () => {
  it('WaitForFirstConsumer: the claim waits for a pod, then is provisioned on the pod\'s node and bound before the pod is', () => {
    const sim = newSim()
    apply(sim, claimYaml('data'))
    sim.advance(5_000)
    expect(claim(sim, 'data')!.status.phase).toBe('Pending')
    expect(eventsOf(sim, 'data')).toEqual(['Normal WaitForFirstConsumer waiting for first consumer to be created before binding'])
    expect(sim.store.list('PersistentVolume')).toEqual([])

    apply(sim, podYaml('app', 'data'))
    sim.advance(1_000)
    // Scheduled in the scheduler's mind: the claim has the node, the pod does not yet.
    expect(claim(sim, 'data')!.metadata.annotations?.['volume.kubernetes.io/selected-node']).toMatch(/^worker-/)
    expect(pod(sim, 'app')!.spec.nodeName).toBeUndefined()
    sim.advance(3_000)
    const bound = claim(sim, 'data')!
    expect(bound.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } })
    const pv = volume(sim, bound.spec.volumeName!)!
    expect(pv.metadata.name).toBe(`pvc-${bound.metadata.uid}`)
    expect(pv.spec.nodeAffinity?.required?.nodeSelectorTerms?.[0].matchExpressions?.[0].values).toEqual([pod(sim, 'app')!.spec.nodeName])
    expect(pv.status.phase).toBe('Bound')
    expect(pv.spec.persistentVolumeReclaimPolicy).toBe('Delete')
    expect(eventsOf(sim, 'data').map((e) => e.split(' ').slice(0, 2).join(' '))).toEqual([
      'Normal WaitForFirstConsumer',
      'Normal ExternalProvisioning',
      'Normal Provisioning',
      'Normal ProvisioningSucceeded',
    ])
    expect(pod(sim, 'app')!.spec.nodeName).toBe(pv.metadata.annotations?.['local.path.provisioner/selected-node'])
  })

  it('two pods sharing a claim that waits for its first consumer end on the node its volume was provisioned for', () => {
    const sim = newSim()
    apply(sim, claimYaml('shared'))
    apply(sim, podYaml('one', 'shared'))
    apply(sim, podYaml('two', 'shared'))
    sim.advance(10_000)
    const node = claim(sim, 'shared')!.metadata.annotations?.['volume.kubernetes.io/selected-node']
    expect(claim(sim, 'shared')!.status.phase).toBe('Bound')
    expect([pod(sim, 'one')!.spec.nodeName, pod(sim, 'two')!.spec.nodeName]).toEqual([node, node])
  })

  it('Immediate: a static volume binds at once; without a class and without a volume the claim waits with FailedBinding', () => {
    const sim = newSim()
    apply(sim, volumeYaml('pv1', '2Gi'))
    apply(sim, claimYaml('first', '  storageClassName: ""\n'))
    apply(sim, claimYaml('second', '  storageClassName: ""\n'))
    sim.advance(1_000)
    expect(claim(sim, 'first')!.spec.volumeName).toBe('pv1')
    expect(volume(sim, 'pv1')!.spec.claimRef).toMatchObject({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'first', uid: claim(sim, 'first')!.metadata.uid })
    expect(volume(sim, 'pv1')!.metadata.annotations).toMatchObject({ 'pv.kubernetes.io/bound-by-controller': 'yes' })
    expect(claim(sim, 'first')!.metadata.annotations).toMatchObject({ 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' })
    expect(claim(sim, 'second')!.status.phase).toBe('Pending')
    expect(eventsOf(sim, 'second')).toEqual(['Normal FailedBinding no persistent volumes available for this claim and no storage class is set'])
    // A volume made later is found by the controller's next resync.
    apply(sim, volumeYaml('pv2', '1Gi'))
    sim.advance(15_000)
    expect(claim(sim, 'second')!.spec.volumeName).toBe('pv2')
  })

  it('an Immediate local-path class cannot provision without a node, and a class that does not exist fails at once', () => {
    const sim = newSim()
    apply(sim, 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: now\nprovisioner: rancher.io/local-path\n')
    apply(sim, claimYaml('early', '  storageClassName: now\n'))
    apply(sim, claimYaml('ghost', '  storageClassName: ghost\n'))
    sim.advance(1_000)
    expect(eventsOf(sim, 'early')).toContain('Warning ProvisioningFailed failed to provision volume with StorageClass "now": configuration error, no node was specified')
    expect(eventsOf(sim, 'ghost')).toEqual(['Warning ProvisioningFailed storageclass.storage.k8s.io "ghost" not found'])
  })
})

describe('reclaim policies and phases', () => {
  it('Retain: the volume is Released with its claimRef once the claim goes, and no new claim binds it', () => {
    const sim = newSim()
    apply(sim, volumeYaml('kept', '1Gi'))
    apply(sim, claimYaml('a', '  storageClassName: ""\n'))
    sim.advance(1_000)
    expect(volume(sim, 'kept')!.status.phase).toBe('Bound')
    kubectl(sim, 'delete pvc a')
    sim.advance(1_000)
    expect(volume(sim, 'kept')!.status.phase).toBe('Released')
    expect(volume(sim, 'kept')!.spec.claimRef?.name).toBe('a')
    apply(sim, claimYaml('b', '  storageClassName: ""\n'))
    sim.advance(20_000)
    expect(claim(sim, 'b')!.status.phase).toBe('Pending')
  })

  it('Delete: a provisioned volume goes with its claim; a static hostPath outside /tmp cannot be deleted and Fails', () => {
    const sim = newSim()
    apply(sim, claimYaml('dyn'))
    apply(sim, podYaml('app', 'dyn'))
    sim.advance(10_000)
    const name = claim(sim, 'dyn')!.spec.volumeName!
    kubectl(sim, 'delete pod app --grace-period=0 --force')
    kubectl(sim, 'delete pvc dyn')
    sim.advance(5_000)
    expect(volume(sim, name)).toBeUndefined()

    apply(sim, volumeYaml('tmp', '1Gi', '  persistentVolumeReclaimPolicy: Delete\n').replace('/mnt/tmp', '/tmp/data'))
    apply(sim, volumeYaml('mnt', '1Gi', '  persistentVolumeReclaimPolicy: Delete\n'))
    apply(sim, claimYaml('t', '  storageClassName: ""\n  volumeName: tmp\n'))
    apply(sim, claimYaml('m', '  storageClassName: ""\n  volumeName: mnt\n'))
    sim.advance(1_000)
    kubectl(sim, 'delete pvc t m')
    sim.advance(1_000)
    expect(volume(sim, 'tmp')).toBeUndefined()
    expect(volume(sim, 'mnt')!.status).toMatchObject({ phase: 'Failed', message: 'host_path deleter only supports /tmp/.+ but received provided /mnt/mnt' })
    expect(eventsOf(sim, 'mnt')).toEqual(['Warning VolumeFailedDelete host_path deleter only supports /tmp/.+ but received provided /mnt/mnt'])
  })

  it('a claim whose volume is deleted is Lost', () => {
    const sim = newSim()
    apply(sim, volumeYaml('pv1', '1Gi'))
    apply(sim, claimYaml('a', '  storageClassName: ""\n'))
    sim.advance(1_000)
    kubectl(sim, 'delete pv pv1 --wait=false')
    sim.advance(1_000)
    // pv-protection keeps a Bound volume.
    expect(volume(sim, 'pv1')!.metadata.deletionTimestamp).toBeDefined()
    expect(kubectl(sim, 'get pv pv1')).toContain('Terminating')
    sim.ctx.api.mutate<PersistentVolume>('PersistentVolume', undefined, 'pv1', (v) => {
      v.metadata.finalizers = []
    })
    sim.advance(1_000)
    expect(claim(sim, 'a')!.status.phase).toBe('Lost')
    // pv_controller's text for a claim whose volume is gone ("lost reference" is for an emptied spec.volumeName).
    expect(eventsOf(sim, 'a')).toContain('Warning ClaimLost Bound claim has lost its PersistentVolume. Data on the volume is lost!')
  })

  it('a bound claim whose spec.volumeName is emptied has lost reference to its volume', () => {
    const sim = newSim({ workers: 1 })
    apply(sim, volumeYaml('pv1', '1Gi'))
    apply(sim, claimYaml('a', '  storageClassName: ""\n'))
    sim.advance(1_000)
    sim.ctx.api.mutate<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'a', (c) => {
      c.spec.volumeName = ''
    })
    sim.advance(1_000)
    expect(eventsOf(sim, 'a')).toContain('Warning ClaimLost Bound claim has lost reference to PersistentVolume. Data on the volume is lost!')
  })
})

describe('protection finalizers', () => {
  it('a claim in use stays Terminating until its pod is gone; its volume goes after it', () => {
    const sim = newSim()
    apply(sim, claimYaml('data'))
    apply(sim, podYaml('app', 'data'))
    sim.advance(10_000)
    const pvName = claim(sim, 'data')!.spec.volumeName!
    kubectl(sim, 'delete pvc data --wait=false')
    sim.advance(5_000)
    expect(kubectl(sim, 'get pvc data')).toMatch(/data\s+Terminating/)
    kubectl(sim, 'delete pod app --wait=false')
    sim.advance(40_000)
    expect(claim(sim, 'data')).toBeUndefined()
    expect(volume(sim, pvName)).toBeUndefined()
  })
})

describe('the scheduler\'s VolumeBinding plugin', () => {
  it('a missing claim, an unbound immediate claim, a volume on another node, and no volume to bind, in FitError\'s words', () => {
    const sim = newSim()
    apply(sim, podYaml('missing', 'nope'))
    sim.advance(1_000)
    expect(scheduledMessage(sim, 'missing')).toBe('0/4 nodes are available: persistentvolumeclaim "nope" not found. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.')

    apply(sim, claimYaml('waiting', '  storageClassName: ""\n'))
    apply(sim, podYaml('immediate', 'waiting'))
    sim.advance(1_000)
    expect(scheduledMessage(sim, 'immediate')).toBe('0/4 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.')

    const pinned = '  nodeAffinity:\n    required:\n      nodeSelectorTerms:\n      - matchExpressions:\n        - {key: kubernetes.io/hostname, operator: In, values: [worker-2]}\n'
    apply(sim, volumeYaml('local', '1Gi', pinned))
    apply(sim, claimYaml('pinned', '  storageClassName: ""\n  volumeName: local\n'))
    sim.advance(1_000)
    kubectl(sim, 'cordon worker-2')
    apply(sim, podYaml('far', 'pinned'))
    sim.advance(1_000)
    expect(scheduledMessage(sim, 'far')).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) were unschedulable, 2 node(s) had volume node affinity conflict. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    )
    kubectl(sim, 'uncordon worker-2')
    sim.advance(2_000)
    expect(pod(sim, 'far')!.spec.nodeName).toBe('worker-2')

    apply(sim, 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: local-disks\nprovisioner: kubernetes.io/no-provisioner\nvolumeBindingMode: WaitForFirstConsumer\n')
    apply(sim, claimYaml('disk', '  storageClassName: local-disks\n'))
    apply(sim, podYaml('nodisk', 'disk'))
    sim.advance(1_000)
    expect(scheduledMessage(sim, 'nodisk')).toBe(
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't find available persistent volumes to bind. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.",
    )
    // A local volume of that class on worker-3: the scheduler reserves it and the pod goes there.
    apply(sim, volumeYaml('disk3', '1Gi', `  storageClassName: local-disks\n${pinned.replace('worker-2', 'worker-3')}`))
    sim.advance(3_000)
    expect(claim(sim, 'disk')!.spec.volumeName).toBe('disk3')
    expect(pod(sim, 'nodisk')!.spec.nodeName).toBe('worker-3')
  })
})
