import type { FieldError } from '../admission/fieldErrors.ts'
import { formatFieldError, invalidMessage } from '../admission/fieldErrors.ts'
import { ADMISSION_PLUGINS } from '../admission/plugins/registry.ts'
import type { AdmissionAttributes } from '../admission/plugins/plugin.ts'
import { validateObjectMeta } from '../admission/validation.ts'
import { parseSimTime, type SimClock } from '../clock.ts'
import type { AdmissionContext, KindModule } from '../kinds/kindModule.ts'
import { kindModule } from '../kinds/registry.ts'
import { NAME_ALPHABET, type SeededRandom } from '../rng.ts'
import { ApiError } from './errors.ts'
import { evictPod } from './eviction.ts'
import { qualifiedPlural } from './resources.ts'
import type { ApiStore } from './store.ts'
import type { KubeObject, Pod } from './types.ts'

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan'

export interface DeleteOptions {
  gracePeriodSeconds?: number
  propagationPolicy?: PropagationPolicy
  /** Only delete the object with this uid (a precondition, as the kubelet and controllers use). */
  uid?: string
}

export const FOREGROUND = 'foregroundDeletion'
export const ORPHAN = 'orphan'

/**
 * The API server: every write goes through here, from kubectl, controllers, the
 * scheduler, kubelets and the UI. A write is admitted (defaults, mutating admission,
 * validation, validating admission), checked against the stored resourceVersion, and
 * stored as a new object so that watchers see the old and the new. Deletion honours
 * graceful termination, finalizers and the propagation policy.
 *
 * Refusals are thrown as ApiError with the real server's reason and message.
 */
export class ApiServer {
  constructor(
    private readonly store: ApiStore,
    private readonly clock: SimClock,
    private readonly rng: SeededRandom,
  ) {}

  private module(kind: string): KindModule {
    const module = kindModule(kind)
    if (!module) throw new ApiError('NotFound', `the server could not find the requested resource (kind ${kind})`)
    return module
  }

  private admissionContext(old?: KubeObject): AdmissionContext {
    return { store: this.store, rng: this.rng, now: this.clock.now, old }
  }

  /**
   * POST: admits and stores a new object. With `dryRun`, returns what would be stored.
   * `uid` is for objects the cluster is built with, so adding one does not shift the
   * seeded names of everything made after it.
   */
  create<T extends KubeObject>(obj: T, opts: { dryRun?: boolean; uid?: string } = {}): T {
    const module = this.module(obj.kind)
    obj.metadata ??= {} as T['metadata']
    const meta = obj.metadata
    if (module.names.namespaced) meta.namespace ??= 'default'
    else delete meta.namespace
    if (!meta.name && meta.generateName) meta.name = this.generateName(obj.kind, meta.namespace, meta.generateName)
    if (meta.name && this.store.get(obj.kind, meta.namespace, meta.name)) {
      throw new ApiError('AlreadyExists', `${qualifiedPlural(module.names)} "${meta.name}" already exists`, 'metadata.name')
    }
    if (module.hasSpec) obj.spec ??= {}
    if (meta.deletionTimestamp !== undefined) delete meta.deletionTimestamp
    if (meta.deletionGracePeriodSeconds !== undefined) delete meta.deletionGracePeriodSeconds
    // The server picks the uid; a kind whose defaulting needs it (a Job's generated selector) draws it early.
    meta.uid = opts.uid ?? ''
    const ctx = this.admissionContext()
    module.defaults?.(obj, ctx)
    if (module.initialStatus) obj.status = module.initialStatus(obj)
    const attrs: AdmissionAttributes = { operation: 'CREATE', obj, module, store: this.store, rng: this.rng, now: this.clock.now, api: this, dryRun: !!opts.dryRun }
    for (const plugin of ADMISSION_PLUGINS) plugin.admit?.(attrs)
    this.refuseInvalid(obj, [...validateObjectMeta(obj, module.nameRule), ...(module.validate?.(obj, ctx) ?? [])])
    for (const plugin of ADMISSION_PLUGINS) plugin.validate?.(attrs)
    if (obj.spec !== undefined && !module.noGeneration) meta.generation = 1
    if (opts.dryRun) return obj
    return this.store.create(obj)
  }

  /**
   * PUT: replaces the stored object with `next`, a new object (never the stored one
   * mutated in place). A stale resourceVersion is a conflict. The spec path keeps the
   * stored status; the status path (`subresource: 'status'`) changes only status; a
   * namespace's finalize path (`subresource: 'finalize'`) changes only spec.finalizers,
   * which the namespace controller empties once the namespace's content is gone.
   */
  update<T extends KubeObject>(next: T, opts: { subresource?: 'status' | 'finalize'; dryRun?: boolean } = {}): T {
    const module = this.module(next.kind)
    const old = this.store.get<T>(next.kind, next.metadata.namespace, next.metadata.name)
    if (!old) throw new ApiError('NotFound', `${qualifiedPlural(module.names)} "${next.metadata.name}" not found`)
    if (next === old) throw new Error(`${next.kind} ${next.metadata.name}: update with the stored object itself; write a copy`)
    const rv = next.metadata.resourceVersion
    if (rv && rv !== old.metadata.resourceVersion) {
      throw new ApiError(
        'Conflict',
        `Operation cannot be fulfilled on ${qualifiedPlural(module.names)} "${old.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`,
      )
    }
    if (opts.subresource === 'status') {
      const written = { ...old, metadata: { ...old.metadata }, status: next.status } as T
      return opts.dryRun ? written : this.store.update(written)
    }
    if (opts.subresource === 'finalize') {
      if (next.kind !== 'Namespace') throw new ApiError('NotFound', 'the server could not find the requested resource')
      const finalizers = (next.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []
      const written = { ...old, metadata: { ...old.metadata }, spec: { ...(old.spec as object), finalizers } } as T
      if (opts.dryRun) return written
      const stored = this.store.update(written)
      if (this.finalized(stored)) this.store.remove(stored)
      return stored
    }
    // Identity and deletion state are the server's, whatever the client sent.
    const { deletionTimestamp, deletionGracePeriodSeconds, generation, ...sent } = next.metadata
    void deletionTimestamp, void deletionGracePeriodSeconds, void generation
    const kept = old.metadata
    next.metadata = {
      ...sent,
      uid: kept.uid,
      creationTimestamp: kept.creationTimestamp,
      ...(kept.deletionTimestamp !== undefined ? { deletionTimestamp: kept.deletionTimestamp } : {}),
      ...(kept.deletionGracePeriodSeconds !== undefined ? { deletionGracePeriodSeconds: kept.deletionGracePeriodSeconds } : {}),
      ...(kept.generation !== undefined ? { generation: kept.generation } : {}),
    }
    if (module.hasSpec) next.spec ??= {}
    if (module.initialStatus) next.status = old.status
    const ctx = this.admissionContext(old)
    module.defaults?.(next, ctx)
    const attrs: AdmissionAttributes = { operation: 'UPDATE', obj: next, old, module, store: this.store, rng: this.rng, now: this.clock.now, api: this, dryRun: !!opts.dryRun }
    for (const plugin of ADMISSION_PLUGINS) plugin.admit?.(attrs)
    this.refuseInvalid(next, [
      ...validateObjectMeta(next, module.nameRule),
      ...(module.validate?.(next, ctx) ?? []),
      ...(module.validateUpdate?.(next, old) ?? []),
    ])
    for (const plugin of ADMISSION_PLUGINS) plugin.validate?.(attrs)
    if (old.metadata.generation !== undefined && JSON.stringify(next.spec) !== JSON.stringify(old.spec)) {
      next.metadata.generation = old.metadata.generation + 1
    }
    if (opts.dryRun) return next
    const written = this.store.update(next)
    if (this.finalized(written)) this.store.remove(written)
    return written
  }

  /** Status writes (controllers, the kubelet, the scheduler): no spec validation, no generation bump. */
  updateStatus<T extends KubeObject>(obj: T, status: T['status']): T {
    return this.update({ ...obj, status }, { subresource: 'status' })
  }

  /**
   * The pods/binding subresource: the scheduler's one write to a pod's spec. Sets
   * spec.nodeName and the PodScheduled condition; a bound pod cannot be bound again.
   */
  bind(pod: Pod, nodeName: string, scheduledAt: string): Pod {
    const stored = this.store.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name)
    if (!stored || stored.metadata.uid !== pod.metadata.uid) throw new ApiError('NotFound', `pods "${pod.metadata.name}" not found`)
    if (stored.spec.nodeName) throw new ApiError('Conflict', `Operation cannot be fulfilled on pods/binding "${pod.metadata.name}": pod ${pod.metadata.name} is already assigned to node "${stored.spec.nodeName}"`)
    const conditions = [
      ...(stored.status.conditions ?? []).filter((c) => c.type !== 'PodScheduled'),
      { type: 'PodScheduled', status: 'True' as const, lastProbeTime: null, lastTransitionTime: scheduledAt },
    ]
    // ClearingNominatedNodeNameAfterBinding (on by default since v1.35): the nomination is spent.
    const { nominatedNodeName: _spent, ...status } = stored.status
    return this.store.update({ ...stored, metadata: { ...stored.metadata }, spec: { ...stored.spec, nodeName }, status: { ...status, conditions } })
  }

  /**
   * Read-modify-write of the stored object: `change` edits a copy. Returns the stored
   * result; nothing is written when `change` returns false.
   */
  mutate<T extends KubeObject>(kind: string, namespace: string | undefined, name: string, change: (draft: T) => void | false): T {
    const current = this.store.get<T>(kind, namespace, name)
    if (!current) throw new ApiError('NotFound', `${qualifiedPlural(this.module(kind).names)} "${name}" not found`)
    const draft = structuredClone(current)
    if (change(draft) === false) return current
    return this.update(draft)
  }

  /**
   * DELETE. Pods on a node get a deletionTimestamp and the grace period, and go when
   * their kubelet confirms with a zero grace period. An object with finalizers (or
   * dependents under Foreground/Orphan propagation) is only marked; it goes when the
   * last finalizer is removed. Everything else goes at once. Returns the object as the
   * delete left it, and whether it is gone.
   */
  delete(kind: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): { object: KubeObject; gone: boolean } {
    const module = this.module(kind)
    const stored = this.store.get(kind, module.names.namespaced ? namespace : undefined, name)
    if (!stored || (opts.uid && stored.metadata.uid !== opts.uid)) {
      throw new ApiError('NotFound', `${qualifiedPlural(module.names)} "${name}" not found`)
    }
    const deletion = module.deletion
    const obj = structuredClone(stored)
    const meta = obj.metadata
    const now = this.clock.now
    const finalizers = [...(meta.finalizers ?? [])]
    const policy = opts.propagationPolicy ?? 'Background'
    if (!meta.deletionTimestamp && this.store.hasDependents(meta.uid)) {
      if (policy === 'Foreground' && !finalizers.includes(FOREGROUND)) finalizers.push(FOREGROUND)
      if (policy === 'Orphan' && !finalizers.includes(ORPHAN)) finalizers.push(ORPHAN)
    }
    if (finalizers.length > 0) meta.finalizers = finalizers

    // Only an object with a grace period can be deleted again, to shorten it.
    if (meta.deletionTimestamp && !deletion?.gracePeriod) return { object: stored, gone: false }
    let grace = deletion?.gracePeriod?.(obj, opts.gracePeriodSeconds) ?? 0
    if (meta.deletionGracePeriodSeconds !== undefined) grace = Math.min(grace, meta.deletionGracePeriodSeconds)
    deletion?.prepare?.(obj)
    if (grace === 0 && this.pendingFinalizers(obj).length === 0) {
      this.store.remove(stored)
      return { object: stored, gone: true }
    }
    // A second delete can only bring the deadline forward.
    const requested = now + grace * 1000
    const deletionAt = meta.deletionTimestamp && parseSimTime(meta.deletionTimestamp) <= requested ? meta.deletionTimestamp : this.clock.rfc3339(requested)
    if (meta.deletionTimestamp && meta.deletionGracePeriodSeconds === grace && this.sameFinalizers(stored, obj)) return { object: stored, gone: false }
    meta.deletionTimestamp = deletionAt
    meta.deletionGracePeriodSeconds = grace
    const written = this.store.update(obj)
    return { object: written, gone: false }
  }

  /** POST pods/NAME/eviction: a delete that the pod's PodDisruptionBudget may refuse (eviction.ts). */
  evict(namespace: string, name: string, opts: { gracePeriodSeconds?: number } = {}): { object: KubeObject; gone: boolean } {
    return evictPod(this, this.store, this.clock, namespace, name, opts)
  }

  /** Finalizers still holding a deleted object (a namespace's spec.finalizers among them). */
  pendingFinalizers(obj: KubeObject): string[] {
    const own = obj.metadata.finalizers ?? []
    const extra = kindModule(obj.kind)?.deletion?.extraFinalizers?.(obj) ?? []
    return extra.length ? [...own, ...extra] : own
  }

  /** Marked for deletion, grace period over, and no finalizer left: the object goes. */
  private finalized(obj: KubeObject): boolean {
    return !!obj.metadata.deletionTimestamp && (obj.metadata.deletionGracePeriodSeconds ?? 0) === 0 && this.pendingFinalizers(obj).length === 0
  }

  private sameFinalizers(a: KubeObject, b: KubeObject): boolean {
    return JSON.stringify(a.metadata.finalizers ?? []) === JSON.stringify(b.metadata.finalizers ?? [])
  }

  private generateName(kind: string, namespace: string | undefined, prefix: string): string {
    let name: string
    do name = prefix + this.rng.string(NAME_ALPHABET, 5)
    while (this.store.get(kind, namespace, name))
    return name
  }

  private refuseInvalid(obj: KubeObject, errors: FieldError[]): void {
    if (errors.length === 0) return
    const causes = errors.map((e) => ({ field: e.path, message: formatFieldError(e).slice(e.path.length + 2) }))
    const details = { kind: obj.kind, group: kindModule(obj.kind)?.names.group ?? '', name: obj.metadata.name, causes }
    throw new ApiError('Invalid', invalidMessage(obj.kind, obj.metadata.name, errors), errors[0].path, undefined, details)
  }
}
