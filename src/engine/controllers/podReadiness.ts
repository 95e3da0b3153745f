import type { Pod } from '../api/types.ts'
import { parseSimTime } from '../clock.ts'

export function isPodReady(pod: Pod): boolean {
  return pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false
}

/** Ready for at least minReadySeconds (podutil.IsPodAvailable). */
export function isPodAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  const ready = pod.status.conditions?.find((c) => c.type === 'Ready' && c.status === 'True')
  if (!ready) return false
  if (minReadySeconds === 0) return true
  return parseSimTime(ready.lastTransitionTime) + minReadySeconds * 1000 <= nowMs
}

/** A pod a controller should count: not being deleted and not finished. */
export function isPodActive(pod: Pod): boolean {
  return !pod.metadata.deletionTimestamp && pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed'
}
