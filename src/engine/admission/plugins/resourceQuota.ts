import type { ResourceQuota } from '../../kinds/resourceQuota.ts'
import { evaluatorFor } from '../../quota/evaluators.ts'
import { addLists, exceededKeys, fromResourceList, maskList, prettyPrintList, toResourceList, type ResourceList } from '../../quota/resourceList.ts'
import { forbidden, type AdmissionPlugin } from './plugin.ts'

/**
 * ResourceQuota (apiserver pkg/admission/plugin/resourcequota): a new object is refused
 * when it would take a quota of its namespace over `hard`, or when a cpu/memory quota
 * needs requests or limits the pod does not state. An admitted object's usage is added
 * to the quota's status at once, so the next create in the same instant sees it; the
 * quota controller later recomputes it from what is stored.
 */
export const resourceQuotaAdmission: AdmissionPlugin = {
  name: 'ResourceQuota',
  validate(a) {
    if (a.operation !== 'CREATE') return
    const quotas = a.store.list<ResourceQuota>('ResourceQuota', a.obj.metadata.namespace ?? 'default')
    if (quotas.length === 0) return
    const evaluator = evaluatorFor(a.obj.kind)
    const interesting: { quota: ResourceQuota; hard: ResourceList; used: ResourceList }[] = []
    for (const quota of quotas) {
      // Quotas work from status.hard: until the controller has copied spec.hard there, they constrain nothing.
      const hard = toResourceList(quota.status?.hard)
      const matched = Object.keys(hard).filter((r) => evaluator.matches(r))
      if (matched.length === 0 || !evaluator.matchesScopes(quota.spec?.scopes ?? [], a.obj)) continue
      const unmet = evaluator.constraints?.(matched, a.obj)
      if (unmet) throw forbidden(a, `failed quota: ${quota.metadata.name}: ${unmet}`)
      const used = quota.status?.used ?? {}
      if (matched.some((r) => used[r] === undefined)) {
        throw forbidden(a, `status unknown for quota: ${quota.metadata.name}, resources: ${[...matched].sort().join(',')}`)
      }
      interesting.push({ quota, hard, used: toResourceList(used) })
    }
    if (interesting.length === 0) return
    const delta = evaluator.usage(a.obj, a.now)
    if (Object.values(delta).every((q) => q.nano === 0n)) return
    const updates: { quota: ResourceQuota; used: ResourceList }[] = []
    for (const { quota, hard, used } of interesting) {
      const requested = maskList(delta, Object.keys(hard))
      const newUsage = addLists(used, requested)
      const exceeded = exceededKeys(maskList(newUsage, Object.keys(requested)), hard)
      if (exceeded.length > 0) {
        throw forbidden(
          a,
          `exceeded quota: ${quota.metadata.name}, requested: ${prettyPrintList(maskList(requested, exceeded))}, used: ${prettyPrintList(maskList(used, exceeded))}, limited: ${prettyPrintList(maskList(hard, exceeded))}`,
        )
      }
      updates.push({ quota, used: newUsage })
    }
    if (a.dryRun) return
    for (const { quota, used } of updates) a.api.updateStatus(quota, { ...quota.status, used: fromResourceList(used) })
  },
}
