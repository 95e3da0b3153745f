import { deleteObject } from '../api/deletion.ts'
import type { Pod, ReplicaSet, ReplicaSetStatus } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import { selectorMatches } from '../util/labels.ts'
import { controllerRef, isControlledBy, ownerReferenceTo } from './ownership.ts'
import { createPodFromTemplate } from './podFactory.ts'
import { isPodActive, isPodAvailable, isPodReady } from './podReadiness.ts'
import { nsKey, splitKey, WorkQueue } from './workQueue.ts'
import { rankPodsForDeletion } from './victimOrder.ts'

const SOURCE = { component: 'replicaset-controller' }

/**
 * The ReplicaSet controller (pkg/controller/replicaset): keeps `spec.replicas` pods
 * matching the selector, creating or deleting the difference, then writes status.
 */
export class ReplicaSetController {
  private queue: WorkQueue
  /** Pods without a controller, by store key: the only candidates for adoption. */
  private orphans = new Map<string, Pod>()

  constructor(private readonly ctx: EngineContext) {
    this.queue = new WorkQueue(ctx, 'replicaset-controller', (key) => this.sync(key))
    ctx.store.watch((type, obj) => {
      if (obj.kind === 'ReplicaSet') {
        if (type !== 'DELETED') this.queue.add(nsKey(obj.metadata.namespace, obj.metadata.name))
      } else if (obj.kind === 'Pod') {
        const ref = controllerRef(obj)
        const key = `${obj.metadata.namespace}/${obj.metadata.name}`
        if (!ref && type !== 'DELETED') this.orphans.set(key, obj as Pod)
        else this.orphans.delete(key)
        if (ref?.kind === 'ReplicaSet') this.queue.add(nsKey(obj.metadata.namespace, ref.name))
        else if (!ref && type !== 'DELETED') {
          // An orphan that matches a ReplicaSet gets adopted.
          for (const rs of ctx.store.list<ReplicaSet>('ReplicaSet', obj.metadata.namespace)) {
            if (selectorMatches(rs.spec.selector, obj.metadata.labels)) this.queue.add(nsKey(rs.metadata.namespace, rs.metadata.name))
          }
        }
      }
    })
  }

  private sync(key: string): void {
    const [namespace, name] = splitKey(key)
    const rs = this.ctx.store.get<ReplicaSet>('ReplicaSet', namespace, name)
    if (!rs || rs.metadata.deletionTimestamp) return

    const pods = this.claimPods(rs)
    const active = pods.filter(isPodActive)
    const diff = active.length - rs.spec.replicas
    if (diff < 0) {
      for (let i = 0; i < -diff; i++) {
        const pod = createPodFromTemplate(this.ctx, rs, rs.spec.template, `${rs.metadata.name}-`)
        this.ctx.recorder.normal(rs, SOURCE, 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`)
      }
    } else if (diff > 0) {
      for (const pod of rankPodsForDeletion(active).slice(0, diff)) {
        deleteObject(this.ctx, pod)
        this.ctx.recorder.normal(rs, SOURCE, 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`)
      }
    }
    this.updateStatus(rs)
  }

  /** Pods this ReplicaSet controls, adopting matching orphans and releasing non-matching pods. */
  private claimPods(rs: ReplicaSet): Pod[] {
    const owned: Pod[] = []
    const orphansHere = [...this.orphans.values()].filter((p) => p.metadata.namespace === rs.metadata.namespace)
    const candidates = [...this.ctx.store.dependents<Pod>(rs.metadata.uid, 'Pod'), ...orphansHere]
    for (const pod of candidates) {
      const matches = selectorMatches(rs.spec.selector, pod.metadata.labels)
      if (isControlledBy(pod, rs)) {
        if (matches) owned.push(pod)
        else {
          pod.metadata.ownerReferences = pod.metadata.ownerReferences?.filter((r) => r.uid !== rs.metadata.uid)
          this.ctx.store.update(pod)
        }
      } else if (matches && !controllerRef(pod) && !pod.metadata.deletionTimestamp) {
        pod.metadata.ownerReferences = [...(pod.metadata.ownerReferences ?? []), ownerReferenceTo(rs)]
        this.ctx.store.update(pod)
        owned.push(pod)
      }
    }
    return owned
  }

  private updateStatus(rs: ReplicaSet): void {
    const now = this.ctx.clock.now
    const minReady = rs.spec.minReadySeconds ?? 0
    const pods = this.ctx.store.dependents<Pod>(rs.metadata.uid, 'Pod').filter((p) => isControlledBy(p, rs) && isPodActive(p))
    const templateLabels = rs.spec.template.metadata?.labels ?? {}
    const status: ReplicaSetStatus = {
      replicas: pods.length,
      fullyLabeledReplicas: pods.filter((p) => Object.entries(templateLabels).every(([k, v]) => p.metadata.labels?.[k] === v)).length,
      readyReplicas: pods.filter(isPodReady).length,
      availableReplicas: pods.filter((p) => isPodAvailable(p, minReady, now)).length,
      observedGeneration: rs.metadata.generation,
    }
    if (minReady > 0 && status.readyReplicas !== status.availableReplicas) {
      this.queue.add(nsKey(rs.metadata.namespace, rs.metadata.name), 1000)
    }
    if (JSON.stringify(status) === JSON.stringify(rs.status)) return
    rs.status = status
    this.ctx.store.update(rs)
  }
}
