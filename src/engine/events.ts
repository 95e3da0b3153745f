import type { SimClock } from './clock.ts'
import { EPOCH_MS } from './clock.ts'
import { ApiError } from './api/errors.ts'
import type { ApiServer } from './api/server.ts'
import type { ApiStore } from './api/store.ts'
import type { KubeEvent, KubeObject } from './api/types.ts'
import { LruMap } from './util/lruMap.ts'

export interface EventSource {
  component: string
  host?: string
}

/** client-go's EventAggregator: 10 events differing only in message within 10 minutes are combined. */
const AGGREGATE_MAX_EVENTS = 10
const AGGREGATE_INTERVAL_MS = 600_000
const LRU_ENTRIES = 4096

/**
 * Records Kubernetes Events the way client-go's recorder does: an identical event
 * (same object, type, reason, message, source) is not duplicated but its count and
 * lastTimestamp are bumped, which is what `kubectl describe` shows as `(x5 over 3m)`.
 * From the tenth similar event (same object, type, reason, source, another message)
 * on, they go into one event whose message starts `(combined from similar events): `.
 */
export class EventRecorder {
  /** client-go keeps both caches at 4096 entries (maxLruCacheEntries), so memory stays flat. */
  private lastByKey = new LruMap<string, KubeEvent>(LRU_ENTRIES)
  private similar = new LruMap<string, { messages: Set<string>; last: number }>(LRU_ENTRIES)
  /** Tells apart events about one object recorded in the same millisecond. */
  private sequence = 0

  constructor(
    private readonly store: ApiStore,
    private readonly api: ApiServer,
    private readonly clock: SimClock,
  ) {}

  normal(obj: KubeObject, source: EventSource, reason: string, message: string, fieldPath?: string): void {
    this.record(obj, source, 'Normal', reason, message, fieldPath)
  }

  warning(obj: KubeObject, source: EventSource, reason: string, message: string, fieldPath?: string): void {
    this.record(obj, source, 'Warning', reason, message, fieldPath)
  }

  private record(
    obj: KubeObject,
    source: EventSource,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    fieldPath?: string,
  ): void {
    const now = this.clock.rfc3339()
    let key = [obj.metadata.uid, type, reason, message, source.component, source.host ?? '', fieldPath ?? ''].join('\u0000')
    const similarKey = [obj.metadata.uid, type, reason, source.component, source.host ?? ''].join('\u0000')
    let record = this.similar.get(similarKey)
    if (!record || this.clock.now - record.last > AGGREGATE_INTERVAL_MS) record = { messages: new Set(), last: 0 }
    record.messages.add(message)
    record.last = this.clock.now
    this.similar.set(similarKey, record)
    if (record.messages.size >= AGGREGATE_MAX_EVENTS) {
      // The set stays one short of the threshold (PopAny), so every further event is combined too.
      record.messages.delete(record.messages.values().next().value!)
      message = `(combined from similar events): ${message}`
      key = similarKey
      fieldPath = undefined
    }
    const last = this.lastByKey.get(key)
    const existing = last && this.store.get<KubeEvent>('Event', last.metadata.namespace, last.metadata.name)
    if (existing) {
      this.lastByKey.set(key, this.write(() => this.api.update({ ...existing, count: existing.count + 1, lastTimestamp: now, message })) ?? existing)
      return
    }
    const namespace = obj.metadata.namespace ?? 'default'
    // client-go names events `<object>.<unix nanos in hex>`; that also sorts them by time.
    const nanos = BigInt(EPOCH_MS + this.clock.now) * 1_000_000n + BigInt(this.sequence++ % 1_000_000)
    const event: KubeEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: `${obj.metadata.name}.${nanos.toString(16)}`,
        namespace,
        uid: '',
        resourceVersion: '',
        creationTimestamp: '',
      },
      involvedObject: {
        kind: obj.kind,
        namespace: obj.metadata.namespace,
        name: obj.metadata.name,
        uid: obj.metadata.uid,
        apiVersion: obj.apiVersion,
        ...(fieldPath ? { fieldPath } : {}),
      },
      reason,
      message,
      source,
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
    }
    const created = this.write(() => this.api.create(event))
    if (created) this.lastByKey.set(key, created)
  }

  /** A refused event (its namespace is gone) is dropped, as client-go's recorder drops it. */
  private write(request: () => KubeEvent): KubeEvent | undefined {
    try {
      return request()
    } catch (e) {
      if (e instanceof ApiError) return undefined
      throw e
    }
  }
}
