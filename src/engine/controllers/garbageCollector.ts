import { deleteObject } from '../api/deletion.ts'
import type { EngineContext } from '../context.ts'

/**
 * The garbage collector: when an owner is gone, dependents whose every owner is gone
 * are deleted (background cascading deletion).
 */
export class GarbageCollector {
  constructor(private readonly ctx: EngineContext) {
    ctx.store.watch((type, obj) => {
      if (type !== 'DELETED') return
      const uid = obj.metadata.uid
      // Most deleted objects own nothing; only schedule work for those that do.
      if (ctx.store.dependents(uid).length === 0) return
      ctx.after(0, `garbage-collector: dependents of ${obj.kind}/${obj.metadata.name}`, () => this.collect(uid))
    })
  }

  private collect(ownerUid: string): void {
    for (const dependent of this.ctx.store.dependents(ownerUid)) {
      const refs = dependent.metadata.ownerReferences ?? []
      if (refs.every((r) => !this.ownerExists(r.kind, r.uid))) deleteObject(this.ctx, dependent)
    }
  }

  private ownerExists(kind: string, uid: string): boolean {
    return this.ctx.store.getByUid(kind, uid) !== undefined
  }
}

