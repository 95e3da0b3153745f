import type { SimClock } from '../clock.ts'
import type { SeededRandom } from '../rng.ts'
import type { KubeObject } from './types.ts'

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED'
export type Watcher = (type: WatchEventType, obj: KubeObject) => void

/** `Kind/namespace/name` (namespace empty for cluster-scoped objects). */
export function objectKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`
}

export function keyOf(obj: KubeObject): string {
  return objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name)
}

/**
 * The API store: the role etcd and the API server's storage layer play. Every write
 * stamps metadata (uid, resourceVersion, generation, creationTimestamp) and notifies
 * watchers synchronously; watchers must only enqueue work, never write back inline.
 */
export class ApiStore {
  private objects = new Map<string, KubeObject>()
  private byKind = new Map<string, Map<string, KubeObject>>()
  private watchers: Watcher[] = []
  private revision = 0
  /** Keys written since the last drain, for the worker's state patches. */
  private dirty = new Set<string>()

  constructor(
    private readonly clock: SimClock,
    private readonly rng: SeededRandom,
  ) {}

  watch(watcher: Watcher): void {
    this.watchers.push(watcher)
  }

  get<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string): T | undefined {
    return this.objects.get(objectKey(kind, namespace, name)) as T | undefined
  }

  getByUid(kind: string, uid: string): KubeObject | undefined {
    for (const o of this.byKind.get(kind)?.values() ?? []) if (o.metadata.uid === uid) return o
    return undefined
  }

  /** Objects of a kind in name order (etcd's key order), optionally in one namespace. */
  list<T extends KubeObject = KubeObject>(kind: string, namespace?: string): T[] {
    const all = [...(this.byKind.get(kind)?.values() ?? [])] as T[]
    const filtered = namespace === undefined ? all : all.filter((o) => o.metadata.namespace === namespace)
    return filtered.sort(compareByNamespaceAndName)
  }

  /** Stores a new object; fills in uid, resourceVersion, generation and creationTimestamp. */
  create<T extends KubeObject>(obj: T): T {
    const key = keyOf(obj)
    if (this.objects.has(key)) throw new Error(`object ${key} already exists`)
    obj.metadata.uid = this.rng.uuid()
    obj.metadata.creationTimestamp = this.clock.rfc3339()
    obj.metadata.generation = obj.spec === undefined ? undefined : 1
    if (obj.metadata.generation === undefined) delete obj.metadata.generation
    this.stamp(obj)
    this.objects.set(key, obj)
    let kindMap = this.byKind.get(obj.kind)
    if (!kindMap) this.byKind.set(obj.kind, (kindMap = new Map()))
    kindMap.set(key, obj)
    this.notify('ADDED', obj)
    return obj
  }

  /**
   * Records that `obj` (already mutated in place, or replaced) changed. `specChanged`
   * bumps metadata.generation, as the API server does for spec writes.
   */
  update<T extends KubeObject>(obj: T, opts: { specChanged?: boolean } = {}): T {
    const key = keyOf(obj)
    if (!this.objects.has(key)) throw new Error(`object ${key} does not exist`)
    if (opts.specChanged && obj.metadata.generation !== undefined) obj.metadata.generation += 1
    this.stamp(obj)
    this.objects.set(key, obj)
    this.byKind.get(obj.kind)!.set(key, obj)
    this.notify('MODIFIED', obj)
    return obj
  }

  /** Removes the object outright (graceful deletion is the caller's business). */
  remove(obj: KubeObject): void {
    const key = keyOf(obj)
    if (!this.objects.delete(key)) return
    this.byKind.get(obj.kind)?.delete(key)
    this.dirty.add(key)
    this.notify('DELETED', obj)
  }

  /** Keys changed since the last call, each with its object or null when deleted. */
  drainChanges(): Map<string, KubeObject | null> {
    const out = new Map<string, KubeObject | null>()
    for (const key of this.dirty) out.set(key, this.objects.get(key) ?? null)
    this.dirty.clear()
    return out
  }

  all(): KubeObject[] {
    return [...this.objects.values()]
  }

  count(): number {
    return this.objects.size
  }

  private stamp(obj: KubeObject): void {
    obj.metadata.resourceVersion = String(++this.revision)
    this.dirty.add(keyOf(obj))
  }

  private notify(type: WatchEventType, obj: KubeObject): void {
    for (const w of this.watchers) w(type, obj)
  }
}

function compareByNamespaceAndName(a: KubeObject, b: KubeObject): number {
  const na = a.metadata.namespace ?? ''
  const nb = b.metadata.namespace ?? ''
  if (na !== nb) return na < nb ? -1 : 1
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0
}
