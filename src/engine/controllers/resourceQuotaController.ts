import type { KubeObject } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import type { ResourceQuota } from '../kinds/resourceQuota.ts'
import { evaluatorFor, kindsCountedBy } from '../quota/evaluators.ts'
import { addLists, fromResourceList, maskList, toResourceList, type ResourceList } from '../quota/resourceList.ts'
import { zeroQuantity } from '../util/exactQuantity.ts'
import { nsKey, splitKey, WorkQueue } from './workQueue.ts'

/**
 * The resource quota controller (pkg/controller/resourcequota): keeps each quota's
 * status.hard equal to spec.hard and status.used equal to what its namespace's objects
 * use. Objects are watched only in namespaces that have quotas; a change that alters an
 * object's usage (created, deleted, a pod finishing) requeues that namespace's quotas,
 * and a sync recounts one quota from the namespace's lists.
 */
export class ResourceQuotaController {
  private queue: WorkQueue

  constructor(private readonly ctx: EngineContext) {
    this.queue = new WorkQueue(ctx, 'resourcequota-controller', (key) => this.sync(key))
    ctx.store.watch((type, obj, old) => {
      const namespace = obj.metadata.namespace
      if (!namespace) return
      if (obj.kind === 'ResourceQuota') {
        const specChanged = type === 'ADDED' || JSON.stringify(obj.spec) !== JSON.stringify(old?.spec)
        if (type !== 'DELETED' && specChanged) this.queue.add(nsKey(namespace, obj.metadata.name))
        if (type === 'MODIFIED') return
      }
      const quotas = ctx.store.list<ResourceQuota>('ResourceQuota', namespace)
      if (quotas.length === 0 || (type === 'MODIFIED' && !this.usageChanged(obj, old))) return
      const evaluator = evaluatorFor(obj.kind)
      for (const q of quotas) {
        if (Object.keys(q.spec?.hard ?? {}).some((r) => evaluator.matches(r))) this.queue.add(nsKey(namespace, q.metadata.name))
      }
    })
  }

  private usageChanged(obj: KubeObject, old: KubeObject | undefined): boolean {
    if (!old) return true
    const evaluator = evaluatorFor(obj.kind)
    const now = this.ctx.clock.now
    return JSON.stringify(fromResourceList(evaluator.usage(obj, now))) !== JSON.stringify(fromResourceList(evaluator.usage(old, now)))
  }

  private sync(key: string): void {
    const [namespace, name] = splitKey(key)
    const quota = this.ctx.store.get<ResourceQuota>('ResourceQuota', namespace, name)
    if (!quota || quota.metadata.deletionTimestamp) return
    const hard = toResourceList(quota.spec?.hard)
    const resources = Object.keys(hard)
    const scopes = quota.spec?.scopes ?? []
    const now = this.ctx.clock.now
    let used: ResourceList = {}
    for (const kind of kindsCountedBy(resources)) {
      const evaluator = evaluatorFor(kind)
      // Each tracked resource starts at zero, so an empty namespace shows `0`.
      for (const r of resources) if (evaluator.matches(r)) used[r] ??= zeroQuantity()
      for (const obj of this.ctx.store.list(kind, namespace)) {
        if (evaluator.matchesScopes(scopes, obj)) used = addLists(used, maskList(evaluator.usage(obj, now), resources))
      }
    }
    const status = { hard: fromResourceList(hard), used: fromResourceList(maskList(used, resources)) }
    if (JSON.stringify(status) === JSON.stringify(quota.status)) return
    this.ctx.api.updateStatus(quota, status)
  }
}
