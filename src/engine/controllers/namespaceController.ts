import { ApiError } from '../api/errors.ts'
import type { KubeObject, Pod } from '../api/types.ts'
import { parseSimTime } from '../clock.ts'
import type { EngineContext } from '../context.ts'
import type { ResourceNames } from '../kinds/kindModule.ts'
import type { Namespace } from '../kinds/namespace.ts'
import { allKinds } from '../kinds/registry.ts'
import { type SyncResult, WorkQueue } from './workQueue.ts'

/** The finalizer this controller owns on every namespace (v1.FinalizerKubernetes). */
export const KUBERNETES_FINALIZER = 'kubernetes'
/** Namespace events are handled this long after they happen, so every API server has seen the deletion. */
const NAMESPACE_DELETION_GRACE_MS = 5_000
/** A wait assumed for content held by finalizers (finalizerEstimateSeconds). */
const FINALIZER_ESTIMATE_SECONDS = 15
/** The namespace controller's rate limiter retries at least once a minute. */
const MAX_RETRY_MS = 60_000

type NamespaceCondition = NonNullable<Namespace['status']['conditions']>[number]

/** The conditions the deleter keeps, in order, with their "nothing wrong" reason and message. */
const CONDITION_TYPES: [type: string, okReason: string, okMessage: string][] = [
  ['NamespaceDeletionDiscoveryFailure', 'ResourcesDiscovered', 'All resources successfully discovered'],
  ['NamespaceDeletionGroupVersionParsingFailure', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'],
  ['NamespaceDeletionContentFailure', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'],
  ['NamespaceContentRemaining', 'ContentRemoved', 'All content successfully removed'],
  ['NamespaceFinalizersRemaining', 'ContentHasNoFinalizers', 'All content-preserving finalizers finished'],
]

/** What one pass over a resource type left behind (gvrDeletionMetadata). */
interface ResourceLeft {
  estimateSeconds: number
  remaining: number
  finalizers: Map<string, number>
  error?: string
}

/**
 * The namespace controller (pkg/controller/namespace): once a namespace is marked for
 * deletion it deletes everything in it, pods first (OrderedNamespaceDeletion), keeps the
 * deletion conditions up to date, waits for graceful pods and finalizers, and finally
 * removes the `kubernetes` finalizer, which lets the API server remove the namespace.
 */
export class NamespaceController {
  private queue: WorkQueue

  constructor(private readonly ctx: EngineContext) {
    this.queue = new WorkQueue(ctx, 'namespace-controller', (name) => this.sync(name), MAX_RETRY_MS)
    ctx.store.watch((type, obj) => {
      if (obj.kind === 'Namespace' && type !== 'DELETED' && obj.metadata.deletionTimestamp) {
        this.queue.add(obj.metadata.name, NAMESPACE_DELETION_GRACE_MS)
      }
    }, ['Namespace'])
  }

  private sync(name: string): SyncResult {
    const ns = this.ctx.store.get<Namespace>('Namespace', undefined, name)
    if (!ns?.metadata.deletionTimestamp) return
    if (!(ns.spec?.finalizers ?? []).includes(KUBERNETES_FINALIZER)) return
    const { estimateSeconds, errors } = this.deleteAllContent(ns)
    if (errors.length > 0) return 'retry'
    if (estimateSeconds > 0) {
      // Look again in about half the time the slowest pod may take (ResourcesRemainingError).
      this.queue.add(name, (Math.floor(estimateSeconds / 2) + 1) * 1000)
      return
    }
    const current = this.ctx.store.get<Namespace>('Namespace', undefined, name)
    if (!current) return
    const finalizers = [...new Set((current.spec?.finalizers ?? []).filter((f) => f !== KUBERNETES_FINALIZER))].sort()
    this.ctx.api.update({ ...current, spec: { ...current.spec, finalizers } }, { subresource: 'finalize' })
  }

  /**
   * Deletes the namespace's content, pods first: the rest waits until no pod is left.
   * Writes the conditions and returns how long to wait and what went wrong.
   */
  private deleteAllContent(ns: Namespace): { estimateSeconds: number; errors: string[] } {
    const namespace = ns.metadata.name
    const deletedAt = parseSimTime(ns.metadata.deletionTimestamp!)
    const namespaced = allKinds().filter((k) => k.names.namespaced).map((k) => k.names)
    const pods = namespaced.filter((r) => r.kind === 'Pod')
    const rest = namespaced.filter((r) => r.kind !== 'Pod')
    let estimateSeconds = 0
    const errors: string[] = []
    const remaining = new Map<string, number>()
    const finalizers = new Map<string, number>()
    const pass = (resources: ResourceNames[]) => {
      for (const resource of resources) {
        const left = this.deleteResource(resource, namespace, deletedAt)
        estimateSeconds = Math.max(estimateSeconds, left.estimateSeconds)
        if (left.error) errors.push(left.error)
        if (left.remaining === 0) continue
        remaining.set(`${resource.plural}.${resource.group} has ${left.remaining} resource instances`, left.remaining)
        for (const [f, n] of left.finalizers) finalizers.set(f, (finalizers.get(f) ?? 0) + n)
      }
    }
    pass(pods)
    if (remaining.size === 0) pass(rest)
    this.writeConditions(ns, errors, [...remaining.keys()], finalizers)
    return { estimateSeconds, errors }
  }

  /** deleteAllContentForGroupVersionResource: delete every object of one type, then count what is left. */
  private deleteResource(resource: ResourceNames, namespace: string, deletedAt: number): ResourceLeft {
    const store = this.ctx.store
    let estimateSeconds = resource.kind === 'Pod' ? this.podGraceEstimate(namespace) : 0
    // The estimate counts from when the namespace was deleted.
    if (this.ctx.clock.now - deletedAt >= estimateSeconds * 1000) estimateSeconds = 0
    for (const obj of [...store.list(resource.kind, namespace)]) {
      try {
        this.ctx.api.delete(resource.kind, namespace, obj.metadata.name, { propagationPolicy: 'Background' })
      } catch (e) {
        if (!(e instanceof ApiError)) throw e
        if (e.reason !== 'NotFound') return { estimateSeconds, remaining: store.list(resource.kind, namespace).length, finalizers: new Map(), error: e.message }
      }
    }
    const left: readonly KubeObject[] = store.list(resource.kind, namespace)
    const finalizers = new Map<string, number>()
    for (const obj of left) for (const f of obj.metadata.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1)
    if (left.length === 0) return { estimateSeconds: 0, remaining: 0, finalizers }
    if (estimateSeconds > 0) return { estimateSeconds, remaining: left.length, finalizers }
    if (finalizers.size > 0) return { estimateSeconds: FINALIZER_ESTIMATE_SECONDS, remaining: left.length, finalizers }
    return {
      estimateSeconds,
      remaining: left.length,
      finalizers,
      // Go prints a GroupVersionResource as `group/version, Resource=plural`.
      error: `unexpected items still remain in namespace: ${namespace} for gvr: ${resource.group}/${resource.version}, Resource=${resource.plural}`,
    }
  }

  /** The longest grace period among the namespace's running pods (estimateGracefulTerminationForPods). */
  private podGraceEstimate(namespace: string): number {
    let estimate = 0
    for (const pod of this.ctx.store.list<Pod>('Pod', namespace)) {
      if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') continue
      estimate = Math.max(estimate, pod.spec.terminationGracePeriodSeconds ?? 0)
    }
    return estimate
  }

  /** namespaceConditionUpdater: every condition is written; a problem is True, its absence the "ok" False. */
  private writeConditions(ns: Namespace, errors: string[], remaining: string[], finalizers: Map<string, number>): void {
    const current = this.ctx.store.get<Namespace>('Namespace', undefined, ns.metadata.name)
    if (!current) return
    const problems = new Map<string, { reason: string; message: string }>()
    if (errors.length > 0) {
      problems.set('NamespaceDeletionContentFailure', {
        reason: 'ContentDeletionFailed',
        message: `Failed to delete all resource types, ${errors.length} remaining: ${[...errors].sort().join(', ')}`,
      })
    }
    if (remaining.length > 0) {
      problems.set('NamespaceContentRemaining', { reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${[...remaining].sort().join(', ')}` })
    }
    if (finalizers.size > 0) {
      const items = [...finalizers].map(([f, n]) => `${f} in ${n} resource instances`).sort()
      problems.set('NamespaceFinalizersRemaining', { reason: 'SomeFinalizersRemain', message: `Some content in the namespace has finalizers remaining: ${items.join(', ')}` })
    }
    const now = this.ctx.clock.rfc3339()
    const conditions: NamespaceCondition[] = (current.status?.conditions ?? []).map((c) => ({ ...c }))
    let changed = false
    for (const [type, okReason, okMessage] of CONDITION_TYPES) {
      const problem = problems.get(type)
      const wanted = { type, status: problem ? 'True' : 'False', reason: problem?.reason ?? okReason, message: problem?.message ?? okMessage }
      const old = conditions.find((c) => c.type === type)
      if (!old) {
        conditions.push({ ...wanted, lastTransitionTime: now })
        changed = true
      } else if (old.status !== wanted.status || old.reason !== wanted.reason || old.message !== wanted.message) {
        if (old.status !== wanted.status) old.lastTransitionTime = now
        Object.assign(old, { status: wanted.status, reason: wanted.reason, message: wanted.message })
        changed = true
      }
    }
    if (changed) this.ctx.api.updateStatus(current, { ...current.status, conditions })
  }
}
