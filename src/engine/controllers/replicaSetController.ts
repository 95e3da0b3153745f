import { ApiError } from '../api/errors.ts'
import type { Pod, ReplicaSet, ReplicaSetStatus } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import { selectorMatches } from '../util/labels.ts'
import { claimPods, OrphanPods } from './claimPods.ts'
import { controllerRef, isControlledBy } from './ownership.ts'
import { createPodFromTemplate, failedCreateMessage } from './podFactory.ts'
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
  private orphans: OrphanPods

  constructor(private readonly ctx: EngineContext) {
    this.queue = new WorkQueue(ctx, 'replicaset-controller', (key) => this.sync(key))
    this.orphans = new OrphanPods(ctx.store)
    ctx.store.watch((type, obj) => {
      if (obj.kind === 'ReplicaSet') {
        if (type !== 'DELETED') this.queue.add(nsKey(obj.metadata.namespace, obj.metadata.name))
      } else if (obj.kind === 'Pod') {
        const ref = controllerRef(obj)
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
    if (!rs) return
    // A ReplicaSet being deleted keeps its status true but manages no pods.
    if (rs.metadata.deletionTimestamp) return this.updateStatus(rs)

    const pods = claimPods(this.ctx, rs, rs.spec.selector, this.orphans)
    const active = pods.filter(isPodActive)
    const diff = active.length - rs.spec.replicas
    if (diff < 0) {
      for (let i = 0; i < -diff; i++) {
        try {
          const pod = createPodFromTemplate(this.ctx, rs, rs.spec.template, { generateName: `${rs.metadata.name}-` })
          this.ctx.recorder.normal(rs, SOURCE, 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`)
        } catch (e) {
          if (!(e instanceof ApiError)) throw e
          this.ctx.recorder.warning(rs, SOURCE, 'FailedCreate', failedCreateMessage(e))
          this.updateStatus(rs)
          throw e
        }
      }
    } else if (diff > 0) {
      for (const pod of rankPodsForDeletion(active).slice(0, diff)) {
        this.ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { uid: pod.metadata.uid })
        this.ctx.recorder.normal(rs, SOURCE, 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`)
      }
    }
    this.updateStatus(rs)
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
    const current = this.ctx.store.get<ReplicaSet>('ReplicaSet', rs.metadata.namespace, rs.metadata.name) ?? rs
    if (JSON.stringify(status) === JSON.stringify(current.status)) return
    this.ctx.api.updateStatus(current, status)
  }
}
