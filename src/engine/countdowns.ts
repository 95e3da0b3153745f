/**
 * What the cluster will do next, and when, as the components scheduled it: a container's
 * restart after CrashLoopBackOff, the next image pull, a silent node turning NotReady, a
 * pod's eviction after its toleration. Components set and clear them; the UI counts down.
 * One entry per object, kind and container, so the list stays as small as the cluster.
 */
export type CountdownKind = 'restart' | 'pullRetry' | 'notReady' | 'eviction'

export interface Countdown {
  kind: CountdownKind
  /** Store key of the object it is about: `Pod/ns/name`, `Node//name`. */
  object: string
  container?: string
  /** Simulated ms when it happens. */
  atMs: number
  /** Simulated ms from when it is worth showing (a healthy node is always some seconds from stale). */
  fromMs?: number
}

const entryKey = (object: string, kind: CountdownKind, container?: string) => `${object}|${kind}|${container ?? ''}`

export class Countdowns {
  private readonly entries = new Map<string, Countdown>()
  /** Bumped on every change: the worker sends the list again when it moved. */
  version = 0

  set(countdown: Countdown): void {
    this.entries.set(entryKey(countdown.object, countdown.kind, countdown.container), countdown)
    this.version++
  }

  clear(object: string, kind: CountdownKind, container?: string): void {
    if (this.entries.delete(entryKey(object, kind, container))) this.version++
  }

  /** The object is gone: nothing will happen to it. */
  clearObject(object: string): void {
    for (const [key, c] of this.entries) {
      if (c.object !== object) continue
      this.entries.delete(key)
      this.version++
    }
  }

  /** The countdowns still ahead at `now` (passed ones are dropped), in a stable order. */
  live(now: number): Countdown[] {
    const out: Countdown[] = []
    for (const [key, c] of this.entries) {
      if (c.atMs < now) this.entries.delete(key)
      else out.push(c)
    }
    return out
  }
}
