/**
 * What one write did, in a few words, computed when it happens from the old and new
 * object (constant work: no deep comparisons, the server already bumped generation).
 */
import type { KubeObject, Pod } from '../api/types.ts'

/** create, update (spec or metadata), status, bind (pods/binding), delete (marked), remove (gone). */
export type WriteVerb = 'create' | 'update' | 'status' | 'bind' | 'delete' | 'remove'

const REVISION = 'deployment.kubernetes.io/revision'

export function writeVerb(obj: KubeObject, old: KubeObject | undefined, removed: boolean): WriteVerb {
  if (removed) return 'remove'
  if (!old) return 'create'
  if (obj.metadata.deletionTimestamp && !old.metadata.deletionTimestamp) return 'delete'
  if (obj.kind === 'Pod' && (obj as Pod).spec.nodeName && !(old as Pod).spec.nodeName) return 'bind'
  if (obj.spec === old.spec && obj.status !== old.status) return 'status'
  return 'update'
}

function replicasOf(obj: KubeObject | undefined): number | undefined {
  const replicas = (obj?.spec as { replicas?: unknown } | undefined)?.replicas
  return typeof replicas === 'number' ? replicas : undefined
}

function revisionOf(obj: KubeObject | undefined): string | undefined {
  return obj?.metadata.annotations?.[REVISION]
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

export function describeChange(verb: WriteVerb, obj: KubeObject, old: KubeObject | undefined): string {
  switch (verb) {
    case 'create': {
      const replicas = replicasOf(obj)
      return replicas === undefined ? 'created' : `created with ${plural(replicas, 'replica')}`
    }
    case 'remove':
      return 'deleted'
    case 'delete': {
      const grace = obj.metadata.deletionGracePeriodSeconds
      return grace ? `marked for deletion (grace period ${grace}s)` : 'marked for deletion'
    }
    case 'bind':
      return `bound to ${(obj as Pod).spec.nodeName}`
    case 'status':
      return statusChange(obj, old)
    case 'update':
      return specChange(obj, old!)
  }
}

function statusChange(obj: KubeObject, old: KubeObject | undefined): string {
  if (obj.kind === 'Pod') {
    const phase = (obj as Pod).status.phase
    const before = (old as Pod | undefined)?.status.phase
    if (phase !== before) return `status: ${phase}`
    const ready = (obj as Pod).status.conditions?.find((c) => c.type === 'Ready')?.status
    const wasReady = (old as Pod | undefined)?.status.conditions?.find((c) => c.type === 'Ready')?.status
    if (ready !== wasReady) return ready === 'True' ? 'status: Ready' : 'status: not Ready'
    return `status: ${phase}`
  }
  const ready = (obj.status as { readyReplicas?: number; replicas?: number } | undefined)
  if (ready && typeof ready.replicas === 'number') return `status: ${ready.readyReplicas ?? 0}/${ready.replicas} ready`
  return 'status updated'
}

function specChange(obj: KubeObject, old: KubeObject): string {
  const parts: string[] = []
  const replicas = replicasOf(obj)
  const was = replicasOf(old)
  if (replicas !== was && replicas !== undefined && was !== undefined) parts.push(`scaled from ${was} to ${plural(replicas, 'replica')}`)
  const generation = obj.metadata.generation
  const specChanged = generation !== undefined && generation !== old.metadata.generation
  if (specChanged && parts.length === 0) parts.push(`spec changed (generation ${generation})`)
  const revision = revisionOf(obj)
  if (revision !== undefined && revision !== revisionOf(old)) parts.push(`revision ${revision}`)
  if (parts.length > 0) return parts.join(', ')
  // Labels and annotations are small: comparing their text is cheap.
  const meta = (o: KubeObject) => JSON.stringify([o.metadata.labels, o.metadata.annotations, o.metadata.finalizers])
  if (meta(obj) !== meta(old)) return 'metadata updated'
  return 'updated'
}
