import type { ApiStore } from '../../api/store.ts'
import type { Container, KubeObject, Pod } from '../../api/types.ts'
import type { LimitRange, LimitRangeItem } from '../../kinds/limitRange.ts'
import { podResourceList } from '../../quota/podResources.ts'
import { toResourceList, type ResourceList } from '../../quota/resourceList.ts'
import { formatExactQuantity, milliValue, parseExactQuantity, type Quantity } from '../../util/exactQuantity.ts'
import { forbidden, type AdmissionPlugin } from './plugin.ts'

const ANNOTATION = 'kubernetes.io/limit-ranger'

/**
 * LimitRanger (plugin/pkg/admission/limitranger): on pod creation, containers get the
 * namespace's default requests and limits (mutating), then every pod and claim is
 * checked against min, max and maxLimitRequestRatio (validating). Pod updates are left
 * alone, since containers' resources cannot change.
 */
export const limitRanger: AdmissionPlugin = {
  name: 'LimitRanger',
  admit(a) {
    if (a.operation !== 'CREATE' || a.obj.kind !== 'Pod') return
    for (const lr of limitRangesOf(a.store, a.obj)) applyDefaults(a.obj as Pod, lr)
  },
  validate(a) {
    if (a.operation !== 'CREATE' || (a.obj.kind !== 'Pod' && a.obj.kind !== 'PersistentVolumeClaim')) return
    const errors: string[] = []
    for (const lr of limitRangesOf(a.store, a.obj)) {
      errors.push(...(a.obj.kind === 'Pod' ? validatePod(a.obj as Pod, lr) : validateClaim(a.obj, lr)))
    }
    // utilerrors.NewAggregate: duplicates dropped, several in brackets.
    const unique = [...new Set(errors)]
    if (unique.length > 0) throw forbidden(a, unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`)
  },
}

function limitRangesOf(store: ApiStore, obj: KubeObject): readonly LimitRange[] {
  return store.list<LimitRange>('LimitRange', obj.metadata.namespace ?? 'default')
}

/** mergePodResourceRequirements: fills in what containers leave unset, and says so in an annotation. */
function applyDefaults(pod: Pod, lr: LimitRange): void {
  const requests: Record<string, string> = {}
  const limits: Record<string, string> = {}
  for (const item of lr.spec.limits ?? []) {
    if (item.type !== 'Container') continue
    Object.assign(requests, item.defaultRequest ?? {})
    Object.assign(limits, item.default ?? {})
  }
  const notes: string[] = []
  const merge = (c: Container, prefix: string) => {
    const resources = (c.resources ??= {})
    const setLimits = Object.keys(limits).filter((k) => (resources.limits ?? {})[k] === undefined)
    const setRequests = Object.keys(requests).filter((k) => (resources.requests ?? {})[k] === undefined)
    if (setLimits.length) resources.limits = { ...(resources.limits ?? {}), ...Object.fromEntries(setLimits.map((k) => [k, limits[k]])) }
    if (setRequests.length) resources.requests = { ...(resources.requests ?? {}), ...Object.fromEntries(setRequests.map((k) => [k, requests[k]])) }
    if (setRequests.length) notes.push(`${setRequests.sort().join(', ')} request for ${prefix} ${c.name}`)
    if (setLimits.length) notes.push(`${setLimits.sort().join(', ')} limit for ${prefix} ${c.name}`)
  }
  for (const c of pod.spec.containers) merge(c, 'container')
  for (const c of pod.spec.initContainers ?? []) merge(c, 'init container')
  if (notes.length > 0) pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), [ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}` }
}

type Check = (type: string, resource: string, enforced: Quantity, requests: ResourceList, limits: ResourceList) => string | undefined

const show = formatExactQuantity

const minConstraint: Check = (type, r, enforced, requests, limits) => {
  const req = requests[r]
  const lim = limits[r]
  if (!req) return `minimum ${r} usage per ${type} is ${show(enforced)}.  No request is specified`
  if (milliValue(req) < milliValue(enforced)) return `minimum ${r} usage per ${type} is ${show(enforced)}, but request is ${show(req)}`
  if (lim && milliValue(lim) < milliValue(enforced)) return `minimum ${r} usage per ${type} is ${show(enforced)}, but limit is ${show(lim)}`
  return undefined
}

const maxConstraint: Check = (type, r, enforced, requests, limits) => {
  const req = requests[r]
  const lim = limits[r]
  if (!lim) return `maximum ${r} usage per ${type} is ${show(enforced)}.  No limit is specified`
  if (milliValue(lim) > milliValue(enforced)) return `maximum ${r} usage per ${type} is ${show(enforced)}, but limit is ${show(lim)}`
  if (req && milliValue(req) > milliValue(enforced)) return `maximum ${r} usage per ${type} is ${show(enforced)}, but request is ${show(req)}`
  return undefined
}

const ratioConstraint: Check = (type, r, enforced, requests, limits) => {
  const req = requests[r]
  const lim = limits[r]
  if (!req || milliValue(req) === 0n) return `${r} max limit to request ratio per ${type} is ${show(enforced)}, but no request is specified or request is 0`
  if (!lim || milliValue(lim) === 0n) return `${r} max limit to request ratio per ${type} is ${show(enforced)}, but no limit is specified or limit is 0`
  const observed = Number(milliValue(lim)) / Number(milliValue(req))
  if (observed * 1000 > Number(milliValue(enforced))) {
    return `${r} max limit to request ratio per ${type} is ${show(enforced)}, but provided ratio is ${observed.toFixed(6)}`
  }
  return undefined
}

/** Runs min, max and ratio checks of one item over one set of requests and limits. */
function checkItem(item: LimitRangeItem, type: string, requests: ResourceList, limits: ResourceList): string[] {
  const out: string[] = []
  const run = (field: 'min' | 'max' | 'maxLimitRequestRatio', check: Check) => {
    for (const [r, text] of Object.entries(item[field] ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
      const enforced = parseExactQuantity(text)
      const message = enforced && check(type, r, enforced, requests, limits)
      if (message) out.push(message)
    }
  }
  run('min', minConstraint)
  run('max', maxConstraint)
  run('maxLimitRequestRatio', ratioConstraint)
  return out
}

/** PodValidateLimitFunc: Container items per container (and init container), Pod items over the pod's totals. */
function validatePod(pod: Pod, lr: LimitRange): string[] {
  const out: string[] = []
  for (const item of lr.spec.limits ?? []) {
    if (item.type === 'Container') {
      for (const c of [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]) {
        out.push(...checkItem(item, 'Container', toResourceList(c.resources?.requests), toResourceList(c.resources?.limits)))
      }
    }
    if (item.type === 'Pod') out.push(...checkItem(item, 'Pod', podResourceList(pod, 'requests'), podResourceList(pod, 'limits')))
  }
  return out
}

/** PersistentVolumeClaimValidateLimitFunc: min and max of the storage a claim requests. */
function validateClaim(claim: KubeObject, lr: LimitRange): string[] {
  const requests = toResourceList((claim.spec as { resources?: { requests?: Record<string, string> } } | undefined)?.resources?.requests)
  const out: string[] = []
  for (const item of lr.spec.limits ?? []) {
    if (item.type !== 'PersistentVolumeClaim') continue
    for (const [r, text] of Object.entries(item.min ?? {})) {
      const message = minConstraint('PersistentVolumeClaim', r, parseExactQuantity(text)!, requests, {})
      if (message) out.push(message)
    }
    for (const [r, text] of Object.entries(item.max ?? {})) {
      const enforced = parseExactQuantity(text)!
      const req = requests[r]
      if (!req) out.push(`maximum ${r} usage per PersistentVolumeClaim is ${show(enforced)}.  No request is specified`)
      else if (milliValue(req) > milliValue(enforced)) out.push(`maximum ${r} usage per PersistentVolumeClaim is ${show(enforced)}, but request is ${show(req)}`)
    }
  }
  return out
}
