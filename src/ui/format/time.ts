import { parseSimTime } from '../../engine/clock.ts'
import { humanDuration } from '../../engine/util/duration.ts'
import { rfc1123z } from '../../engine/kubectl/describeWriter.ts'

/** `00:01:23`: simulated time since the cluster started. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  return [h, m, s].map((n) => String(n).padStart(2, '0')).join(':')
}

/** RFC 1123 with numeric zone, as `kubectl describe` prints times: `Mon, 05 Jan 2026 09:00:12 +0000`. */
export const describeTime = rfc1123z

/** Time since a simulated timestamp, as kubectl's AGE. */
export function since(timestamp: string | undefined, nowMs: number): string {
  if (!timestamp) return '<unknown>'
  return humanDuration(nowMs - parseSimTime(timestamp))
}
