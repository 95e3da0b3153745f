import type { ControllerRevision, KubeObject, PodTemplateSpec } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import { canonicalJson, podTemplateHash } from './podTemplateHash.ts'
import { isControlledBy, ownerReferenceTo } from './ownership.ts'

/** The label a ControllerRevision carries its hash in (ControllerRevisionHashLabel). */
export const REVISION_HASH_LABEL = 'controller.kubernetes.io/hash'

/**
 * A controller's template history as ControllerRevisions (pkg/controller/history):
 * one revision per distinct template, named `<owner>-<hash>`, numbered 1, 2, …; the
 * revision's data is the strategic-merge patch that restores the template.
 */
export class ControllerHistory {
  constructor(private readonly ctx: EngineContext) {}

  /** The owner's revisions, oldest revision number first. */
  owned(owner: KubeObject): ControllerRevision[] {
    return this.ctx.store
      .dependents<ControllerRevision>(owner.metadata.uid, 'ControllerRevision')
      .filter((r) => isControlledBy(r, owner))
      .sort((a, b) => a.revision - b.revision || (a.metadata.name < b.metadata.name ? -1 : 1))
  }

  /**
   * The revision for `template`: an equal existing one (renumbered to be the newest if
   * it is not), or a new one. A name taken by a different revision is a hash collision:
   * `onCollision` gets the next count and the hash is taken again.
   */
  revisionFor(owner: KubeObject, template: PodTemplateSpec, collisionCount: number, onCollision: (count: number) => void): ControllerRevision {
    const revisions = this.owned(owner)
    const data = patchData(template)
    const text = canonicalJson(data)
    const max = revisions.reduce((n, r) => Math.max(n, r.revision), 0)
    const equal = revisions.filter((r) => canonicalJson(r.data) === text)
    if (equal.length > 0) {
      const latest = equal[equal.length - 1]
      if (latest.revision === max) return latest
      return this.ctx.api.mutate<ControllerRevision>('ControllerRevision', latest.metadata.namespace, latest.metadata.name, (draft) => {
        draft.revision = max + 1
      })
    }
    let count = collisionCount
    for (;;) {
      const hash = podTemplateHash(template, count)
      const name = `${owner.metadata.name}-${hash}`
      if (!this.ctx.store.get('ControllerRevision', owner.metadata.namespace, name)) {
        return this.ctx.api.create<ControllerRevision>({
          apiVersion: 'apps/v1',
          kind: 'ControllerRevision',
          metadata: {
            name,
            namespace: owner.metadata.namespace,
            uid: '',
            resourceVersion: '',
            creationTimestamp: '',
            labels: { ...(template.metadata?.labels ?? {}), [REVISION_HASH_LABEL]: hash },
            ownerReferences: [ownerReferenceTo(owner)],
          },
          data,
          revision: max + 1,
        })
      }
      count += 1
      onCollision(count)
    }
  }

  /** Deletes the oldest revisions beyond `limit`, never one still `live`. */
  truncate(owner: KubeObject, live: Set<string>, limit: number): void {
    const old = this.owned(owner).filter((r) => !live.has(r.metadata.name))
    for (const r of old.slice(0, Math.max(0, old.length - limit))) {
      this.ctx.api.delete('ControllerRevision', r.metadata.namespace, r.metadata.name, { uid: r.metadata.uid })
    }
  }
}

/** The patch a revision stores: `{"spec":{"template":{...,"$patch":"replace"}}}`. */
function patchData(template: PodTemplateSpec): unknown {
  return { spec: { template: { ...structuredClone(template), $patch: 'replace' } } }
}

/** The template a revision restores. */
export function templateOf(revision: ControllerRevision): PodTemplateSpec {
  const t = structuredClone((revision.data as { spec: { template: PodTemplateSpec & { $patch?: string } } }).spec.template)
  delete t.$patch
  return t
}
