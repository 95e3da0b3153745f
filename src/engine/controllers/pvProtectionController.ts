import type { EngineContext } from '../context.ts'
import { type PersistentVolume, PV_PROTECTION } from '../storage/volumeTypes.ts'
import { nsKey, splitKey, WorkQueue } from './workQueue.ts'

/**
 * The PV protection controller (pkg/controller/volume/pvprotection): a deleted volume
 * keeps its `kubernetes.io/pv-protection` finalizer, and stays Terminating, while it is
 * Bound to a claim.
 */
export class PvProtectionController {
  private queue: WorkQueue

  constructor(private readonly ctx: EngineContext) {
    this.queue = new WorkQueue(ctx, 'pv-protection-controller', (key) => this.sync(key))
    ctx.store.watch((type, obj) => {
      if (type !== 'DELETED' && obj.metadata.deletionTimestamp && obj.metadata.finalizers?.includes(PV_PROTECTION)) this.queue.add(nsKey(undefined, obj.metadata.name))
    }, ['PersistentVolume'])
  }

  private sync(key: string): void {
    const [, name] = splitKey(key)
    const volume = this.ctx.store.get<PersistentVolume>('PersistentVolume', undefined, name)
    if (!volume || !volume.metadata.deletionTimestamp || !volume.metadata.finalizers?.includes(PV_PROTECTION)) return
    if (volume.status.phase === 'Bound') return
    this.ctx.api.mutate<PersistentVolume>('PersistentVolume', undefined, name, (draft) => {
      draft.metadata.finalizers = draft.metadata.finalizers!.filter((f) => f !== PV_PROTECTION)
    })
  }
}
