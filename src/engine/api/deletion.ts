import type { EngineContext } from '../context.ts'
import type { KubeObject, Pod } from './types.ts'

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan'

export interface DeleteOptions {
  gracePeriodSeconds?: number
  propagationPolicy?: PropagationPolicy
}

/**
 * The API server's delete: pods on a node are deleted gracefully (deletionTimestamp,
 * the kubelet stops them, then the object goes); everything else goes at once, and
 * the garbage collector deals with dependents according to the propagation policy.
 */
export function deleteObject(ctx: EngineContext, obj: KubeObject, opts: DeleteOptions = {}): void {
  const policy = opts.propagationPolicy ?? 'Background'
  if (policy === 'Orphan') orphanDependents(ctx, obj)
  if (obj.kind === 'Pod') {
    const pod = obj as Pod
    const grace = opts.gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30
    const finished = pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed'
    if (!pod.spec.nodeName || grace === 0 || finished) {
      ctx.store.remove(pod)
      return
    }
    if (pod.metadata.deletionTimestamp) {
      // A second delete can only shorten the grace period.
      if (grace >= (pod.metadata.deletionGracePeriodSeconds ?? grace)) return
    }
    pod.metadata.deletionTimestamp = ctx.clock.rfc3339(ctx.clock.now + grace * 1000)
    pod.metadata.deletionGracePeriodSeconds = grace
    ctx.store.update(pod)
    return
  }
  ctx.store.remove(obj)
}

function orphanDependents(ctx: EngineContext, owner: KubeObject): void {
  for (const dependent of ctx.store.dependents(owner.metadata.uid)) {
    const refs = dependent.metadata.ownerReferences ?? []
    dependent.metadata.ownerReferences = refs.filter((r) => r.uid !== owner.metadata.uid)
    if (dependent.metadata.ownerReferences.length === 0) delete dependent.metadata.ownerReferences
    ctx.store.update(dependent)
  }
}
