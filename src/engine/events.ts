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
/** client-go's EventSourceObjectSpamFilter: 25 events per source and object, then one every 5 minutes. */
const SPAM_BURST = 25
const SPAM_REFILL_MS = 300_000
const LRU_ENTRIES = 4096

/** What eventLogger remembers of an event it has seen (eventLog in events_cache.go). */
interface Observation {
  count: number
  firstTimestamp: string
  name: string
}

/**
 * Records Kubernetes Events the way client-go's EventCorrelator does, in its three steps:
 * 1. aggregate: from the tenth event of one object, type, reason and source with another
 *    message within 10 minutes on, they go into one event whose message starts
 *    `(combined from similar events): `;
 * 2. observe: an identical event is not duplicated but its count and lastTimestamp are bumped,
 *    which is what `kubectl describe` shows as `(x5 over 3m)`;
 * 3. spam filter: a source may write 25 events about one object, then one every 5 minutes.
 *    A filtered event is still counted, so the next one written carries the whole count
 *    (a pod crash-looping for hours shows `(x40 over 3h)`).
 */
export class EventRecorder {
  /** client-go keeps every cache at 4096 entries (maxLruCacheEntries), so memory stays flat. */
  private observed = new LruMap<string, Observation>(LRU_ENTRIES)
  private similar = new LruMap<string, { messages: Set<string>; last: number }>(LRU_ENTRIES)
  private spam = new LruMap<string, { tokens: number; at: number }>(LRU_ENTRIES)
  /** Tells apart events about one object recorded in the same millisecond. */
  private sequence = 0
  /** Unix nanoseconds of the current millisecond, computed once per millisecond. */
  private nanosMs = -1
  private nanosBase = 0n

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
    const objectKey = [source.component, source.host ?? '', obj.kind, obj.metadata.namespace ?? '', obj.metadata.name, obj.metadata.uid, obj.apiVersion].join('\u0000')
    let key = [objectKey, fieldPath ?? '', type, reason, message].join('\u0000')
    const similarKey = [objectKey, type, reason].join('\u0000')
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

    const last = this.observed.get(key)
    const observation: Observation = last
      ? { ...last, count: last.count + 1 }
      : { count: 1, firstTimestamp: now, name: `${obj.metadata.name}.${this.nanosHex()}` }
    this.observed.set(key, observation)
    if (!this.allowed(objectKey)) return

    const namespace = obj.metadata.namespace ?? 'default'
    const existing = last && this.store.get<KubeEvent>('Event', namespace, observation.name)
    if (existing) {
      this.write(() => this.api.update({ ...existing, count: observation.count, lastTimestamp: now, message }))
      return
    }
    // A first event, or one whose earlier occurrences were filtered or have expired: the
    // recorder's patch finds nothing, so it creates the event with what it has counted.
    const event: KubeEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: observation.name, namespace, uid: '', resourceVersion: '', creationTimestamp: '' },
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
      firstTimestamp: observation.firstTimestamp,
      lastTimestamp: now,
      count: observation.count,
      type,
    }
    this.write(() => this.api.create(event))
  }

  /** client-go names events `<object>.<unix nanos in hex>`; that also sorts them by time. */
  private nanosHex(): string {
    if (this.nanosMs !== this.clock.now) {
      this.nanosMs = this.clock.now
      this.nanosBase = BigInt(EPOCH_MS + this.clock.now) * 1_000_000n
    }
    return (this.nanosBase + BigInt(this.sequence++ % 1_000_000)).toString(16)
  }

  /** The spam filter's token bucket for one source and object: starts full, refills one token per 5 minutes. */
  private allowed(objectKey: string): boolean {
    const bucket = this.spam.get(objectKey) ?? { tokens: SPAM_BURST, at: this.clock.now }
    bucket.tokens = Math.min(SPAM_BURST, bucket.tokens + (this.clock.now - bucket.at) / SPAM_REFILL_MS)
    bucket.at = this.clock.now
    const accept = bucket.tokens >= 1
    if (accept) bucket.tokens -= 1
    this.spam.set(objectKey, bucket)
    return accept
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
