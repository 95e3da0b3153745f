import type { PersistentVolumeClaim, Pod } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import { podClaimNames } from '../storage/claimBinding.ts'
import { PVC_PROTECTION } from '../storage/volumeTypes.ts'
import { nsKey, splitKey, WorkQueue } from './workQueue.ts'

/** A pod holds its claims while it is on a node and not finished. */
function podUsesClaims(pod: Pod): boolean {
  return !!pod.spec.nodeName && pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed'
}

/**
 * The PVC protection controller (pkg/controller/volume/pvcprotection): a deleted claim
 * keeps its `kubernetes.io/pvc-protection` finalizer, and so stays Terminating, until no
 * scheduled, unfinished pod of its namespace uses it.
 */
export class PvcProtectionController {
  private queue: WorkQueue

  constructor(private readonly ctx: EngineContext) {
    this.queue = new WorkQueue(ctx, 'pvc-protection-controller', (key) => this.sync(key))
    ctx.store.watch((type, obj) => {
      if (obj.kind === 'PersistentVolumeClaim') {
        if (type !== 'DELETED' && obj.metadata.deletionTimestamp && obj.metadata.finalizers?.includes(PVC_PROTECTION)) {
          this.queue.add(nsKey(obj.metadata.namespace, obj.metadata.name))
        }
        return
      }
      // A pod that goes or finishes may release claims being deleted.
      const pod = obj as Pod
      if (type !== 'DELETED' && podUsesClaims(pod)) return
      for (const claim of podClaimNames(pod)) this.queue.add(nsKey(pod.metadata.namespace, claim))
    }, ['PersistentVolumeClaim', 'Pod'])
  }

  private sync(key: string): void {
    const [namespace, name] = splitKey(key)
    const claim = this.ctx.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, name)
    if (!claim || !claim.metadata.deletionTimestamp || !claim.metadata.finalizers?.includes(PVC_PROTECTION)) return
    const inUse = this.ctx.store.list<Pod>('Pod', namespace).some((p) => podUsesClaims(p) && podClaimNames(p).includes(name))
    if (inUse) return
    this.ctx.api.mutate<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, name, (draft) => {
      draft.metadata.finalizers = draft.metadata.finalizers!.filter((f) => f !== PVC_PROTECTION)
    })
  }
}
