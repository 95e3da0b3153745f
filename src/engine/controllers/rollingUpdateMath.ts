import type { Deployment } from '../api/types.ts'

/** Resolves an int-or-percent against the replica count, rounding up or down. */
export function resolveIntOrPercent(value: number | string | undefined, total: number, roundUp: boolean, fallback: string): number {
  const v = value ?? fallback
  if (typeof v === 'number') return v
  const m = /^(\d+)%$/.exec(v)
  if (!m) return Number(v) || 0
  const exact = (Number(m[1]) * total) / 100
  return roundUp ? Math.ceil(exact) : Math.floor(exact)
}

/** maxSurge rounds up, maxUnavailable down; both zero makes maxUnavailable 1. */
export function surgeAndUnavailable(d: Deployment): { maxSurge: number; maxUnavailable: number } {
  const ru = d.spec.strategy.rollingUpdate
  const maxSurge = resolveIntOrPercent(ru?.maxSurge, d.spec.replicas, true, '25%')
  let maxUnavailable = resolveIntOrPercent(ru?.maxUnavailable, d.spec.replicas, false, '25%')
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1
  return { maxSurge, maxUnavailable: Math.min(maxUnavailable, d.spec.replicas) }
}
