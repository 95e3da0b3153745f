import type { Taint, Toleration } from '../../api/types.ts'
import type { FilterPlugin, ScorePlugin } from '../plugin.ts'
import { unfit } from '../plugin.ts'

/** Does one toleration tolerate one taint (k8s.io/api/core/v1 Toleration.ToleratesTaint)? */
export function tolerates(t: Toleration, taint: Pick<Taint, 'key' | 'value' | 'effect'>): boolean {
  if (t.effect && t.effect !== taint.effect) return false
  if (t.key && t.key !== taint.key) return false
  const op = t.operator ?? 'Equal'
  if (op === 'Exists') return true
  if (!t.key) return false
  return (t.value ?? '') === (taint.value ?? '')
}

/** Every NoSchedule/NoExecute taint must be tolerated. */
export const taintTolerationFilter: FilterPlugin = {
  name: 'TaintToleration',
  filter(pod, { node }) {
    const tolerations = pod.spec.tolerations ?? []
    for (const taint of node.spec.taints ?? []) {
      if (taint.effect === 'PreferNoSchedule') continue
      if (!tolerations.some((t) => tolerates(t, taint))) {
        return unfit(`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`, true)
      }
    }
    return null
  },
}

/** Fewer untolerated PreferNoSchedule taints score higher. */
export const taintTolerationScore: ScorePlugin = {
  name: 'TaintToleration',
  weight: 3,
  score(pod, { node }) {
    const tolerations = pod.spec.tolerations ?? []
    return (node.spec.taints ?? []).filter(
      (taint) => taint.effect === 'PreferNoSchedule' && !tolerations.some((t) => tolerates(t, taint)),
    ).length
  },
  normalize(scores) {
    const max = Math.max(0, ...scores)
    return scores.map((s) => (max === 0 ? 100 : Math.floor(100 - (s * 100) / max)))
  },
}
