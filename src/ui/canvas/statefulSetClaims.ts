/**
 * A StatefulSet's claims by ordinal: each volumeClaimTemplate `data` gives pod `web-N` the
 * claim `data-web-N`. Claims outlive their pods (scale-down keeps them), so an ordinal may
 * have claims and no pod.
 */
import type { PersistentVolumeClaim } from '../../engine/api/types.ts'
import type { ClusterState } from '../store/clusterStore.ts'

export interface OrdinalClaim {
  ordinal: number
  name: string
  /** Pending, Bound, Lost, or Terminating, as `kubectl get pvc` prints STATUS. */
  phase: string
}

/**
 * The claims of StatefulSet `set` in `namespace` made from `templates` (template names), as
 * `ordinal\tname\tphase` strings in ordinal then template order, so a selector compares them shallowly.
 */
export function statefulSetClaims(s: ClusterState, namespace: string, set: string, templates: string[]): string[] {
  if (templates.length === 0) return []
  const prefix = `PersistentVolumeClaim/${namespace}/`
  const out: { ordinal: number; template: number; row: string }[] = []
  for (const [key, obj] of Object.entries(s.objects.PersistentVolumeClaim ?? {})) {
    if (!key.startsWith(prefix)) continue
    const name = obj.metadata.name
    templates.forEach((t, template) => {
      const head = `${t}-${set}-`
      if (!name.startsWith(head) || !/^\d+$/.test(name.slice(head.length))) return
      const ordinal = Number(name.slice(head.length))
      const claim = obj as PersistentVolumeClaim
      const phase = claim.metadata.deletionTimestamp ? 'Terminating' : (claim.status?.phase ?? 'Pending')
      out.push({ ordinal, template, row: `${ordinal}\t${name}\t${phase}` })
    })
  }
  return out.sort((a, b) => a.ordinal - b.ordinal || a.template - b.template).map((c) => c.row)
}

export function parseOrdinalClaim(row: string): OrdinalClaim {
  const [ordinal, name, phase] = row.split('\t')
  return { ordinal: Number(ordinal), name, phase }
}

/** The ordinal at the end of a StatefulSet pod's name (`web-3` → 3), or -1. */
export function ordinalOf(pod: string, set: string): number {
  const rest = pod.startsWith(`${set}-`) ? pod.slice(set.length + 1) : ''
  return /^\d+$/.test(rest) ? Number(rest) : -1
}
