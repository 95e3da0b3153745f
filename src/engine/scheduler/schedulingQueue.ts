import type { Pod } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import type { WriteRecord } from '../causes/causeLog.ts'
import { podPriority } from './preemption.ts'
import { QUEUEING_EVENTS, worthRequeuing, type ClusterEvent } from './queueingHints.ts'

/** podInitialBackoffSeconds and podMaxBackoffSeconds of the scheduler's configuration. */
export const INITIAL_BACKOFF_MS = 1_000
export const MAX_BACKOFF_MS = 10_000
/** podMaxInUnschedulablePodsDuration: an unschedulable pod is retried after this long anyway. */
export const MAX_UNSCHEDULABLE_MS = 5 * 60_000
/** The queue's flush loops: backoffQ every second, leftover unschedulable pods every 30 seconds. */
const BACKOFF_FLUSH_MS = 1_000
const UNSCHEDULABLE_FLUSH_MS = 30_000

/** What the queue knows about one pending pod (framework.QueuedPodInfo). */
interface QueuedPod {
  uid: string
  namespace?: string
  name: string
  pod: Pod
  /** When the pod entered the queue or last failed: PrioritySort's tie-breaker. */
  timestamp: number
  attempts: number
  /** Plugins that rejected the pod in its last attempt; their hints decide when it moves. */
  rejectors: Set<string>
  where: 'active' | 'backoff' | 'unschedulable'
  /** When its latest arrival in activeQ is ready; older arrivals of the same pod are stale. */
  readyAt: number
  /** The write that sent the pod to activeQ: what its scheduling cycle reacts to. */
  trigger?: WriteRecord
  seq: number
}

/** The back-off after a pod's n-th failed attempt: 1 s, doubling, at most 10 s. */
export function backoffDuration(attempts: number): number {
  let d = INITIAL_BACKOFF_MS
  for (let i = 1; i < attempts; i++) {
    if (d > MAX_BACKOFF_MS - d) return MAX_BACKOFF_MS
    d += d
  }
  return d
}

/** PrioritySort's Less: higher priority first, then the earlier timestamp. */
export function queueLess(a: { pod: Pod; timestamp: number; seq: number }, b: { pod: Pod; timestamp: number; seq: number }): boolean {
  const pa = podPriority(a.pod)
  const pb = podPriority(b.pod)
  if (pa !== pb) return pa > pb
  return a.timestamp < b.timestamp || (a.timestamp === b.timestamp && a.seq < b.seq)
}

/**
 * kube-scheduler's PriorityQueue: activeQ (pods ready to be tried, best first),
 * backoffQ (pods waiting out their back-off) and unschedulablePods (pods waiting for a
 * cluster change that could help them). A scheduling cycle takes `latencyMs`: a pod
 * added to activeQ is tried that long after, with the other pods ready at that instant,
 * in PrioritySort order.
 */
export class SchedulingQueue {
  private pods = new Map<string, QueuedPod>()
  /** activeQ arrivals in the order they become ready (the latency is the same for all). */
  private arriving: { entry: QueuedPod; readyAt: number }[] = []
  private arrivingHead = 0
  private pumpAt: number | undefined
  private backoff = new Set<QueuedPod>()
  private backoffFlush = false
  /** Unschedulable pods, oldest failure first (re-inserted on every failure). */
  private unschedulable = new Map<string, QueuedPod>()
  /** Unschedulable pods by the plugin that rejected them, so an event asks only the plugins it concerns. */
  private byRejector = new Map<string, Set<QueuedPod>>()
  private leftoverAt: number | undefined
  private seq = 0

  constructor(
    private readonly ctx: EngineContext,
    private readonly latencyMs: number,
    private readonly schedule: (pod: Pod) => void,
  ) {}

  has(uid: string): boolean {
    return this.pods.has(uid)
  }

  get pendingCount(): number {
    return this.pods.size
  }

  /** Where a pod waits, for tests and the UI. */
  whereIs(uid: string): QueuedPod['where'] | undefined {
    return this.pods.get(uid)?.where
  }

  /** A new pending pod enters activeQ. */
  add(pod: Pod): void {
    if (this.pods.has(pod.metadata.uid)) return
    const entry: QueuedPod = {
      uid: pod.metadata.uid,
      namespace: pod.metadata.namespace,
      name: pod.metadata.name,
      pod,
      timestamp: this.ctx.clock.now,
      attempts: 0,
      rejectors: new Set(),
      where: 'active',
      readyAt: 0,
      seq: this.seq++,
    }
    this.pods.set(entry.uid, entry)
    this.toActive(entry)
  }

  /** The pod was bound or assumed on a node (or deleted): it is no longer pending. */
  delete(uid: string): void {
    const entry = this.pods.get(uid)
    if (!entry) return
    this.pods.delete(uid)
    this.leave(entry)
  }

  /** A failed attempt: the pod waits in unschedulablePods for an event its rejectors care about. */
  addUnschedulable(pod: Pod, rejectors: Iterable<string>): void {
    const entry = this.pods.get(pod.metadata.uid)
    if (!entry) return
    this.leave(entry)
    entry.pod = pod
    entry.timestamp = this.ctx.clock.now
    entry.rejectors = new Set(rejectors)
    entry.where = 'unschedulable'
    this.unschedulable.set(entry.uid, entry)
    for (const plugin of this.indexKeys(entry)) {
      let set = this.byRejector.get(plugin)
      if (!set) this.byRejector.set(plugin, (set = new Set()))
      set.add(entry)
    }
    this.armLeftoverFlush()
  }

  /** A failed attempt that needs no event (an error): the pod goes back after its back-off. */
  addBackoff(pod: Pod): void {
    const entry = this.pods.get(pod.metadata.uid)
    if (!entry) return
    this.leave(entry)
    entry.pod = pod
    entry.timestamp = this.ctx.clock.now
    this.toBackoff(entry)
  }

  /** MoveAllToActiveOrBackoffQueue: pods whose rejectors' hints say the event may help them. */
  onEvent(event: ClusterEvent): void {
    if (this.unschedulable.size === 0) return
    const moved: QueuedPod[] = []
    const seen = new Set<QueuedPod>()
    for (const [plugin, set] of this.byRejector) {
      const events = QUEUEING_EVENTS[plugin]
      if (events && !events.includes(event.type)) continue
      for (const entry of set) {
        if (seen.has(entry)) continue
        seen.add(entry)
        if (worthRequeuing(entry.pod, entry.rejectors, event)) moved.push(entry)
      }
    }
    for (const entry of moved) this.requeue(entry)
  }

  /** Every unschedulable pod back to activeQ or backoffQ: the rules themselves changed (a new scheduler profile). */
  moveAll(): void {
    for (const entry of [...this.unschedulable.values()]) this.requeue(entry)
  }

  private requeue(entry: QueuedPod): void {
    this.leave(entry)
    const backoffEnds = entry.timestamp + backoffDuration(entry.attempts)
    if (this.ctx.clock.now < backoffEnds) this.toBackoff(entry)
    else this.toActive(entry)
  }

  private indexKeys(entry: QueuedPod): string[] {
    return entry.rejectors.size === 0 ? ['*'] : [...entry.rejectors]
  }

  /** Takes the pod out of whichever sub-queue holds it (arrivals are checked when they pop). */
  private leave(entry: QueuedPod): void {
    if (entry.where === 'backoff') this.backoff.delete(entry)
    if (entry.where === 'unschedulable') {
      this.unschedulable.delete(entry.uid)
      for (const plugin of this.indexKeys(entry)) {
        const set = this.byRejector.get(plugin)
        set?.delete(entry)
        if (set?.size === 0) this.byRejector.delete(plugin)
      }
    }
    entry.where = 'active'
  }

  private toActive(entry: QueuedPod): void {
    entry.where = 'active'
    const readyAt = this.ctx.clock.now + this.latencyMs
    entry.readyAt = readyAt
    entry.trigger = this.ctx.store.causes.triggerNow()
    this.arriving.push({ entry, readyAt })
    this.armPump(readyAt)
  }

  private toBackoff(entry: QueuedPod): void {
    entry.where = 'backoff'
    this.backoff.add(entry)
    if (this.backoffFlush) return
    this.backoffFlush = true
    // The flush loop ticks on whole seconds of the scheduler's life.
    const next = (Math.floor(this.ctx.clock.now / BACKOFF_FLUSH_MS) + 1) * BACKOFF_FLUSH_MS
    this.ctx.after(next - this.ctx.clock.now, 'scheduler: flush backoffQ', () => this.flushBackoff())
  }

  private flushBackoff(): void {
    this.backoffFlush = false
    const now = this.ctx.clock.now
    for (const entry of [...this.backoff]) {
      if (entry.timestamp + backoffDuration(entry.attempts) <= now) {
        this.backoff.delete(entry)
        this.toActive(entry)
      }
    }
    if (this.backoff.size > 0) {
      this.backoffFlush = true
      this.ctx.after(BACKOFF_FLUSH_MS, 'scheduler: flush backoffQ', () => this.flushBackoff())
    }
  }

  /** flushUnschedulablePodsLeftover: every 30 s, pods unschedulable for over 5 minutes are retried. */
  private armLeftoverFlush(): void {
    const oldest = this.unschedulable.values().next().value
    if (!oldest) return
    const at = (Math.floor((oldest.timestamp + MAX_UNSCHEDULABLE_MS) / UNSCHEDULABLE_FLUSH_MS) + 1) * UNSCHEDULABLE_FLUSH_MS
    if (this.leftoverAt !== undefined && this.leftoverAt <= at) return
    this.leftoverAt = at
    this.ctx.after(at - this.ctx.clock.now, 'scheduler: flush unschedulable pods', () => {
      if (this.leftoverAt !== at) return
      this.leftoverAt = undefined
      const now = this.ctx.clock.now
      const due: QueuedPod[] = []
      for (const entry of this.unschedulable.values()) {
        if (now - entry.timestamp <= MAX_UNSCHEDULABLE_MS) break
        due.push(entry)
      }
      for (const entry of due) this.requeue(entry)
      this.armLeftoverFlush()
    })
  }

  private armPump(readyAt: number): void {
    if (this.pumpAt !== undefined && this.pumpAt <= readyAt) return
    this.pumpAt = readyAt
    this.ctx.after(readyAt - this.ctx.clock.now, 'scheduler: scheduling cycle', () => {
      if (this.pumpAt !== readyAt) return
      this.pumpAt = undefined
      this.pump()
    })
  }

  /** Pops every pod ready now, best first, and runs a scheduling cycle for each. */
  private pump(): void {
    const now = this.ctx.clock.now
    const ready: QueuedPod[] = []
    while (this.arrivingHead < this.arriving.length && this.arriving[this.arrivingHead].readyAt <= now) {
      const { entry, readyAt } = this.arriving[this.arrivingHead++]
      // Stale arrivals: the pod left activeQ (deleted, or moved again) after it arrived.
      if (entry.where === 'active' && entry.readyAt === readyAt && this.pods.get(entry.uid) === entry) ready.push(entry)
    }
    if (this.arrivingHead > 1024 && this.arrivingHead * 2 > this.arriving.length) {
      this.arriving = this.arriving.slice(this.arrivingHead)
      this.arrivingHead = 0
    }
    if (ready.length > 1) ready.sort((a, b) => (queueLess(a, b) ? -1 : queueLess(b, a) ? 1 : 0))
    for (const entry of ready) {
      if (this.pods.get(entry.uid) !== entry || entry.where !== 'active') continue
      const current = this.ctx.store.get<Pod>('Pod', entry.namespace, entry.name)
      if (!current || current.metadata.uid !== entry.uid) {
        this.delete(entry.uid)
        continue
      }
      entry.attempts += 1
      entry.pod = current
      this.ctx.store.causes.run({ actor: 'default-scheduler', trigger: entry.trigger }, () => this.schedule(current))
    }
    if (this.arrivingHead < this.arriving.length) this.armPump(this.arriving[this.arrivingHead].readyAt)
  }
}
