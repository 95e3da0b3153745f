import { ApiError } from '../api/errors.ts'
import { FOREGROUND, ORPHAN } from '../api/server.ts'
import type { KubeObject } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import { WorkQueue } from './workQueue.ts'

/**
 * The garbage collector (pkg/controller/garbagecollector), keyed by owner uid:
 * - an owner that is gone: dependents whose every owner is gone are deleted (background);
 * - an owner deleted with `orphan`: its dependents lose the ownerReference, then the finalizer goes;
 * - an owner deleted with `foregroundDeletion`: its dependents are deleted (in the
 *   foreground too), and the finalizer goes once none is left, which lets the owner go.
 */
export class GarbageCollector {
  private queue: WorkQueue

  constructor(private readonly ctx: EngineContext) {
    this.queue = new WorkQueue(ctx, 'garbage-collector', (uid) => this.sync(uid))
    ctx.store.watch((type, obj) => {
      const uid = obj.metadata.uid
      // Most objects own nothing; only owners with dependents need attention.
      if (type === 'DELETED' && ctx.store.hasDependents(uid)) this.queue.add(uid)
      if (type === 'MODIFIED' && obj.metadata.deletionTimestamp && hasGcFinalizer(obj)) this.queue.add(uid)
      // A dependent that went may be what an owner in foreground deletion waits for.
      if (type === 'DELETED') {
        for (const ref of obj.metadata.ownerReferences ?? []) {
          const owner = ctx.store.findUid(ref.uid)
          if (owner?.metadata.deletionTimestamp && hasGcFinalizer(owner)) this.queue.add(ref.uid)
        }
      }
    })
  }

  private sync(uid: string): void {
    const owner = this.ctx.store.findUid(uid)
    if (!owner) return this.collectOrphans(uid)
    const finalizers = owner.metadata.finalizers ?? []
    if (!owner.metadata.deletionTimestamp) return
    if (finalizers.includes(ORPHAN)) this.orphanDependents(owner)
    else if (finalizers.includes(FOREGROUND)) this.deleteDependentsFirst(owner)
  }

  private collectOrphans(ownerUid: string): void {
    for (const dependent of this.ctx.store.dependents(ownerUid)) {
      const refs = dependent.metadata.ownerReferences ?? []
      if (refs.some((r) => this.ctx.store.getByUid(r.kind, r.uid))) continue
      this.deleteQuietly(dependent, 'Background')
    }
  }

  private orphanDependents(owner: KubeObject): void {
    const uid = owner.metadata.uid
    for (const dependent of this.ctx.store.dependents(uid)) {
      this.ctx.api.mutate(dependent.kind, dependent.metadata.namespace, dependent.metadata.name, (draft) => {
        draft.metadata.ownerReferences = draft.metadata.ownerReferences?.filter((r) => r.uid !== uid)
        if (draft.metadata.ownerReferences?.length === 0) delete draft.metadata.ownerReferences
      })
    }
    this.removeFinalizer(owner, ORPHAN)
  }

  private deleteDependentsFirst(owner: KubeObject): void {
    const dependents = this.ctx.store.dependents(owner.metadata.uid)
    for (const dependent of dependents) if (!dependent.metadata.deletionTimestamp) this.deleteQuietly(dependent, 'Foreground')
    if (this.ctx.store.hasDependents(owner.metadata.uid)) return // deleted when the last one goes
    this.removeFinalizer(owner, FOREGROUND)
  }

  private removeFinalizer(owner: KubeObject, finalizer: string): void {
    this.ctx.api.mutate(owner.kind, owner.metadata.namespace, owner.metadata.name, (draft) => {
      draft.metadata.finalizers = draft.metadata.finalizers?.filter((f) => f !== finalizer)
      if (draft.metadata.finalizers?.length === 0) delete draft.metadata.finalizers
    })
  }

  /** A dependent someone else deleted meanwhile is fine: it is gone either way. */
  private deleteQuietly(obj: KubeObject, propagationPolicy: 'Background' | 'Foreground'): void {
    try {
      this.ctx.api.delete(obj.kind, obj.metadata.namespace, obj.metadata.name, { uid: obj.metadata.uid, propagationPolicy })
    } catch (e) {
      if (!(e instanceof ApiError) || e.reason !== 'NotFound') throw e
    }
  }
}

function hasGcFinalizer(obj: KubeObject): boolean {
  const f = obj.metadata.finalizers
  return !!f && (f.includes(ORPHAN) || f.includes(FOREGROUND))
}
