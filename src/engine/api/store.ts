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
  /** Sorted listings per kind, dropped when an object of that kind is added or removed. */
  private sortedCache = new Map<string, KubeObject[]>()
  /** Owner uid → keys of the objects that name it in ownerReferences. */
  private dependentsIndex = new Map<string, Set<string>>()
  private ownersOfKey = new Map<string, string[]>()
  private keyByUid = new Map<string, string>()

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
    const key = this.keyByUid.get(uid)
    const obj = key === undefined ? undefined : this.objects.get(key)
    return obj && obj.kind === kind && obj.metadata.uid === uid ? obj : undefined
  }

  /** Objects of a kind in name order (etcd's key order), optionally in one namespace. */
  list<T extends KubeObject = KubeObject>(kind: string, namespace?: string): T[] {
    let sorted = this.sortedCache.get(kind)
    if (!sorted) {
      sorted = [...(this.byKind.get(kind)?.values() ?? [])].sort(compareByNamespaceAndName)
      this.sortedCache.set(kind, sorted)
    }
    return (namespace === undefined ? [...sorted] : sorted.filter((o) => o.metadata.namespace === namespace)) as T[]
  }

  /** Objects of `kind` whose ownerReferences name `ownerUid`. */
  dependents<T extends KubeObject = KubeObject>(ownerUid: string, kind?: string): T[] {
    const out: T[] = []
    for (const key of this.dependentsIndex.get(ownerUid) ?? []) {
      const obj = this.objects.get(key)
      if (obj && (kind === undefined || obj.kind === kind)) out.push(obj as T)
    }
    return out.sort(compareByNamespaceAndName)
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
    this.sortedCache.delete(obj.kind)
    this.indexOwners(key, obj)
    this.keyByUid.set(obj.metadata.uid, key)
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
    const previous = this.objects.get(key)
    this.objects.set(key, obj)
    this.byKind.get(obj.kind)!.set(key, obj)
    if (previous !== obj) this.sortedCache.delete(obj.kind)
    this.indexOwners(key, obj)
    this.notify('MODIFIED', obj)
    return obj
  }

  /** Removes the object outright (graceful deletion is the caller's business). */
  remove(obj: KubeObject): void {
    const key = keyOf(obj)
    if (!this.objects.delete(key)) return
    this.byKind.get(obj.kind)?.delete(key)
    this.sortedCache.delete(obj.kind)
    this.indexOwners(key, undefined)
    this.keyByUid.delete(obj.metadata.uid)
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

  private indexOwners(key: string, obj: KubeObject | undefined): void {
    for (const uid of this.ownersOfKey.get(key) ?? []) this.dependentsIndex.get(uid)?.delete(key)
    const owners = obj?.metadata.ownerReferences?.map((r) => r.uid) ?? []
    if (owners.length === 0) this.ownersOfKey.delete(key)
    else this.ownersOfKey.set(key, owners)
    for (const uid of owners) {
      let set = this.dependentsIndex.get(uid)
      if (!set) this.dependentsIndex.set(uid, (set = new Set()))
      set.add(key)
    }
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
