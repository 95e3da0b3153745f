import { ApiError } from '../api/errors.ts'
import type { ControllerRevision, DaemonSet } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import { isControlledBy, ownerReferenceTo } from './ownership.ts'
import { canonicalJson, podTemplateHash } from './podTemplateHash.ts'

/** The label naming a pod's (and a revision's) template: the hash part of the ControllerRevision's name. */
export const REVISION_HASH = 'controller-revision-hash'

/** What a DaemonSet's ControllerRevision stores (getPatch): a patch that replaces spec.template. */
export function revisionData(ds: DaemonSet): { spec: { template: Record<string, unknown> } } {
  return { spec: { template: { ...structuredClone(ds.spec.template), $patch: 'replace' } } }
}

const matches = (ds: DaemonSet, cr: ControllerRevision) => canonicalJson(cr.data) === canonicalJson(revisionData(ds))

/** The revisions a DaemonSet controls, oldest revision first. */
export function controlledRevisions(ctx: EngineContext, ds: DaemonSet): ControllerRevision[] {
  return ctx.store
    .dependents<ControllerRevision>(ds.metadata.uid, 'ControllerRevision')
    .filter((cr) => isControlledBy(cr, ds))
    .sort((a, b) => a.revision - b.revision || (a.metadata.name < b.metadata.name ? -1 : 1))
}

/**
 * constructHistory (pkg/controller/daemon/update.go): the revision of the current
 * template, made if there is none and renumbered past the others when an old
 * template comes back (a rollback); and the old revisions.
 */
export function constructHistory(ctx: EngineContext, ds: DaemonSet): { cur: ControllerRevision; old: ControllerRevision[] } {
  const all = controlledRevisions(ctx, ds)
  const current = all.filter((cr) => matches(ds, cr))
  const old = all.filter((cr) => !matches(ds, cr))
  const next = Math.max(0, ...old.map((cr) => cr.revision)) + 1
  if (current.length === 0) return { cur: snapshot(ctx, ds, next), old }
  // dedupCurHistories: keep the highest revision of the duplicates.
  const [keep, ...dupes] = [...current].sort((a, b) => b.revision - a.revision)
  for (const cr of dupes) ctx.api.delete('ControllerRevision', cr.metadata.namespace, cr.metadata.name, { uid: cr.metadata.uid })
  if (keep.revision >= next) return { cur: keep, old }
  const cur = ctx.api.mutate<ControllerRevision>('ControllerRevision', keep.metadata.namespace, keep.metadata.name, (draft) => {
    draft.revision = next
  })
  return { cur, old }
}

function snapshot(ctx: EngineContext, ds: DaemonSet, revision: number): ControllerRevision {
  const hash = podTemplateHash(ds.spec.template, ds.status.collisionCount)
  const name = `${ds.metadata.name}-${hash}`
  const existing = ctx.store.get<ControllerRevision>('ControllerRevision', ds.metadata.namespace, name)
  if (existing) {
    if (matches(ds, existing) && isControlledBy(existing, ds)) return existing
    // A different revision has this name: hash again with a higher collision count.
    const collisionCount = (ds.status.collisionCount ?? 0) + 1
    ctx.api.updateStatus(ds, { ...ds.status, collisionCount })
    throw new ApiError('AlreadyExists', `found a hash collision for DaemonSet "${ds.metadata.name}" - bumping collisionCount to ${collisionCount} to resolve it`)
  }
  const cr: ControllerRevision = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name,
      namespace: ds.metadata.namespace,
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      labels: { ...(ds.spec.template.metadata?.labels ?? {}), [REVISION_HASH]: hash },
      ...(ds.metadata.annotations ? { annotations: { ...ds.metadata.annotations } } : {}),
      ownerReferences: [ownerReferenceTo(ds)],
    },
    data: revisionData(ds),
    revision,
  }
  return ctx.api.create(cr)
}

/** cleanupHistory: beyond revisionHistoryLimit, the oldest revisions no live pod still runs go. */
export function cleanupHistory(ctx: EngineContext, ds: DaemonSet, old: ControllerRevision[], liveHashes: Set<string>): void {
  let toKill = old.length - (ds.spec.revisionHistoryLimit ?? 10)
  for (const cr of [...old].sort((a, b) => a.revision - b.revision)) {
    if (toKill <= 0) break
    if (liveHashes.has(cr.metadata.labels?.[REVISION_HASH] ?? '')) continue
    ctx.api.delete('ControllerRevision', cr.metadata.namespace, cr.metadata.name, { uid: cr.metadata.uid })
    toKill--
  }
}
