import type { ApiStore, WatchEventType } from '../engine/api/store.ts'
import type { KubeObject } from '../engine/api/types.ts'

/** One write, as watchers see it: DELETED objects carry the revision current when they went. */
export interface HubEvent {
  seq: number
  type: WatchEventType
  obj: KubeObject
  old?: KubeObject
  rv: number
}

/** Writes kept for watches that start from a resourceVersion (the watch cache's window). */
const HISTORY = 100_000
/** Lists remembered, so a watch from a list's resourceVersion starts exactly after it. */
const LISTS = 1_000

/**
 * The watch cache: one store watcher for every client watch, a bounded history of recent
 * writes for watches that resume from a resourceVersion, and the current revision. A
 * watch older than the history gets 410 Gone, as from a real API server.
 */
export class WatchHub {
  private history: HubEvent[] = []
  private seq = 0
  private listeners = new Set<(e: HubEvent) => void>()
  private listedAt = new Map<string, number>()
  /** The highest resourceVersion written. */
  revision = 0
  /** The revision when the history began: earlier writes are not kept. */
  private startRevision: number

  constructor(store: ApiStore) {
    for (const obj of store.all()) this.revision = Math.max(this.revision, Number(obj.metadata.resourceVersion) || 0)
    this.startRevision = this.revision
    store.watch((type, obj, old) => this.record(type, obj, old))
  }

  private record(type: WatchEventType, obj: KubeObject, old: KubeObject | undefined): void {
    let rv = this.revision
    if (type === 'DELETED') obj = { ...obj, metadata: { ...obj.metadata, resourceVersion: String(rv) } }
    else rv = this.revision = Math.max(rv, Number(obj.metadata.resourceVersion) || 0)
    const event: HubEvent = { seq: ++this.seq, type, obj, old, rv }
    this.history.push(event)
    if (this.history.length > HISTORY * 1.25) this.history = this.history.slice(-HISTORY)
    for (const listener of this.listeners) listener(event)
  }

  subscribe(listener: (e: HubEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The resourceVersion of a list served now: a watch from it sees every write after this moment. */
  listRevision(): string {
    const rv = String(this.revision)
    this.listedAt.delete(rv)
    this.listedAt.set(rv, this.seq)
    if (this.listedAt.size > LISTS) this.listedAt.delete(this.listedAt.keys().next().value!)
    return rv
  }

  /** Writes after `resourceVersion`, or undefined when they are no longer kept (410 Gone). */
  since(resourceVersion: string): HubEvent[] | undefined {
    const rv = Number(resourceVersion)
    const afterSeq = this.listedAt.get(resourceVersion)
    const oldest = this.history[0]
    if (afterSeq !== undefined) {
      if (oldest && oldest.seq > afterSeq + 1) return undefined
      return this.history.filter((e) => e.seq > afterSeq)
    }
    if (!Number.isInteger(rv) || rv < this.oldest()) return undefined
    return this.history.filter((e) => e.rv > rv)
  }

  /** The oldest resourceVersion a watch may still start from. */
  oldest(): number {
    // A trimmed history starts after its first event's predecessor; an untrimmed one at the start.
    return this.seq > this.history.length ? this.history[0].rv : this.startRevision
  }
}
