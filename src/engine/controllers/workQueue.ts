import { ApiError } from '../api/errors.ts'
import type { WriteRecord } from '../causes/causeLog.ts'
import type { EngineContext } from '../context.ts'
import type { ScheduledTask } from '../eventQueue.ts'

/** client-go's per-item exponential failure rate limiter: 5ms, doubling, at most 1000s. */
const FAILURE_BASE_MS = 5
const FAILURE_MAX_MS = 1_000_000

/** What a sync may return: `'retry'` asks for the failure back-off without an error being thrown. */
export type SyncResult = void | 'retry'

/**
 * A controller's work queue: a key is synced once per instant no matter how many
 * changes asked for it (client-go's workqueue de-duplication). A sync the API server
 * refuses (an ApiError), or that returns `'retry'`, is retried with exponential
 * back-off, as controllers requeue with AddRateLimited; a sync that succeeds forgets
 * the key's failures.
 */
export class WorkQueue {
  private pending = new Set<string>()
  private failures = new Map<string, number>()
  /** Keys waiting for a time (addAfter): one timer per key. */
  private waiting = new Map<string, ScheduledTask>()
  /** The change behind each queued key: the latest request wins. */
  private triggers = new Map<string, WriteRecord | undefined>()

  constructor(
    private readonly ctx: EngineContext,
    private readonly name: string,
    private readonly sync: (key: string) => SyncResult,
    /** The longest back-off between retries (the controller's rate limiter's cap). */
    private readonly maxBackoffMs = FAILURE_MAX_MS,
  ) {}

  add(key: string, delayMs = 0): void {
    if (delayMs > 0) {
      this.ctx.after(delayMs, `${this.name}: requeue ${key}`, () => this.add(key))
      return
    }
    this.triggers.set(key, this.ctx.store.causes.triggerNow())
    if (this.pending.has(key)) return
    this.pending.add(key)
    this.ctx.after(0, `${this.name}: sync ${key}`, () => {
      this.pending.delete(key)
      const trigger = this.triggers.get(key)
      this.triggers.delete(key)
      this.ctx.store.causes.run({ actor: this.name, trigger }, () => this.run(key))
    })
  }

  /**
   * client-go's delaying queue AddAfter: each key waits at most once; asking again for a
   * later time keeps the sooner one, asking for a sooner time moves it. For a check due
   * at a time that keeps moving (a node's lease expiry), the sync re-arms it.
   */
  addAfter(key: string, delayMs: number): void {
    if (delayMs <= 0) return this.add(key)
    const at = this.ctx.clock.now + delayMs
    const waiting = this.waiting.get(key)
    if (waiting && waiting.at <= at) return
    waiting?.cancel()
    this.waiting.set(
      key,
      this.ctx.after(delayMs, `${this.name}: requeue ${key}`, () => {
        this.waiting.delete(key)
        this.add(key)
      }),
    )
  }

  private run(key: string): void {
    try {
      if (this.sync(key) !== 'retry') return void this.failures.delete(key)
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
    }
    const n = this.failures.get(key) ?? 0
    this.failures.set(key, n + 1)
    this.add(key, Math.min(this.maxBackoffMs, FAILURE_BASE_MS * 2 ** n))
  }
}

/** `namespace/name`, the key controllers use. */
export function nsKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`
}

export function splitKey(key: string): [string, string] {
  const i = key.indexOf('/')
  return [key.slice(0, i), key.slice(i + 1)]
}
