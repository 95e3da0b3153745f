import { CauseLog } from '../causes/causeLog.ts'
import type { SimClock } from '../clock.ts'
import type { SeededRandom } from '../rng.ts'
import { selectorMatches } from '../util/labels.ts'
import type { KubeObject, LabelSelector } from './types.ts'

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED'
/** A watch event: the object as it is now (as it was, for DELETED) and, for MODIFIED, as it was before. */
export type Watcher = (type: WatchEventType, obj: KubeObject, old?: KubeObject) => void

/** `Kind/namespace/name` (namespace empty for cluster-scoped objects). */
export function objectKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`
}

export function keyOf(obj: KubeObject): string {
  return objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name)
}

/** One kind's objects, per namespace, with a name-sorted listing rebuilt only after adds and removes. */
class KindIndex {
  readonly byNamespace = new Map<string, Map<string, KubeObject>>()
  private sorted = new Map<string, KubeObject[]>()
  private sortedAll: KubeObject[] | undefined
  size = 0

  put(obj: KubeObject, isNew: boolean): void {
    const ns = obj.metadata.namespace ?? ''
    let objects = this.byNamespace.get(ns)
    if (!objects) this.byNamespace.set(ns, (objects = new Map()))
    objects.set(obj.metadata.name, obj)
    if (isNew) {
      this.size++
      this.sorted.delete(ns)
      this.sortedAll = undefined
    } else {
      // A replaced object keeps its place in the order: patch the cached listings.
      replaceSorted(this.sorted.get(ns), obj, compareByName)
      replaceSorted(this.sortedAll, obj, compareByNamespaceAndName)
    }
  }

  delete(obj: KubeObject): void {
    const ns = obj.metadata.namespace ?? ''
    const objects = this.byNamespace.get(ns)
    if (!objects?.delete(obj.metadata.name)) return
    if (objects.size === 0) this.byNamespace.delete(ns)
    this.size--
    this.sorted.delete(ns)
    this.sortedAll = undefined
  }

  list(namespace?: string): KubeObject[] {
    if (namespace === undefined) {
      if (!this.sortedAll) {
        const namespaces = [...this.byNamespace.keys()].sort()
        this.sortedAll = namespaces.flatMap((ns) => this.list(ns))
      }
      return this.sortedAll
    }
    let sorted = this.sorted.get(namespace)
    if (!sorted) {
      sorted = [...(this.byNamespace.get(namespace)?.values() ?? [])].sort(compareByName)
      this.sorted.set(namespace, sorted)
    }
    return sorted
  }
}

/**
 * The API store: the role etcd and the watch cache play. It keeps objects as written
 * (never mutated in place: every write replaces the object), stamps resourceVersion,
 * and notifies watchers synchronously with the old and new object; watchers must only
 * enqueue work, never write back inline. Writes come from the ApiServer, which does
 * admission; everyone else reads.
 *
 * Indexes keep reads proportional to what they return: by kind and namespace, by owner
 * uid, by uid, and pods by node.
 */
export class ApiStore {
  private kinds = new Map<string, KindIndex>()
  /** Every object by key, for the indexes that hold keys. */
  private objects = new Map<string, KubeObject>()
  private watchers: Watcher[] = []
  private watchersByKind = new Map<string, Watcher[]>()
  private revision = 0
  /** Keys written since the last drain, for the worker's state patches. */
  private dirty = new Set<string>()
  /** Owner uid → keys of the objects that name it in ownerReferences. */
  private dependentsIndex = new Map<string, Set<string>>()
  private ownersOfKey = new Map<string, string[]>()
  private keyByUid = new Map<string, string>()
  /** Node name → keys of the pods bound to it. */
  private podsByNode = new Map<string, Set<string>>()
  /** `kind/namespace/label=value` → keys of the objects carrying that label, for the kinds someone selects. */
  private byLabel = new Map<string, Set<string>>()
  private labelIndexedKinds = new Set<string>()
  /** Whether writes are remembered for drainChanges (only the UI host asks for them). */
  private recordingChanges = false
  /** Who made each write and in reaction to what: the answers to "why?". */
  readonly causes = new CauseLog()

  constructor(
    private readonly clock: SimClock,
    private readonly rng: SeededRandom,
  ) {}

  /** Calls `watcher` on every write, or only on writes of the given kinds (a watch per resource, as informers do). */
  watch(watcher: Watcher, kinds?: string[]): void {
    if (!kinds) {
      this.watchers.push(watcher)
      return
    }
    for (const kind of kinds) {
      const list = this.watchersByKind.get(kind)
      if (list) list.push(watcher)
      else this.watchersByKind.set(kind, [watcher])
    }
  }

  /** Ends a watch started with `watch` (a client's watch, like `kubectl get -w`, ends; informers never do). */
  unwatch(watcher: Watcher): void {
    this.watchers = this.watchers.filter((w) => w !== watcher)
    for (const [kind, list] of this.watchersByKind) this.watchersByKind.set(kind, list.filter((w) => w !== watcher))
  }

  get<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string): T | undefined {
    return this.kinds.get(kind)?.byNamespace.get(namespace ?? '')?.get(name) as T | undefined
  }

  getByKey(key: string): KubeObject | undefined {
    return this.objects.get(key)
  }

  getByUid(kind: string, uid: string): KubeObject | undefined {
    const obj = this.findUid(uid)
    return obj?.kind === kind ? obj : undefined
  }

  /** The object with this uid, whatever its kind. */
  findUid(uid: string): KubeObject | undefined {
    const key = this.keyByUid.get(uid)
    const obj = key === undefined ? undefined : this.getByKey(key)
    return obj?.metadata.uid === uid ? obj : undefined
  }

  /** Objects of a kind in name order (etcd's key order), optionally in one namespace. The array is shared: do not modify it. */
  list<T extends KubeObject = KubeObject>(kind: string, namespace?: string): readonly T[] {
    return (this.kinds.get(kind)?.list(namespace) ?? []) as unknown as readonly T[]
  }

  /** How many objects of a kind there are, without listing them. */
  countOf(kind: string): number {
    return this.kinds.get(kind)?.size ?? 0
  }

  /** Namespaces that hold at least one object of `kind`. */
  namespacesWith(kind: string): string[] {
    return [...(this.kinds.get(kind)?.byNamespace.keys() ?? [])]
  }

  /** Objects whose ownerReferences name `ownerUid`, optionally of one kind. */
  dependents<T extends KubeObject = KubeObject>(ownerUid: string, kind?: string): T[] {
    const out: T[] = []
    for (const key of this.dependentsIndex.get(ownerUid) ?? []) {
      const obj = this.getByKey(key)
      if (obj && (kind === undefined || obj.kind === kind)) out.push(obj as T)
    }
    return out.sort(compareByNamespaceAndName)
  }

  /** `dependents` in the index's own (insertion) order, for callers that count or rank them themselves: no sort. */
  dependentsUnordered<T extends KubeObject = KubeObject>(ownerUid: string, kind?: string): T[] {
    const out: T[] = []
    for (const key of this.dependentsIndex.get(ownerUid) ?? []) {
      const obj = this.getByKey(key)
      if (obj && (kind === undefined || obj.kind === kind)) out.push(obj as T)
    }
    return out
  }

  hasDependents(ownerUid: string): boolean {
    return (this.dependentsIndex.get(ownerUid)?.size ?? 0) > 0
  }

  /** Pods whose spec.nodeName is `node`. */
  podsOn<T extends KubeObject = KubeObject>(node: string): T[] {
    const out: T[] = []
    for (const key of this.podsByNode.get(node) ?? []) {
      const obj = this.getByKey(key)
      if (obj) out.push(obj as T)
    }
    return out.sort(compareByNamespaceAndName)
  }

  /**
   * Objects of a kind in a namespace that `selector` selects. With matchLabels, only the
   * objects carrying the rarest of those labels are looked at.
   */
  select<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, selector: LabelSelector): T[] {
    const required = Object.entries(selector.matchLabels ?? {})
    if (!this.labelIndexedKinds.has(kind)) {
      // The index of a kind is built the first time someone selects from it, then kept up to date.
      this.labelIndexedKinds.add(kind)
      for (const obj of this.list(kind)) this.indexLabels(keyOf(obj), undefined, obj)
    }
    if (required.length === 0) return this.list<T>(kind, namespace).filter((o) => selectorMatches(selector, o.metadata.labels))
    let smallest: Set<string> | undefined
    for (const [k, v] of required) {
      const keys = this.byLabel.get(labelKey(kind, namespace, k, v))
      if (!keys) return []
      if (!smallest || keys.size < smallest.size) smallest = keys
    }
    const out: T[] = []
    for (const key of smallest!) {
      const obj = this.objects.get(key)
      if (obj && selectorMatches(selector, obj.metadata.labels)) out.push(obj as T)
    }
    return out.sort(compareByName)
  }

  /** Stores a new object; fills in uid (unless admission drew it), resourceVersion and creationTimestamp. */
  create<T extends KubeObject>(obj: T): T {
    const key = keyOf(obj)
    if (this.get(obj.kind, obj.metadata.namespace, obj.metadata.name)) throw new Error(`object ${key} already exists`)
    obj.metadata.uid ||= this.rng.uuid()
    obj.metadata.creationTimestamp = this.clock.rfc3339()
    this.stamp(obj, key)
    this.put(obj, key, undefined)
    this.keyByUid.set(obj.metadata.uid, key)
    this.causes.write(obj, undefined, false, this.clock.now, () => this.notify('ADDED', obj))
    return obj
  }

  /** Replaces the stored object with `obj`, a new object (the stored one is left as it was, for watchers). */
  update<T extends KubeObject>(obj: T): T {
    const key = keyOf(obj)
    const previous = this.get(obj.kind, obj.metadata.namespace, obj.metadata.name)
    if (!previous) throw new Error(`object ${key} does not exist`)
    this.stamp(obj, key)
    this.put(obj, key, previous)
    this.causes.write(obj, previous, false, this.clock.now, () => this.notify('MODIFIED', obj, previous === obj ? undefined : previous))
    return obj
  }

  /** Removes the object outright (graceful deletion and finalizers are the ApiServer's business). */
  remove(obj: KubeObject): void {
    const key = keyOf(obj)
    const stored = this.get(obj.kind, obj.metadata.namespace, obj.metadata.name)
    if (!stored) return
    this.kinds.get(obj.kind)!.delete(stored)
    this.objects.delete(key)
    this.indexOwners(key, undefined)
    this.indexNode(key, stored, undefined)
    if (this.labelIndexedKinds.has(obj.kind)) this.indexLabels(key, stored, undefined)
    this.keyByUid.delete(stored.metadata.uid)
    if (this.recordingChanges) this.dirty.add(key)
    this.causes.write(stored, undefined, true, this.clock.now, () => this.notify('DELETED', stored))
  }

  /** From now on, remember which keys are written, for drainChanges. */
  recordChanges(): void {
    this.recordingChanges = true
  }

  /** Keys changed since the last call, each with its object or null when deleted. */
  drainChanges(): Map<string, KubeObject | null> {
    const out = new Map<string, KubeObject | null>()
    for (const key of this.dirty) out.set(key, this.getByKey(key) ?? null)
    this.dirty.clear()
    return out
  }

  all(): KubeObject[] {
    return [...this.kinds.values()].flatMap((k) => k.list())
  }

  count(): number {
    return this.objects.size
  }

  private put(obj: KubeObject, key: string, previous: KubeObject | undefined): void {
    let index = this.kinds.get(obj.kind)
    if (!index) this.kinds.set(obj.kind, (index = new KindIndex()))
    index.put(obj, previous === undefined)
    this.objects.set(key, obj)
    if (previous?.metadata.ownerReferences !== obj.metadata.ownerReferences) this.indexOwners(key, obj)
    if (obj.kind === 'Pod') this.indexNode(key, previous, obj)
    if (previous?.metadata.labels !== obj.metadata.labels && this.labelIndexedKinds.has(obj.kind)) this.indexLabels(key, previous, obj)
  }

  private indexLabels(key: string, before: KubeObject | undefined, after: KubeObject | undefined): void {
    const obj = (after ?? before)!
    const entry = (k: string, v: string) => labelKey(obj.kind, obj.metadata.namespace, k, v)
    const old = before?.metadata.labels ?? {}
    const next = after?.metadata.labels ?? {}
    for (const [k, v] of Object.entries(old)) {
      if (next[k] === v) continue
      const set = this.byLabel.get(entry(k, v))
      set?.delete(key)
      if (set?.size === 0) this.byLabel.delete(entry(k, v))
    }
    for (const [k, v] of Object.entries(next)) {
      if (old[k] === v) continue
      let set = this.byLabel.get(entry(k, v))
      if (!set) this.byLabel.set(entry(k, v), (set = new Set()))
      set.add(key)
    }
  }

  private indexNode(key: string, before: KubeObject | undefined, after: KubeObject | undefined): void {
    const from = (before?.spec as { nodeName?: string } | undefined)?.nodeName
    const to = (after?.spec as { nodeName?: string } | undefined)?.nodeName
    if (from === to) return
    if (from) this.podsByNode.get(from)?.delete(key)
    if (to) {
      let set = this.podsByNode.get(to)
      if (!set) this.podsByNode.set(to, (set = new Set()))
      set.add(key)
    }
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

  private stamp(obj: KubeObject, key: string): void {
    obj.metadata.resourceVersion = String(++this.revision)
    if (this.recordingChanges) this.dirty.add(key)
  }

  private notify(type: WatchEventType, obj: KubeObject, old?: KubeObject): void {
    for (const w of this.watchers) w(type, obj, old)
    const forKind = this.watchersByKind.get(obj.kind)
    if (forKind) for (const w of forKind) w(type, obj, old)
  }
}

function labelKey(kind: string, namespace: string | undefined, key: string, value: string): string {
  return `${kind}/${namespace ?? ''}/${key}=${value}`
}

/** Puts `obj` where the object of the same name sits in a sorted listing. */
function replaceSorted(list: KubeObject[] | undefined, obj: KubeObject, compare: (a: KubeObject, b: KubeObject) => number): void {
  if (!list) return
  let lo = 0
  let hi = list.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const c = compare(list[mid], obj)
    if (c === 0) {
      list[mid] = obj
      return
    }
    if (c < 0) lo = mid + 1
    else hi = mid - 1
  }
}

function compareByName(a: KubeObject, b: KubeObject): number {
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0
}

function compareByNamespaceAndName(a: KubeObject, b: KubeObject): number {
  const na = a.metadata.namespace ?? ''
  const nb = b.metadata.namespace ?? ''
  if (na !== nb) return na < nb ? -1 : 1
  return compareByName(a, b)
}
