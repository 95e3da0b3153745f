import type { Countdown } from '../../engine/countdowns.ts'

/** `23s`, `4m32s`: whole seconds left, rounded up so it never reads 0s before it happens. */
export function secondsLeft(ms: number): string {
  const total = Math.max(1, Math.ceil(ms / 1000))
  const m = Math.floor(total / 60)
  const s = total % 60
  return m > 0 ? `${m}m${String(s).padStart(2, '0')}s` : `${s}s`
}

/** The countdowns worth showing at `now`: ahead of it, and past the moment they matter. */
export function shownCountdowns(list: Countdown[] | undefined, now: number): Countdown[] {
  return (list ?? []).filter((c) => c.atMs > now && (c.fromMs ?? 0) <= now).sort((a, b) => a.atMs - b.atMs)
}

/** Short, for a chip or badge: `restart in 23s`. */
export function countdownShort(c: Countdown, now: number): string {
  const left = secondsLeft(c.atMs - now)
  switch (c.kind) {
    case 'restart':
      return `restart in ${left}`
    case 'pullRetry':
      return `pull retry in ${left}`
    case 'notReady':
      return `NotReady in ${left}`
    case 'eviction':
      return `evicted in ${left}`
  }
}

/** Whole sentence, for the inspector and screen readers. */
export function countdownSentence(c: Countdown, now: number): string {
  const left = secondsLeft(c.atMs - now)
  const name = c.object.slice(c.object.lastIndexOf('/') + 1)
  switch (c.kind) {
    case 'restart':
      return `The kubelet restarts container ${c.container} in ${left} (CrashLoopBackOff).`
    case 'pullRetry':
      return `The kubelet pulls the image of container ${c.container} again in ${left} (ImagePullBackOff).`
    case 'notReady':
      return `Node ${name} turns NotReady in ${left} unless its kubelet renews its lease (node-monitor-grace-period 50s).`
    case 'eviction':
      return `Pod ${name} is evicted in ${left}, when its toleration of the node's NoExecute taint runs out.`
  }
}
