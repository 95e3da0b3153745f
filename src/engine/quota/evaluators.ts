import type { KubeObject, Pod } from '../api/types.ts'
import { parseSimTime } from '../clock.ts'
import { allKinds, kindModule } from '../kinds/registry.ts'
import { quantityOfCount, zeroQuantity } from '../util/exactQuantity.ts'
import { containersOf, podResourceList } from './podResources.ts'
import { addLists, toResourceList, type ResourceList } from './resourceList.ts'

/**
 * What a quota counts for one kind (pkg/quota/v1/evaluator/core and the generic
 * object-count evaluator): which quota resources its objects use, how much one object
 * uses, and, for pods, which quotas it must satisfy by stating requests or limits.
 */
export interface QuotaEvaluator {
  kind: string
  matches(resource: string): boolean
  usage(obj: KubeObject, now: number): ResourceList
  /** Constraints(): why the object cannot be admitted under a quota tracking `required`. */
  constraints?(required: string[], obj: KubeObject): string | undefined
  /** Whether the object falls under the quota's scopes (only pods have scopes). */
  matchesScopes(scopes: string[], obj: KubeObject): boolean
}

/** `count/deployments.apps`, `count/pods`: the object-count resource of a kind. */
export function countResourceOf(kind: string): string | undefined {
  const names = kindModule(kind)?.names
  return names && `count/${names.plural}${names.group ? `.${names.group}` : ''}`
}

const one = () => quantityOfCount(1)
const noScopes = (scopes: string[]) => scopes.length === 0

// Pods ---------------------------------------------------------------------

const POD_COMPUTE = ['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']
const POD_RESOURCES = new Set(['pods', 'count/pods', ...POD_COMPUTE, 'ephemeral-storage', 'requests.ephemeral-storage', 'limits.ephemeral-storage'])

/** podComputeUsageHelper: what a pod's (or one container's) requests and limits count as. */
function computeUsage(requests: ResourceList, limits: ResourceList): ResourceList {
  const out: ResourceList = { pods: one() }
  for (const r of ['cpu', 'memory', 'ephemeral-storage']) {
    if (requests[r]) out[r] = out[`requests.${r}`] = requests[r]
    if (limits[r]) out[`limits.${r}`] = limits[r]
  }
  return out
}

/** QuotaV1Pod: finished pods, and pods past their deletion grace period, use no compute quota. */
function podCountsAgainstQuota(pod: Pod, now: number): boolean {
  if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') return false
  const { deletionTimestamp, deletionGracePeriodSeconds } = pod.metadata
  if (deletionTimestamp && deletionGracePeriodSeconds !== undefined) {
    if (now > parseSimTime(deletionTimestamp) + deletionGracePeriodSeconds * 1000) return false
  }
  return true
}

function isBestEffort(pod: Pod): boolean {
  return containersOf(pod).every((c) => Object.keys(c.resources?.requests ?? {}).length === 0 && Object.keys(c.resources?.limits ?? {}).length === 0)
}

const POD_SCOPES: Record<string, (pod: Pod) => boolean> = {
  Terminating: (p) => p.spec.activeDeadlineSeconds !== undefined,
  NotTerminating: (p) => p.spec.activeDeadlineSeconds === undefined,
  BestEffort: isBestEffort,
  NotBestEffort: (p) => !isBestEffort(p),
}

const podEvaluator: QuotaEvaluator = {
  kind: 'Pod',
  matches: (r) => POD_RESOURCES.has(r),
  usage(obj, now) {
    const pod = obj as Pod
    // count/pods counts every stored pod; `pods` only those still running or waiting to.
    const result: ResourceList = { 'count/pods': one() }
    if (!podCountsAgainstQuota(pod, now)) return result
    return addLists(result, computeUsage(podResourceList(pod, 'requests'), podResourceList(pod, 'limits')))
  },
  constraints(required, obj) {
    const requiredSet = required.filter((r) => POD_COMPUTE.includes(r))
    const missing = new Map<string, Set<string>>()
    for (const c of containersOf(obj as Pod)) {
      const has = computeUsage(toResourceList(c.resources?.requests), toResourceList(c.resources?.limits))
      for (const r of requiredSet) if (!has[r]) missing.set(r, (missing.get(r) ?? new Set()).add(c.name))
    }
    if (missing.size === 0) return undefined
    const parts = [...missing.keys()].sort().map((r) => `${r} for: ${[...missing.get(r)!].sort().join(',')}`)
    return `must specify ${parts.join('; ')}`
  },
  matchesScopes: (scopes, obj) => scopes.every((s) => POD_SCOPES[s]?.(obj as Pod) ?? false),
}

// Services, claims, plain object counts --------------------------------------

const serviceEvaluator: QuotaEvaluator = {
  kind: 'Service',
  matches: (r) => ['services', 'count/services', 'services.nodeports', 'services.loadbalancers'].includes(r),
  usage(obj) {
    const spec = (obj.spec ?? {}) as { type?: string; ports?: { nodePort?: number }[]; allocateLoadBalancerNodePorts?: boolean }
    const ports = spec.ports ?? []
    const result: ResourceList = { services: one(), 'count/services': one(), 'services.loadbalancers': zeroQuantity(), 'services.nodeports': zeroQuantity() }
    if (spec.type === 'NodePort') result['services.nodeports'] = quantityOfCount(ports.length)
    if (spec.type === 'LoadBalancer') {
      // Without node ports allocated for the balancer, only ports that ask for one count.
      const counted = spec.allocateLoadBalancerNodePorts === false ? ports.filter((p) => p.nodePort).length : ports.length
      result['services.nodeports'] = quantityOfCount(counted)
      result['services.loadbalancers'] = one()
    }
    return result
  },
  matchesScopes: noScopes,
}

const claimEvaluator: QuotaEvaluator = {
  kind: 'PersistentVolumeClaim',
  matches: (r) => ['persistentvolumeclaims', 'count/persistentvolumeclaims', 'requests.storage'].includes(r),
  usage(obj) {
    const result: ResourceList = { persistentvolumeclaims: one(), 'count/persistentvolumeclaims': one() }
    const storage = toResourceList((obj.spec as { resources?: { requests?: Record<string, string> } } | undefined)?.resources?.requests).storage
    if (storage) result['requests.storage'] = storage
    return result
  },
  matchesScopes: noScopes,
}

/** Core kinds quotas also count under their bare plural (`configmaps`, `secrets`). */
const LEGACY_COUNTED = ['ConfigMap', 'Secret', 'ReplicationController', 'ResourceQuota']

function objectCountEvaluator(kind: string): QuotaEvaluator {
  const count = countResourceOf(kind)
  const legacy = LEGACY_COUNTED.includes(kind) ? kindModule(kind)?.names.plural : undefined
  return {
    kind,
    matches: (r) => r === count || r === legacy,
    usage: () => ({ ...(count ? { [count]: one() } : {}), ...(legacy ? { [legacy]: one() } : {}) }),
    matchesScopes: noScopes,
  }
}

const SPECIAL = new Map([podEvaluator, serviceEvaluator, claimEvaluator].map((e) => [e.kind, e]))
const generic = new Map<string, QuotaEvaluator>()

/** The evaluator of a kind: its own, or a plain object count. */
export function evaluatorFor(kind: string): QuotaEvaluator {
  const special = SPECIAL.get(kind)
  if (special) return special
  let e = generic.get(kind)
  if (!e) generic.set(kind, (e = objectCountEvaluator(kind)))
  return e
}

/** The kinds whose objects a quota with these resources counts. */
export function kindsCountedBy(resources: string[]): string[] {
  return allKinds()
    .map((k) => k.names.kind)
    .filter((kind) => resources.some((r) => evaluatorFor(kind).matches(r)))
}
