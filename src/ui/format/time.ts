import { parseSimTime } from '../../engine/clock.ts'
import { humanDuration } from '../../engine/util/duration.ts'

/** `00:01:23`: simulated time since the cluster started. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  return [h, m, s].map((n) => String(n).padStart(2, '0')).join(':')
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** RFC 1123 with numeric zone, as `kubectl describe` prints times: `Mon, 05 Jan 2026 09:00:12 +0000`. */
export function describeTime(timestamp: string | undefined): string {
  if (!timestamp) return '<unknown>'
  const d = new Date(Date.parse(timestamp))
  if (Number.isNaN(d.getTime())) return timestamp
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`
}

/** Time since a simulated timestamp, as kubectl's AGE. */
export function since(timestamp: string | undefined, nowMs: number): string {
  if (!timestamp) return '<unknown>'
  return humanDuration(nowMs - parseSimTime(timestamp))
}
