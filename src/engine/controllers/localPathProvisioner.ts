import { ApiError } from '../api/errors.ts'
import type { PersistentVolumeClaim } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import { LOCAL_PATH_PROVISIONER } from '../storage/standardStorageClass.ts'
import { ANN_PROVISIONED_BY, ANN_SELECTED_NODE, ANN_STORAGE_PROVISIONER, type PersistentVolume, type StorageClass, storageClassName } from '../storage/volumeTypes.ts'
import { nsKey, splitKey, WorkQueue } from './workQueue.ts'

/** The provisioner's identity as its events show it: `<provisioner>_<pod>_<uuid>` (one fixed pod here). */
export const LOCAL_PATH_IDENTITY = `${LOCAL_PATH_PROVISIONER}_local-path-provisioner-7dcf5f8c5b-4mxkq_0f6c2a9e-3d1b-4e8a-b5c7-92d4e1f03a6b`
const SOURCE = { component: LOCAL_PATH_IDENTITY }
/** The helper pod that makes (or removes) the directory on the node takes a moment. */
const HELPER_POD_MS = 2_000
/** external-provisioner's retry back-off after a failure: doubling, at most five minutes. */
const RETRY_BASE_MS = 5_000
const RETRY_MAX_MS = 300_000
const BASE_PATH = '/var/local-path-provisioner'

/**
 * Rancher's local-path provisioner, kind's (an external provisioner: it acts on claims
 * the PV controller annotated with its name). A volume is a directory on the node the
 * scheduler picked, so it needs that node (WaitForFirstConsumer) and serves one node
 * (ReadWriteOnce); the PV it makes is `pvc-<claim uid>`, pinned to the node. It also
 * deletes its Released volumes whose reclaim policy is Delete.
 */
export class LocalPathProvisioner {
  private claims: WorkQueue
  private volumes: WorkQueue
  private failures = new Map<string, number>()
  /** Claims whose volume is being made: the helper pod runs. */
  private inFlight = new Set<string>()

  constructor(private readonly ctx: EngineContext) {
    this.claims = new WorkQueue(ctx, 'local-path-provisioner', (key) => this.syncClaim(key))
    this.volumes = new WorkQueue(ctx, 'local-path-provisioner', (key) => this.syncVolume(key))
    ctx.store.watch((type, obj) => {
      if (type === 'DELETED') return
      if (obj.kind === 'PersistentVolumeClaim') {
        if (obj.metadata.annotations?.[ANN_STORAGE_PROVISIONER] === LOCAL_PATH_PROVISIONER) this.claims.add(nsKey(obj.metadata.namespace, obj.metadata.name))
      } else if (obj.metadata.annotations?.[ANN_PROVISIONED_BY] === LOCAL_PATH_PROVISIONER) {
        this.volumes.add(nsKey(undefined, obj.metadata.name))
      }
    }, ['PersistentVolumeClaim', 'PersistentVolume'])
  }

  private needsVolume(claim: PersistentVolumeClaim | undefined): claim is PersistentVolumeClaim {
    return !!claim && !claim.spec.volumeName && !claim.metadata.deletionTimestamp && claim.metadata.annotations?.[ANN_STORAGE_PROVISIONER] === LOCAL_PATH_PROVISIONER
  }

  private syncClaim(key: string): void {
    const [namespace, name] = splitKey(key)
    const claim = this.ctx.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, name)
    if (!this.needsVolume(claim) || this.inFlight.has(claim.metadata.uid)) return
    if (this.ctx.store.get('PersistentVolume', undefined, `pvc-${claim.metadata.uid}`)) return
    const className = storageClassName(claim)
    const cls = this.ctx.store.get<StorageClass>('StorageClass', undefined, className)
    if (!cls || cls.provisioner !== LOCAL_PATH_PROVISIONER) return
    const node = claim.metadata.annotations?.[ANN_SELECTED_NODE]
    // The scheduler has not picked a node yet for a claim that waits for one: nothing to do.
    if (!node && cls.volumeBindingMode === 'WaitForFirstConsumer') return
    if (claim.spec.volumeMode === 'Block') return this.fail(claim, key, `${LOCAL_PATH_PROVISIONER} does not support block volume provisioning`)
    this.ctx.recorder.normal(claim, SOURCE, 'Provisioning', `External provisioner is provisioning volume for claim "${namespace}/${name}"`)
    const problem = claim.spec.selector
      ? 'claim.Spec.Selector is not supported'
      : (claim.spec.accessModes ?? []).some((m) => m !== 'ReadWriteOnce' && m !== 'ReadWriteOncePod')
        ? 'NodePath only supports ReadWriteOnce and ReadWriteOncePod (1.22+) access modes'
        : !node
          ? 'configuration error, no node was specified'
          : undefined
    if (problem) return this.fail(claim, key, `failed to provision volume with StorageClass "${className}": ${problem}`)
    const uid = claim.metadata.uid
    this.inFlight.add(uid)
    this.ctx.after(HELPER_POD_MS, `local-path-provisioner: create volume pvc-${uid}`, () => {
      this.inFlight.delete(uid)
      const current = this.ctx.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, name)
      if (!this.needsVolume(current) || current.metadata.uid !== uid) return
      this.createVolume(current, cls, node!)
    })
  }

  private fail(claim: PersistentVolumeClaim, key: string, message: string): void {
    this.ctx.recorder.warning(claim, SOURCE, 'ProvisioningFailed', message)
    const n = this.failures.get(claim.metadata.uid) ?? 0
    this.failures.set(claim.metadata.uid, n + 1)
    this.claims.addAfter(key, Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** n))
  }

  private createVolume(claim: PersistentVolumeClaim, cls: StorageClass, node: string): void {
    const name = `pvc-${claim.metadata.uid}`
    const ns = claim.metadata.namespace!
    const volume: PersistentVolume = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: {
        name,
        annotations: { 'local.path.provisioner/selected-node': node, [ANN_PROVISIONED_BY]: LOCAL_PATH_PROVISIONER },
        uid: '',
        resourceVersion: '',
        creationTimestamp: '',
      },
      spec: {
        accessModes: [...(claim.spec.accessModes ?? [])],
        capacity: { storage: String(claim.spec.resources?.requests?.storage ?? '0') },
        claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: claim.metadata.name, namespace: ns, resourceVersion: claim.metadata.resourceVersion, uid: claim.metadata.uid },
        hostPath: { path: `${BASE_PATH}/${name}_${ns}_${claim.metadata.name}`, type: 'DirectoryOrCreate' },
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } },
        persistentVolumeReclaimPolicy: cls.reclaimPolicy ?? 'Delete',
        storageClassName: cls.metadata.name,
        volumeMode: 'Filesystem',
      },
      status: { phase: 'Pending' },
    }
    try {
      this.ctx.api.create(volume)
    } catch (e) {
      if (!(e instanceof ApiError) || e.reason !== 'AlreadyExists') throw e
      return
    }
    this.failures.delete(claim.metadata.uid)
    this.ctx.recorder.normal(claim, SOURCE, 'ProvisioningSucceeded', `Successfully provisioned volume ${name}`)
  }

  /** A Released volume of ours with the Delete policy: the helper pod removes the directory, then the PV goes. */
  private syncVolume(key: string): void {
    const [, name] = splitKey(key)
    const volume = this.ctx.store.get<PersistentVolume>('PersistentVolume', undefined, name)
    if (!volume || volume.metadata.deletionTimestamp || volume.status.phase !== 'Released' || volume.spec.persistentVolumeReclaimPolicy !== 'Delete') return
    if (this.inFlight.has(volume.metadata.uid)) return
    const uid = volume.metadata.uid
    this.inFlight.add(uid)
    this.ctx.after(HELPER_POD_MS, `local-path-provisioner: delete volume ${name}`, () => {
      this.inFlight.delete(uid)
      try {
        this.ctx.api.delete('PersistentVolume', undefined, name, { uid })
      } catch (e) {
        if (!(e instanceof ApiError) || e.reason !== 'NotFound') throw e
      }
    })
  }
}
