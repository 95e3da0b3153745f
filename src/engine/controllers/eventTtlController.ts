import { ApiError } from '../api/errors.ts'
import type { KubeEvent } from '../api/types.ts'
import { parseSimTime } from '../clock.ts'
import type { EngineContext } from '../context.ts'

/** The API server's --event-ttl: an event goes an hour after it last happened. */
export const EVENT_TTL_MS = 60 * 60_000

/**
 * Expires events, as the API server's storage lease does, so a long-running cluster's
 * events stay bounded. Events are written in time order, so a FIFO of their expiry
 * times is already sorted, and one timer at its head is all it takes.
 */
export class EventTtlController {
  private expiries: { namespace: string; name: string; at: number }[] = []
  private head = 0
  private timerAt: number | undefined

  constructor(private readonly ctx: EngineContext) {
    ctx.store.watch((type, obj) => {
      if (type === 'DELETED') return
      const event = obj as KubeEvent
      this.expiries.push({ namespace: event.metadata.namespace ?? 'default', name: event.metadata.name, at: parseSimTime(event.lastTimestamp) + EVENT_TTL_MS })
      this.arm()
    }, ['Event'])
  }

  private arm(): void {
    const next = this.expiries[this.head]
    if (!next || this.timerAt !== undefined) return
    this.timerAt = next.at
    this.ctx.after(next.at - this.ctx.clock.now, 'event-ttl: expire events', () => {
      this.timerAt = undefined
      this.expire()
      this.arm()
    })
  }

  private expire(): void {
    const now = this.ctx.clock.now
    while (this.head < this.expiries.length && this.expiries[this.head].at <= now) {
      const { namespace, name } = this.expiries[this.head++]
      const event = this.ctx.store.get<KubeEvent>('Event', namespace, name)
      // An event that happened again since has a later entry further down the queue.
      if (!event || parseSimTime(event.lastTimestamp) + EVENT_TTL_MS > now) continue
      try {
        this.ctx.api.delete('Event', namespace, name)
      } catch (e) {
        if (!(e instanceof ApiError)) throw e
      }
    }
    if (this.head > 1024 && this.head * 2 > this.expiries.length) {
      this.expiries = this.expiries.slice(this.head)
      this.head = 0
    }
  }
}
