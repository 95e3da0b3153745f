import type { PersistentVolumeClaim, Pod } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import { classOfClaim, delaysBinding, podClaimNames } from '../storage/claimBinding.ts'
import { findBestMatch, isVolumeBoundToClaim, volumeMismatch } from '../storage/volumeMatching.ts'
import {
  ANN_BETA_STORAGE_PROVISIONER,
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  ANN_PROVISIONED_BY,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  type PersistentVolume,
  type PersistentVolumeStatus,
  storageClassName,
} from '../storage/volumeTypes.ts'
import { nsKey, splitKey, WorkQueue } from './workQueue.ts'

const SOURCE = { component: 'persistentvolume-controller' }
/** The controller's periodic resync (--pvclaimbinder-sync-period): pending claims look for volumes again. */
export const PV_RESYNC_MS = 15_000

/**
 * The PersistentVolume controller (pkg/controller/volume/persistentvolume/pv_controller.go),
 * the "binder": binds each claim to the smallest matching volume, asks the class's
 * provisioner for one when none fits (at once, or once the scheduler has picked a node
 * for WaitForFirstConsumer), keeps the phases of both in step, and reclaims a volume
 * whose claim is gone: Retain leaves it Released, Delete removes it.
 */
export class PersistentVolumeController {
  private claims: WorkQueue
  private volumes: WorkQueue
  /** When the controller last asked a provisioner for each waiting claim's volume. */
  private askedAt = new Map<string, number>()

  constructor(private readonly ctx: EngineContext) {
    this.claims = new WorkQueue(ctx, 'persistentvolume-binder-controller', (key) => this.syncClaim(key))
    this.volumes = new WorkQueue(ctx, 'persistentvolume-binder-controller', (key) => this.syncVolume(key))
    ctx.store.watch((type, obj) => {
      if (obj.kind === 'PersistentVolumeClaim') {
        const claim = obj as PersistentVolumeClaim
        if (type === 'DELETED') {
          this.askedAt.delete(claim.metadata.uid)
          if (claim.spec.volumeName) this.volumes.add(nsKey(undefined, claim.spec.volumeName))
        } else this.claims.add(nsKey(claim.metadata.namespace, claim.metadata.name))
      } else if (obj.kind === 'PersistentVolume') {
        if (type !== 'DELETED') this.volumes.add(nsKey(undefined, obj.metadata.name))
        const ref = (obj as PersistentVolume).spec.claimRef
        if (ref?.name) this.claims.add(nsKey(ref.namespace, ref.name))
      }
    }, ['PersistentVolumeClaim', 'PersistentVolume'])
  }

  private volumeList(): readonly PersistentVolume[] {
    return this.ctx.store.list<PersistentVolume>('PersistentVolume')
  }

  private syncClaim(key: string): void {
    const [namespace, name] = splitKey(key)
    const claim = this.ctx.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, name)
    if (!claim || claim.metadata.deletionTimestamp && !claim.spec.volumeName) return
    if (claim.metadata.annotations?.[ANN_BIND_COMPLETED] === undefined) this.syncUnboundClaim(claim, key)
    else this.syncBoundClaim(claim)
  }

  /** syncUnboundClaim: find, or wait for, or provision a volume. */
  private syncUnboundClaim(claim: PersistentVolumeClaim, key: string): void {
    if (!claim.spec.volumeName) {
      const delay = delaysBinding(this.ctx.store, claim)
      const volume = findBestMatch(claim, this.volumeList(), undefined, delay)
      if (volume) {
        this.askedAt.delete(claim.metadata.uid)
        return this.bind(volume, claim)
      }
      if (delay && !claim.metadata.annotations?.[ANN_SELECTED_NODE]) this.waitForConsumer(claim)
      else if (storageClassName(claim) !== '') this.provision(claim)
      else this.ctx.recorder.normal(claim, SOURCE, 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set')
      this.setClaimPending(claim)
      this.claims.addAfter(key, PV_RESYNC_MS)
      return
    }
    // The user asked for this volume by name.
    const volume = this.ctx.store.get<PersistentVolume>('PersistentVolume', undefined, claim.spec.volumeName)
    if (!volume) {
      this.setClaimPending(claim)
      this.claims.addAfter(key, PV_RESYNC_MS)
      return
    }
    if (!volume.spec.claimRef) {
      const mismatch = volumeMismatch(volume, claim)
      if (!mismatch) return this.bind(volume, claim)
      this.ctx.recorder.warning(claim, SOURCE, 'VolumeMismatch', `Cannot bind to requested volume "${volume.metadata.name}": ${mismatch}`)
    } else if (isVolumeBoundToClaim(volume, claim)) {
      return this.bind(volume, claim)
    } else if (!claim.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER]) {
      this.ctx.recorder.warning(claim, SOURCE, 'FailedBinding', `volume "${volume.metadata.name}" already bound to a different claim.`)
    }
    this.setClaimPending(claim)
    this.claims.addAfter(key, PV_RESYNC_MS)
  }

  /** syncBoundClaim: a bound claim whose volume went away, or went to another claim, is Lost. */
  private syncBoundClaim(claim: PersistentVolumeClaim): void {
    const volume = claim.spec.volumeName ? this.ctx.store.get<PersistentVolume>('PersistentVolume', undefined, claim.spec.volumeName) : undefined
    if (!volume) {
      if (claim.status.phase !== 'Lost') {
        this.ctx.api.updateStatus(claim, { ...claim.status, phase: 'Lost' })
        // pv_controller syncBoundClaim: "lost reference" when spec.volumeName was emptied, "lost its" when the volume is gone.
        const message = claim.spec.volumeName ? 'Bound claim has lost its PersistentVolume. Data on the volume is lost!' : 'Bound claim has lost reference to PersistentVolume. Data on the volume is lost!'
        this.ctx.recorder.warning(claim, SOURCE, 'ClaimLost', message)
      }
      return
    }
    if (!volume.spec.claimRef || isVolumeBoundToClaim(volume, claim)) return this.bind(volume, claim)
    if (claim.status.phase !== 'Lost') {
      this.ctx.api.updateStatus(claim, { ...claim.status, phase: 'Lost' })
      this.ctx.recorder.warning(claim, SOURCE, 'ClaimMisbound', 'Two claims are bound to the same volume, this one is bound incorrectly')
    }
  }

  /** emitEventForUnboundDelayBindingClaim: waiting for a pod, or for the pods that use the claim to be scheduled. */
  private waitForConsumer(claim: PersistentVolumeClaim): void {
    const waiting = this.ctx.store
      .list<Pod>('Pod', claim.metadata.namespace)
      .filter((p) => !p.spec.nodeName && podClaimNames(p).includes(claim.metadata.name))
      .map((p) => p.metadata.name)
    if (waiting.length === 0) this.ctx.recorder.normal(claim, SOURCE, 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding')
    else if (waiting.length === 1) this.ctx.recorder.normal(claim, SOURCE, 'WaitForPodScheduled', `waiting for pod ${waiting[0]} to be scheduled`)
    else this.ctx.recorder.normal(claim, SOURCE, 'WaitForPodScheduled', `waiting for pods ${waiting.join(',')} to be scheduled`)
  }

  /**
   * provisionClaim: provisioners are external (CSI drivers, local-path), so the controller
   * names the provisioner on the claim and waits for a volume to appear. A class that
   * does not exist, or an in-tree name no plugin answers to, fails here.
   */
  private provision(claim: PersistentVolumeClaim): void {
    const cls = classOfClaim(this.ctx.store, claim)
    if (!cls) {
      this.ctx.recorder.warning(claim, SOURCE, 'ProvisioningFailed', `storageclass.storage.k8s.io "${storageClassName(claim)}" not found`)
      return
    }
    if (cls.provisioner.startsWith('kubernetes.io/')) {
      this.ctx.recorder.warning(claim, SOURCE, 'ProvisioningFailed', `no volume plugin matched name: ${cls.provisioner}`)
      return
    }
    const annotations = claim.metadata.annotations ?? {}
    if (annotations[ANN_STORAGE_PROVISIONER] !== cls.provisioner) {
      this.ctx.api.mutate<PersistentVolumeClaim>('PersistentVolumeClaim', claim.metadata.namespace, claim.metadata.name, (draft) => {
        draft.metadata.annotations = { ...draft.metadata.annotations, [ANN_BETA_STORAGE_PROVISIONER]: cls.provisioner, [ANN_STORAGE_PROVISIONER]: cls.provisioner }
      })
    }
    // The controller's own annotation write brings the claim back at once: one event for both syncs.
    if (this.askedAt.get(claim.metadata.uid) === this.ctx.clock.now) return
    this.askedAt.set(claim.metadata.uid, this.ctx.clock.now)
    this.ctx.recorder.normal(
      claim,
      SOURCE,
      'ExternalProvisioning',
      `Waiting for a volume to be created either by the external provisioner '${cls.provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
    )
  }

  private setClaimPending(claim: PersistentVolumeClaim): void {
    const current = this.ctx.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', claim.metadata.namespace, claim.metadata.name)
    if (current && current.status.phase !== 'Pending') this.ctx.api.updateStatus(current, { ...current.status, phase: 'Pending' })
  }

  /**
   * bind: the volume's claimRef first, then its phase, then the claim's volumeName and
   * annotations, then the claim's phase, capacity and access modes (as the controller
   * writes them, one object at a time).
   */
  private bind(volume: PersistentVolume, claim: PersistentVolumeClaim): void {
    const api = this.ctx.api
    if (!isVolumeBoundToClaim(volume, claim) || !volume.spec.claimRef?.uid) {
      const setByUs = !isVolumeBoundToClaim(volume, claim)
      volume = api.mutate<PersistentVolume>('PersistentVolume', undefined, volume.metadata.name, (draft) => {
        draft.spec.claimRef = { kind: 'PersistentVolumeClaim', namespace: claim.metadata.namespace, name: claim.metadata.name, uid: claim.metadata.uid, apiVersion: 'v1', resourceVersion: claim.metadata.resourceVersion }
        if (setByUs) draft.metadata.annotations = { ...draft.metadata.annotations, [ANN_BOUND_BY_CONTROLLER]: 'yes' }
      })
    }
    if (volume.status.phase !== 'Bound') volume = this.setVolumePhase(volume, 'Bound')
    const annotations = claim.metadata.annotations ?? {}
    if (claim.spec.volumeName !== volume.metadata.name || annotations[ANN_BIND_COMPLETED] !== 'yes') {
      claim = api.mutate<PersistentVolumeClaim>('PersistentVolumeClaim', claim.metadata.namespace, claim.metadata.name, (draft) => {
        const extra: Record<string, string> = { [ANN_BIND_COMPLETED]: 'yes' }
        if (draft.spec.volumeName !== volume.metadata.name) extra[ANN_BOUND_BY_CONTROLLER] = 'yes'
        draft.spec.volumeName = volume.metadata.name
        draft.metadata.annotations = { ...draft.metadata.annotations, ...extra }
      })
    }
    const capacity = { storage: String(volume.spec.capacity?.storage ?? '0') }
    const accessModes = volume.spec.accessModes ?? []
    const status = claim.status
    if (status.phase !== 'Bound' || JSON.stringify(status.capacity) !== JSON.stringify(capacity) || JSON.stringify(status.accessModes) !== JSON.stringify(accessModes)) {
      api.updateStatus(claim, { ...status, phase: 'Bound', accessModes: [...accessModes], capacity })
    }
  }

  private setVolumePhase(volume: PersistentVolume, phase: PersistentVolumeStatus['phase'], message?: string): PersistentVolume {
    const status: PersistentVolumeStatus = { phase, lastPhaseTransitionTime: this.ctx.clock.rfc3339() }
    if (message) status.message = message
    return this.ctx.api.updateStatus(volume, status)
  }

  /** syncVolume: Available without a claim, Bound with one, Released (then reclaimed) once its claim is gone. */
  private syncVolume(key: string): void {
    const [, name] = splitKey(key)
    const volume = this.ctx.store.get<PersistentVolume>('PersistentVolume', undefined, name)
    if (!volume) return
    const ref = volume.spec.claimRef
    if (!ref || !ref.uid) {
      if (volume.status.phase !== 'Available' && volume.status.phase !== 'Failed' && volume.status.phase !== 'Released') this.setVolumePhase(volume, 'Available')
      if (!ref && volume.status.phase === 'Released') this.setVolumePhase(volume, 'Available')
      return
    }
    const found = this.ctx.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', ref.namespace, ref.name ?? '')
    const claim = found && found.metadata.uid === ref.uid ? found : undefined
    if (!claim) {
      if (volume.status.phase === 'Released' || volume.status.phase === 'Failed') return
      this.reclaim(this.setVolumePhase(volume, 'Released'))
      return
    }
    if (!claim.spec.volumeName) return
    if (claim.spec.volumeName === volume.metadata.name) {
      if (volume.status.phase !== 'Bound') this.setVolumePhase(volume, 'Bound')
      return
    }
    // The claim went to another volume: a volume the controller reserved is freed.
    if (volume.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER]) {
      const freed = this.ctx.api.mutate<PersistentVolume>('PersistentVolume', undefined, name, (draft) => {
        delete draft.spec.claimRef
      })
      this.setVolumePhase(freed, 'Available')
    }
  }

  /**
   * reclaimVolume: Retain keeps the Released volume (and its data) for an administrator;
   * Delete leaves a provisioned volume to its provisioner, and deletes a static one only
   * if an in-tree plugin can (hostPath under /tmp), else the volume Failed.
   */
  private reclaim(volume: PersistentVolume): void {
    const policy = volume.spec.persistentVolumeReclaimPolicy ?? 'Retain'
    if (policy === 'Retain') return
    if (policy === 'Recycle') {
      this.failVolume(volume, 'VolumeFailedRecycle', 'No recycler plugin found for the volume!')
      return
    }
    if (volume.metadata.annotations?.[ANN_PROVISIONED_BY]) return
    const path = volume.spec.hostPath?.path
    if (path !== undefined) {
      if (/\/tmp\/.+/.test(path)) {
        this.ctx.api.delete('PersistentVolume', undefined, volume.metadata.name, { uid: volume.metadata.uid })
        return
      }
      this.failVolume(volume, 'VolumeFailedDelete', `host_path deleter only supports /tmp/.+ but received provided ${path}`)
      return
    }
    this.failVolume(volume, 'VolumeFailedDelete', `error getting deleter volume plugin for volume "${volume.metadata.name}": no deletable volume plugin matched`)
  }

  private failVolume(volume: PersistentVolume, reason: string, message: string): void {
    const failed = this.setVolumePhase(volume, 'Failed', message)
    this.ctx.recorder.warning(failed, SOURCE, reason, message)
  }
}
