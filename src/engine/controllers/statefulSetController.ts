import { ApiError } from '../api/errors.ts'
import type { ControllerRevision, PersistentVolumeClaim, Pod, PodTemplateSpec, StatefulSet, StatefulSetStatus } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import { selectorMatches } from '../util/labels.ts'
import { claimPods, OrphanPods } from './claimPods.ts'
import { ControllerHistory, templateOf } from './controllerHistory.ts'
import { controllerRef, ownerReferenceTo } from './ownership.ts'
import { createPodFromTemplate } from './podFactory.ts'
import { isPodAvailable, isPodReady } from './podReadiness.ts'
import { nsKey, splitKey, WorkQueue } from './workQueue.ts'

const SOURCE = { component: 'statefulset-controller' }
const REVISION_LABEL = 'controller-revision-hash'
const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name'
const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index'

const isTerminating = (pod: Pod) => !!pod.metadata.deletionTimestamp
const isRunningAndReady = (pod: Pod) => pod.status.phase === 'Running' && isPodReady(pod)
const isHealthy = (pod: Pod) => isRunningAndReady(pod) && !isTerminating(pod)
const isFinished = (pod: Pod) => pod.status.phase === 'Failed' || pod.status.phase === 'Succeeded'
const revisionOf = (pod: Pod) => pod.metadata.labels?.[REVISION_LABEL] ?? ''

/** The ordinal in `<set>-<ordinal>`, or -1 for a pod not named after the set. */
function ordinalOf(set: StatefulSet, pod: Pod): number {
  const prefix = `${set.metadata.name}-`
  const rest = pod.metadata.name.startsWith(prefix) ? pod.metadata.name.slice(prefix.length) : ''
  return /^(0|[1-9][0-9]*)$/.test(rest) ? Number(rest) : -1
}

/** `<template>-<set>-<ordinal>`: the claim a pod's volume from a claim template names. */
function claimName(set: StatefulSet, template: string, ordinal: number): string {
  return `${template}-${set.metadata.name}-${ordinal}`
}

/**
 * The StatefulSet controller (pkg/controller/statefulset): pods with stable names
 * `<set>-0`, `<set>-1`, … and stable claims `<template>-<set>-<ordinal>`. OrderedReady
 * creates one pod at a time, each after its predecessors are Running and Ready, and
 * removes them from the highest ordinal down; Parallel does both at once. Template
 * changes roll out from the highest ordinal down to the partition, one pod at a time,
 * tracked by ControllerRevisions.
 */
export class StatefulSetController {
  private queue: WorkQueue
  private orphans: OrphanPods
  private history: ControllerHistory

  constructor(private readonly ctx: EngineContext) {
    this.queue = new WorkQueue(ctx, 'statefulset-controller', (key) => this.sync(key))
    this.orphans = OrphanPods.of(ctx.store)
    this.history = new ControllerHistory(ctx)
    ctx.store.watch((type, obj) => {
      if (obj.kind === 'StatefulSet') {
        if (type !== 'DELETED') this.queue.add(nsKey(obj.metadata.namespace, obj.metadata.name))
      } else if (obj.kind === 'Pod') {
        const ref = controllerRef(obj)
        if (ref?.kind === 'StatefulSet') this.queue.add(nsKey(obj.metadata.namespace, ref.name))
        else if (!ref && type !== 'DELETED') {
          for (const set of ctx.store.list<StatefulSet>('StatefulSet', obj.metadata.namespace)) {
            if (selectorMatches(set.spec.selector, obj.metadata.labels)) this.queue.add(nsKey(set.metadata.namespace, set.metadata.name))
          }
        }
      }
    }, ['StatefulSet', 'Pod'])
  }

  private sync(key: string): void {
    const [namespace, name] = splitKey(key)
    const set = this.ctx.store.get<StatefulSet>('StatefulSet', namespace, name)
    if (!set || set.metadata.deletionTimestamp) return
    const pods = claimPods(this.ctx, set, set.spec.selector, this.orphans, (pod) => ordinalOf(set, pod) >= 0)

    let collisionCount = set.status.collisionCount ?? 0
    const update = this.history.revisionFor(set, set.spec.template, collisionCount, (n) => (collisionCount = n))
    const current = this.history.owned(set).find((r) => r.metadata.name === set.status.currentRevision) ?? update
    const revisions = { current, update, collisionCount }

    this.reconcile(set, pods, revisions)
    this.updateStatus(set, revisions)
    const live = new Set([current.metadata.name, update.metadata.name, ...this.ownedPods(set).map(revisionOf)])
    this.history.truncate(set, live, set.spec.revisionHistoryLimit ?? 10)
  }

  /** updateStatefulSet's slow path: replicas in order, then the condemned, then the rolling update. */
  private reconcile(set: StatefulSet, pods: Pod[], revisions: Revisions): void {
    const start = set.spec.ordinals?.start ?? 0
    const replicas: (Pod | undefined)[] = new Array(set.spec.replicas).fill(undefined)
    const condemned: Pod[] = []
    for (const pod of pods) {
      const i = ordinalOf(set, pod) - start
      if (i >= 0 && i < set.spec.replicas) replicas[i] = pod
      else condemned.push(pod)
    }
    condemned.sort((a, b) => ordinalOf(set, b) - ordinalOf(set, a))
    const monotonic = set.spec.podManagementPolicy !== 'Parallel'
    const minReady = set.spec.minReadySeconds ?? 0
    const available = (pod: Pod) => isPodAvailable(pod, minReady, this.ctx.clock.now)
    if (minReady > 0 && pods.some((p) => isRunningAndReady(p) && !available(p))) {
      this.queue.add(nsKey(set.metadata.namespace, set.metadata.name), 1000)
    }

    // Each replica: replace failed pods, create missing ones, and in order wait for each.
    for (let i = 0; i < replicas.length; i++) {
      const pod = replicas[i]
      const ordinal = start + i
      if (pod && isFinished(pod)) {
        if (!isTerminating(pod)) this.deletePod(set, pod)
        if (monotonic) return
        continue
      }
      if (!pod) {
        this.createPod(set, ordinal, revisions)
        if (monotonic) return
        continue
      }
      if (pod.status.phase === 'Pending') this.createMissingClaims(set, pod, ordinal)
      if (isTerminating(pod)) {
        if (monotonic) return
        continue
      }
      if (monotonic && (!isRunningAndReady(pod) || !available(pod))) return
    }

    // Pods beyond the replica count go from the highest ordinal down.
    const firstUnhealthy = [...replicas, ...condemned].find((p) => !p || !isHealthy(p))
    for (const pod of condemned) {
      if (isTerminating(pod)) {
        if (monotonic) return
        continue
      }
      if (monotonic && pod !== firstUnhealthy && (!isRunningAndReady(pod) || !available(pod))) return
      this.deletePod(set, pod)
      if (monotonic) return
    }

    // Rolling update: from the highest ordinal down to the partition, one pod at a time.
    const strategy = set.spec.updateStrategy
    if (strategy.type !== 'RollingUpdate') return
    const updateMin = strategy.rollingUpdate?.partition ?? 0
    for (let i = replicas.length - 1; i >= updateMin; i--) {
      const pod = replicas[i]
      if (!pod) return
      if (revisionOf(pod) !== revisions.update.metadata.name && !isTerminating(pod)) {
        this.deletePod(set, pod)
        return
      }
      if (!isHealthy(pod)) return
    }
  }

  /**
   * newVersionedStatefulSetPod: below the partition a pod gets the current revision's
   * template, from it up the update revision's. Claims are created first.
   */
  private createPod(set: StatefulSet, ordinal: number, revisions: Revisions): void {
    const start = set.spec.ordinals?.start ?? 0
    const ru = set.spec.updateStrategy.rollingUpdate
    const useCurrent =
      set.spec.updateStrategy.type === 'RollingUpdate' &&
      (ru ? ordinal - start < (ru.partition ?? 0) : ordinal - start < (set.status.currentReplicas ?? 0))
    const revision = useCurrent ? revisions.current : revisions.update
    const template: PodTemplateSpec = revision === revisions.update ? set.spec.template : templateOf(revision)
    const name = `${set.metadata.name}-${ordinal}`
    this.createClaims(set, name, ordinal, 'create')
    const claimVolumes = (set.spec.volumeClaimTemplates ?? []).map((t) => ({
      name: t.metadata.name,
      persistentVolumeClaim: { claimName: claimName(set, t.metadata.name, ordinal) },
    }))
    const own = new Set(claimVolumes.map((v) => v.name))
    const volumes = [...claimVolumes, ...(((template.spec.volumes as { name: string }[] | undefined) ?? []).filter((v) => !own.has(v.name)))]
    try {
      createPodFromTemplate(this.ctx, set, template, { name }, {
        labels: { [REVISION_LABEL]: revision.metadata.name, [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal) },
        spec: {
          ...(volumes.length ? { volumes } : {}),
          hostname: name,
          ...(set.spec.serviceName ? { subdomain: set.spec.serviceName } : {}),
        },
      })
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      if (e.reason === 'AlreadyExists') throw e
      this.ctx.recorder.warning(set, SOURCE, 'FailedCreate', `create Pod ${name} in StatefulSet ${set.metadata.name} failed error: ${e.message}`)
      throw e
    }
    this.ctx.recorder.normal(set, SOURCE, 'SuccessfulCreate', `create Pod ${name} in StatefulSet ${set.metadata.name} successful`)
  }

  /** A Pending pod whose claim went missing gets it back (createMissingPersistentVolumeClaims). */
  private createMissingClaims(set: StatefulSet, pod: Pod, ordinal: number): void {
    this.createClaims(set, pod.metadata.name, ordinal, 'missing')
  }

  /**
   * Creates the pod's claims that do not exist yet, labelled with the template's labels
   * and the selector's matchLabels; under the default Retain policy they have no owner
   * and outlive the pods and the set. A claim being deleted blocks the pod.
   */
  private createClaims(set: StatefulSet, podName: string, ordinal: number, why: 'create' | 'missing'): void {
    for (const t of set.spec.volumeClaimTemplates ?? []) {
      const name = claimName(set, t.metadata.name, ordinal)
      const existing = this.ctx.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', set.metadata.namespace, name)
      if (existing) {
        if (existing.metadata.deletionTimestamp) {
          if (why === 'create') {
            this.ctx.recorder.warning(set, SOURCE, 'FailedCreate', `create Pod ${podName} in StatefulSet ${set.metadata.name} failed error: pvc ${name} is being deleted`)
          }
          throw new ApiError('Conflict', `pvc ${name} is being deleted`)
        }
        continue
      }
      const whenDeleted = set.spec.persistentVolumeClaimRetentionPolicy?.whenDeleted ?? 'Retain'
      const claim: PersistentVolumeClaim = {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: {
          name,
          namespace: set.metadata.namespace,
          uid: '',
          resourceVersion: '',
          creationTimestamp: '',
          labels: { ...(t.metadata.labels ?? {}), ...(set.spec.selector.matchLabels ?? {}) },
          ...(t.metadata.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
          ...(whenDeleted === 'Delete' ? { ownerReferences: [ownerReferenceTo(set)] } : {}),
        },
        spec: structuredClone(t.spec),
        status: { phase: 'Pending' },
      }
      try {
        this.ctx.api.create(claim)
      } catch (e) {
        if (!(e instanceof ApiError)) throw e
        this.ctx.recorder.warning(set, SOURCE, 'FailedCreate', `create Claim ${name} for Pod ${podName} in StatefulSet ${set.metadata.name} failed error: ${e.message}`)
        throw e
      }
      this.ctx.recorder.normal(set, SOURCE, 'SuccessfulCreate', `create Claim ${name} Pod ${podName} in StatefulSet ${set.metadata.name} success`)
    }
  }

  private deletePod(set: StatefulSet, pod: Pod): void {
    try {
      this.ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { uid: pod.metadata.uid })
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      this.ctx.recorder.warning(set, SOURCE, 'FailedDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${e.message}`)
      throw e
    }
    this.ctx.recorder.normal(set, SOURCE, 'SuccessfulDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`)
  }

  /** The set's pods as they are now (after this sync's writes). */
  private ownedPods(set: StatefulSet): Pod[] {
    return this.ctx.store.dependents<Pod>(set.metadata.uid, 'Pod').filter((p) => controllerRef(p)?.uid === set.metadata.uid && ordinalOf(set, p) >= 0)
  }

  /** updateStatus + completeRollingUpdate: counts by readiness and revision. */
  private updateStatus(set: StatefulSet, revisions: Revisions): void {
    const pods = this.ownedPods(set)
    const now = this.ctx.clock.now
    const minReady = set.spec.minReadySeconds ?? 0
    const counted = pods.filter((p) => !isTerminating(p))
    let currentRevision = revisions.current.metadata.name
    const updateRevision = revisions.update.metadata.name
    let currentReplicas = counted.filter((p) => revisionOf(p) === currentRevision).length
    const updatedReplicas = counted.filter((p) => revisionOf(p) === updateRevision).length
    const replicas = pods.length
    const readyReplicas = pods.filter(isRunningAndReady).length
    if (set.spec.updateStrategy.type === 'RollingUpdate' && updatedReplicas === replicas && readyReplicas === replicas) {
      currentReplicas = updatedReplicas
      currentRevision = updateRevision
    }
    const status: StatefulSetStatus = {
      observedGeneration: set.metadata.generation,
      replicas,
      ...(readyReplicas ? { readyReplicas } : {}),
      ...(currentReplicas ? { currentReplicas } : {}),
      ...(updatedReplicas ? { updatedReplicas } : {}),
      currentRevision,
      updateRevision,
      collisionCount: revisions.collisionCount,
      availableReplicas: pods.filter((p) => isRunningAndReady(p) && isPodAvailable(p, minReady, now)).length,
    }
    const stored = this.ctx.store.get<StatefulSet>('StatefulSet', set.metadata.namespace, set.metadata.name)
    if (!stored || JSON.stringify(status) === JSON.stringify(stored.status)) return
    this.ctx.api.updateStatus(stored, status)
  }
}

interface Revisions {
  current: ControllerRevision
  update: ControllerRevision
  collisionCount: number
}
