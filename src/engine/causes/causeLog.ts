/**
 * Causes as data: every write to the store is recorded with WHO made it (a controller
 * by its Kubernetes name, the scheduler, a kubelet, or the user's kubectl command) and
 * IN REACTION TO WHAT (the earlier write whose watch event made that component act).
 * Records point at their trigger, so a chain of causes is a walk back along pointers.
 *
 * Components do not pass causes around: the log keeps an ambient "current cause"
 * (who is acting, because of what), set by the work queue around a sync, by the
 * simulation around a timer (restoring what was current when it was scheduled), and by
 * the hosts around a user command. During a watch notification the change being
 * notified is the trigger of whatever the watchers enqueue.
 *
 * Memory is bounded: per object the creation record and the last RECENT_WRITES writes;
 * a deleted object's records go RETAIN_DELETED_MS after its deletion (or sooner when
 * too many deleted objects wait); a chain is cut after MAX_DEPTH steps, so a record
 * keeps at most that many ancestors alive. Each write costs O(1).
 */
import type { KubeObject } from '../api/types.ts'
import { describeChange, writeVerb, type WriteVerb } from './changeSummary.ts'

export interface ObjectRef {
  kind: string
  namespace?: string
  name: string
  uid: string
}

export interface WriteRecord {
  /** Order of the write among all writes. */
  seq: number
  object: ObjectRef
  resourceVersion: string
  /** Simulated milliseconds since the cluster started. */
  at: number
  verb: WriteVerb
  /** `kubectl`, `replicaset-controller`, `default-scheduler`, `kubelet/worker-1`, … (undefined: nobody known). */
  actor?: string
  /** The user's command, when the actor is the user. */
  command?: string
  /** What the write did, in a few words: `scaled from 3 to 5 replicas`. */
  change: string
  /** The write whose watch event led to this one. */
  trigger?: WriteRecord
  /** How many triggers lie behind this record (chains are cut at MAX_DEPTH). */
  depth: number
}

/** Who is acting now, and because of which write (or which command). */
export interface Cause {
  actor?: string
  command?: string
  trigger?: WriteRecord
}

export const RECENT_WRITES = 20
export const MAX_DEPTH = 24
export const RETAIN_DELETED_MS = 10 * 60_000
const MAX_DELETED_WAITING = 5_000

interface History {
  creation?: WriteRecord
  recent: WriteRecord[]
}

export class CauseLog {
  private current: Cause | undefined
  private notifying: WriteRecord | undefined
  private histories = new Map<string, History>()
  /** Deleted uids in deletion order, with when; read from `deletedHead` on. */
  private deleted: { uid: string; at: number }[] = []
  private deletedHead = 0
  private seq = 0
  /** Told of every write as it is recorded (the app's control-plane flow); O(1) a write when unset. */
  onWrite: ((record: WriteRecord) => void) | undefined

  /** Runs `fn` with `cause` as the current cause, restoring the previous one after. */
  run<T>(cause: Cause | undefined, fn: () => T): T {
    const saved = this.current
    const savedNotifying = this.notifying
    this.current = cause
    this.notifying = undefined
    try {
      return fn()
    } finally {
      this.current = saved
      this.notifying = savedNotifying
    }
  }

  /** The user's command: what it writes has no trigger but the command itself. */
  asUser<T>(command: string, fn: () => T): T {
    return this.run({ actor: 'kubectl', command }, fn)
  }

  /**
   * The cause to carry into work started now: during a watch notification, the change
   * notified (nobody is acting yet: the watcher's component will); otherwise the current one.
   */
  capture(): Cause | undefined {
    if (this.notifying) return { trigger: this.notifying }
    return this.current
  }

  /** The write that work started now reacts to (what a work queue stores with a key). */
  triggerNow(): WriteRecord | undefined {
    return this.notifying ?? this.current?.trigger
  }

  /** Records a write by the current actor and calls `notify` with it as the change being notified. */
  write(obj: KubeObject, old: KubeObject | undefined, removed: boolean, at: number, notify: () => void): void {
    const record = this.record(obj, old, removed, at)
    this.onWrite?.(record)
    const saved = this.notifying
    this.notifying = record
    try {
      notify()
    } finally {
      this.notifying = saved
    }
  }

  private record(obj: KubeObject, old: KubeObject | undefined, removed: boolean, at: number): WriteRecord {
    const meta = obj.metadata
    const verb = writeVerb(obj, old, removed)
    const cause = this.current
    let trigger = cause?.trigger
    if (trigger && trigger.depth >= MAX_DEPTH) trigger = { ...trigger, trigger: undefined, depth: 0 }
    const record: WriteRecord = {
      seq: ++this.seq,
      object: { kind: obj.kind, namespace: meta.namespace, name: meta.name, uid: meta.uid },
      resourceVersion: meta.resourceVersion,
      at,
      verb,
      actor: cause?.actor,
      command: cause?.command,
      change: describeChange(verb, obj, old),
      trigger,
      depth: trigger ? trigger.depth + 1 : 0,
    }
    let history = this.histories.get(meta.uid)
    if (!history) this.histories.set(meta.uid, (history = { recent: [] }))
    if (verb === 'create') history.creation = record
    history.recent.push(record)
    if (history.recent.length > RECENT_WRITES) history.recent.shift()
    if (removed) this.deleted.push({ uid: meta.uid, at })
    this.forgetDeleted(at)
    return record
  }

  /** Drops the records of objects deleted long enough ago. */
  private forgetDeleted(now: number): void {
    while (this.deletedHead < this.deleted.length) {
      const oldest = this.deleted[this.deletedHead]
      const waiting = this.deleted.length - this.deletedHead
      if (oldest.at > now - RETAIN_DELETED_MS && waiting <= MAX_DELETED_WAITING) break
      this.histories.delete(oldest.uid)
      this.deletedHead++
    }
    if (this.deletedHead > 1024 && this.deletedHead * 2 > this.deleted.length) {
      this.deleted = this.deleted.slice(this.deletedHead)
      this.deletedHead = 0
    }
  }

  /** The write that created the object (kept however many writes followed). */
  creation(uid: string): WriteRecord | undefined {
    return this.histories.get(uid)?.creation
  }

  /** The object's last writes, oldest first (at most RECENT_WRITES). */
  recent(uid: string): readonly WriteRecord[] {
    return this.histories.get(uid)?.recent ?? []
  }

  /** The object's latest write. */
  latest(uid: string): WriteRecord | undefined {
    return this.histories.get(uid)?.recent.at(-1)
  }

  /** How many objects have records (for tests of the memory bound). */
  get objectsTracked(): number {
    return this.histories.size
  }
}
