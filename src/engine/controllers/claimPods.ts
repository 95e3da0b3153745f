import type { ApiStore } from '../api/store.ts'
import type { KubeObject, LabelSelector, Pod } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import { selectorMatches } from '../util/labels.ts'
import { controllerRef, isControlledBy, ownerReferenceTo } from './ownership.ts'

/**
 * Pods without a controller, by namespace: the only candidates for adoption, kept as
 * keys so a controller never scans every pod to find them.
 */
export class OrphanPods {
  private static byStore = new WeakMap<ApiStore, OrphanPods>()

  /** The one index of a store, shared by every controller that adopts pods. */
  static of(store: ApiStore): OrphanPods {
    let index = OrphanPods.byStore.get(store)
    if (!index) OrphanPods.byStore.set(store, (index = new OrphanPods(store)))
    return index
  }

  private byNamespace = new Map<string, Set<string>>()

  private constructor(private readonly store: ApiStore) {
    store.watch((type, obj) => {
      if (obj.kind !== 'Pod') return
      const ns = obj.metadata.namespace ?? ''
      let set = this.byNamespace.get(ns)
      if (type !== 'DELETED' && !controllerRef(obj)) {
        if (!set) this.byNamespace.set(ns, (set = new Set()))
        set.add(obj.metadata.name)
      } else set?.delete(obj.metadata.name)
    }, ['Pod'])
  }

  in(namespace: string | undefined): Pod[] {
    const out: Pod[] = []
    for (const name of this.byNamespace.get(namespace ?? '') ?? []) {
      const pod = this.store.get<Pod>('Pod', namespace, name)
      if (pod) out.push(pod)
    }
    return out
  }
}

/**
 * The ControllerRefManager's claim (pkg/controller/controller_ref_manager.go): the pods
 * `owner` controls and still selects, after adopting matching orphans and releasing
 * owned pods that no longer match (`isMember` narrows what matches: a StatefulSet only
 * claims pods named after it). Adoption and release are API writes to the pod.
 */
export function claimPods(
  ctx: EngineContext,
  owner: KubeObject,
  selector: LabelSelector,
  orphans: OrphanPods,
  isMember: (pod: Pod) => boolean = () => true,
  /** False: the owned pods in no particular order (the caller ranks them), saving a sort per sync. */
  ordered = true,
): Pod[] {
  const matches = (pod: Pod) => selectorMatches(selector, pod.metadata.labels) && isMember(pod)
  const owned: Pod[] = []
  const ownerUid = owner.metadata.uid
  const dependents = ordered ? ctx.store.dependents<Pod>(ownerUid, 'Pod') : ctx.store.dependentsUnordered<Pod>(ownerUid, 'Pod')
  for (const pod of [...dependents, ...orphans.in(owner.metadata.namespace)]) {
    const key = [pod.metadata.namespace, pod.metadata.name] as const
    if (isControlledBy(pod, owner)) {
      if (matches(pod)) owned.push(pod)
      else {
        ctx.api.mutate<Pod>('Pod', ...key, (p) => {
          p.metadata.ownerReferences = p.metadata.ownerReferences?.filter((r) => r.uid !== ownerUid)
          if (p.metadata.ownerReferences?.length === 0) delete p.metadata.ownerReferences
        })
      }
    } else if (matches(pod) && !controllerRef(pod) && !pod.metadata.deletionTimestamp && !owner.metadata.deletionTimestamp) {
      owned.push(ctx.api.mutate<Pod>('Pod', ...key, (p) => {
        p.metadata.ownerReferences = [...(p.metadata.ownerReferences ?? []), ownerReferenceTo(owner)]
      }))
    }
  }
  return owned
}
