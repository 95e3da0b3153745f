import { NAMESPACE_TERMINATING } from '../admission/plugins/namespaceLifecycle.ts'
import { ApiError } from '../api/errors.ts'
import type { KubeObject, LabelSelector, Pod, PodTemplateSpec, ReplicaSetStatus } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import { selectorMatches } from '../util/labels.ts'
import { claimPods, OrphanPods } from './claimPods.ts'
import { controllerRef, isControlledBy } from './ownership.ts'
import { createPodFromTemplate, failedCreateMessage } from './podFactory.ts'
import { isPodActive, isPodAvailable, isPodReady } from './podReadiness.ts'
import { nsKey, splitKey, WorkQueue } from './workQueue.ts'
import { rankPodsForDeletion } from './victimOrder.ts'

/** An object a ReplicaManager keeps replicas of: a ReplicaSet or a ReplicationController. */
export interface ReplicatedObject extends KubeObject {
  spec: { replicas?: number; template?: PodTemplateSpec; minReadySeconds?: number }
  status: ReplicaSetStatus
}

/** What tells the kinds apart: their name, their events' source, and how they select pods. */
export interface ReplicatedKind<T extends ReplicatedObject> {
  kind: string
  component: string
  /** The selector as a LabelSelector (a ReplicationController's is a plain label map). */
  selector(obj: T): LabelSelector
}

/**
 * The ReplicaSet controller's engine (pkg/controller/replicaset), which upstream also
 * runs ReplicationControllers with: keeps `spec.replicas` pods matching the selector,
 * creating or deleting the difference, then writes status.
 */
export class ReplicaManager<T extends ReplicatedObject> {
  private queue: WorkQueue
  private orphans: OrphanPods
  private source: { component: string }

  constructor(
    private readonly ctx: EngineContext,
    private readonly kind: ReplicatedKind<T>,
  ) {
    this.source = { component: kind.component }
    this.queue = new WorkQueue(ctx, kind.component, (key) => this.sync(key))
    this.orphans = OrphanPods.of(ctx.store)
    ctx.store.watch((type, obj) => {
      if (obj.kind === kind.kind) {
        if (type !== 'DELETED') this.queue.add(nsKey(obj.metadata.namespace, obj.metadata.name))
      } else if (obj.kind === 'Pod') {
        const ref = controllerRef(obj)
        if (ref?.kind === kind.kind) this.queue.add(nsKey(obj.metadata.namespace, ref.name))
        else if (!ref && type !== 'DELETED') {
          // An orphan that matches gets adopted.
          for (const owner of ctx.store.list<T>(kind.kind, obj.metadata.namespace)) {
            if (selectorMatches(kind.selector(owner), obj.metadata.labels)) this.queue.add(nsKey(owner.metadata.namespace, owner.metadata.name))
          }
        }
      }
    }, [kind.kind, 'Pod'])
  }

  private sync(key: string): void {
    const [namespace, name] = splitKey(key)
    const owner = this.ctx.store.get<T>(this.kind.kind, namespace, name)
    if (!owner) return
    // An owner being deleted keeps its status true but manages no pods.
    if (owner.metadata.deletionTimestamp) return this.updateStatus(owner)

    // Unordered: only a scale-down ranks them (victimOrder), and that order is total.
    const pods = claimPods(this.ctx, owner, this.kind.selector(owner), this.orphans, undefined, false)
    const active = pods.filter(isPodActive)
    const diff = active.length - (owner.spec.replicas ?? 1)
    if (diff < 0) {
      for (let i = 0; i < -diff; i++) {
        try {
          const pod = createPodFromTemplate(this.ctx, owner, owner.spec.template!, { generateName: `${owner.metadata.name}-` })
          this.ctx.recorder.normal(owner, this.source, 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`)
        } catch (e) {
          if (!(e instanceof ApiError)) throw e
          // A namespace being torn down refuses new pods; that is expected, not a failure.
          if (e.causeType === NAMESPACE_TERMINATING) break
          this.ctx.recorder.warning(owner, this.source, 'FailedCreate', failedCreateMessage(e))
          this.updateStatus(owner)
          throw e
        }
      }
    } else if (diff > 0) {
      for (const pod of rankPodsForDeletion(active).slice(0, diff)) {
        this.ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { uid: pod.metadata.uid })
        this.ctx.recorder.normal(owner, this.source, 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`)
      }
    }
    this.updateStatus(owner)
  }

  private updateStatus(owner: T): void {
    const now = this.ctx.clock.now
    const minReady = owner.spec.minReadySeconds ?? 0
    const pods = this.ctx.store.dependentsUnordered<Pod>(owner.metadata.uid, 'Pod').filter((p) => isControlledBy(p, owner) && isPodActive(p))
    const templateLabels = owner.spec.template?.metadata?.labels ?? {}
    const status: ReplicaSetStatus = {
      replicas: pods.length,
      fullyLabeledReplicas: pods.filter((p) => Object.entries(templateLabels).every(([k, v]) => p.metadata.labels?.[k] === v)).length,
      readyReplicas: pods.filter(isPodReady).length,
      availableReplicas: pods.filter((p) => isPodAvailable(p, minReady, now)).length,
      observedGeneration: owner.metadata.generation,
    }
    if (minReady > 0 && status.readyReplicas !== status.availableReplicas) {
      this.queue.add(nsKey(owner.metadata.namespace, owner.metadata.name), 1000)
    }
    const current = this.ctx.store.get<T>(this.kind.kind, owner.metadata.namespace, owner.metadata.name) ?? owner
    if (JSON.stringify(status) === JSON.stringify(current.status)) return
    this.ctx.api.updateStatus(current, status)
  }
}
