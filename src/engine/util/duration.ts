/**
 * Durations as kubectl prints and reads them.
 */

/** k8s.io/apimachinery/pkg/util/duration.HumanDuration: `45s`, `5m3s`, `95m`, `3h20m`, `3d4h`. */
export function humanDuration(ms: number): string {
  // Go's int(d.Seconds()) truncates toward zero; up to a second in the future is "now",
  // further is `<invalid>` (a pod's deletionTimestamp during its grace period).
  const seconds = Math.trunc(ms / 1000)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 60 * 2) return `${seconds}s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 10) {
    const s = seconds % 60
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`
  }
  if (minutes < 60 * 3) return `${minutes}m`
  const hours = Math.floor(minutes / 60)
  if (hours < 8) {
    const m = minutes % 60
    return m === 0 ? `${hours}h` : `${hours}h${m}m`
  }
  if (hours < 48) return `${hours}h`
  if (hours < 24 * 8) {
    const h = hours % 24
    const d = Math.floor(hours / 24)
    return h === 0 ? `${d}d` : `${d}d${h}h`
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`
  if (hours < 24 * 365 * 8) {
    const y = Math.floor(hours / 24 / 365)
    const dy = Math.floor(hours / 24) % 365
    return dy === 0 ? `${y}y` : `${y}y${dy}d`
  }
  return `${Math.floor(hours / 24 / 365)}y`
}

/**
 * Go's time.Duration.String for whole milliseconds, used in kubelet messages:
 * `10s`, `2.5s`, `5m0s`, `1m20s`, `500ms`.
 */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s'
  if (ms < 1000) return `${ms}ms`
  const totalSeconds = ms / 1000
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = +(totalSeconds % 60).toFixed(3)
  let out = ''
  if (hours > 0) out += `${hours}h`
  if (hours > 0 || minutes > 0) out += `${minutes}m`
  out += `${seconds}s`
  return out
}

/** Parses `500ms`, `30s`, `5m`, `1h`, `1m30s` into milliseconds; undefined if malformed. */
export function parseDuration(text: string): number | undefined {
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g
  let total = 0
  let consumed = 0
  let m: RegExpExecArray | null
  while ((m = re.exec(text))) {
    if (m.index !== consumed) return undefined
    consumed += m[0].length
    const n = Number(m[1])
    total += n * { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'ms']
  }
  if (consumed !== text.length || consumed === 0) return undefined
  return Math.round(total)
}
