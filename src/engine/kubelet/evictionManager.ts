import type { Node, Pod } from '../api/types.ts'
import type { ScheduledTask } from '../eventQueue.ts'
import { memoryEvictionMessage, rankMemoryPressure } from './evictionRank.ts'
import { taskLabel, type KubeletHost } from './kubeletHost.ts'
import { memoryAvailable, memoryPressureFrom, podMemoryStats, type RunningPod } from './nodeMemory.ts'
import { memoryPressureCondition } from './nodeStatus.ts'

/** The kubelet's default evictionHard `memory.available<100Mi`. */
export const MEMORY_AVAILABLE_THRESHOLD_BYTES = 100 * 2 ** 20
/** The eviction manager's monitoring interval (the kubelet's housekeeping period). */
export const EVICTION_MONITORING_MS = 10_000
/** --eviction-pressure-transition-period: how long a pressure condition stays after the last time the threshold was met. */
export const PRESSURE_TRANSITION_MS = 5 * 60_000
/** After evicting, the manager polls every second (podCleanupPollFreq) until the pod is cleaned up, then synchronizes again. */
const CLEANUP_POLL_MS = 1_000
/** Hard thresholds evict at once: the pod gets this grace period (immediateEvictionGracePeriodSeconds). */
export const IMMEDIATE_EVICTION_GRACE_SECONDS = 1
/** SystemCriticalPriority: pods at or above it are never evicted (IsCriticalPod). */
const SYSTEM_CRITICAL_PRIORITY = 2_000_000_000

/** What the eviction manager needs of its kubelet beyond the shared parts. */
export interface EvictionHost extends KubeletHost {
  /** The pods the kubelet runs that could be evicted (not terminating, not already evicted). */
  activePods(): RunningPod[]
  /** Whether an evicted pod's containers are all gone yet. */
  podCleanedUp(uid: string): boolean
  /** Terminates the pod abnormally: phase Failed, reason Evicted, the message, a short grace period. */
  evictPod(uid: string, message: string): void
  /** The node condition changed: the node status is posted with it. */
  memoryPressureChanged(pressure: boolean): void
}

/**
 * The kubelet's eviction manager (pkg/kubelet/eviction), memory only. It observes
 * memory.available against `memory.available<100Mi`; when met, the node reports
 * MemoryPressure (until the threshold has not been met for the transition period) and one
 * pod is evicted per pass, in rankMemoryPressure's order, until the threshold is no longer
 * met. No timer per pod and no idle polling: the usage model says when memory would cross
 * the threshold, and the manager wakes on the housekeeping tick after that (or when what
 * runs changes, to plan again).
 */
export class EvictionManager {
  private timer: ScheduledTask | undefined
  private planQueued = false
  private lastObservedAtMs: number | undefined
  private pressure = false
  /** The pod evicted last: the manager waits for it to be cleaned up. */
  private cleaningUp: string | undefined

  constructor(private readonly host: EvictionHost) {}

  /** The node reports MemoryPressure. */
  get underMemoryPressure(): boolean {
    return this.pressure
  }

  /** What runs on the node changed: plan the next look (once per instant, however many changes). */
  changed(): void {
    if (this.planQueued || !this.host.online) return
    this.planQueued = true
    this.host.ctx.after(0, taskLabel(this.host, 'eviction manager: plan'), () => {
      this.planQueued = false
      if (this.cleaningUp === undefined) this.plan()
    })
  }

  /** The kubelet stops: no more observations until it starts again. */
  stop(): void {
    this.timer?.cancel()
    this.timer = undefined
    this.cleaningUp = undefined
  }

  /** The next housekeeping tick at or after `atMs`. */
  private tickAtOrAfter(atMs: number): number {
    return Math.ceil(atMs / EVICTION_MONITORING_MS) * EVICTION_MONITORING_MS
  }

  private plan(): void {
    const node = this.host.node()
    if (!node || !this.host.online) return
    const now = this.host.ctx.clock.now
    let next: number | undefined
    if (this.pressure && this.lastObservedAtMs !== undefined) next = this.tickAtOrAfter(this.lastObservedAtMs + PRESSURE_TRANSITION_MS)
    const crossing = memoryPressureFrom(node, this.host.activePods(), now, MEMORY_AVAILABLE_THRESHOLD_BYTES)
    if (crossing !== undefined) next = Math.min(next ?? Infinity, this.tickAtOrAfter(crossing))
    this.schedule(next)
  }

  private schedule(atMs: number | undefined): void {
    this.timer?.cancel()
    this.timer = undefined
    if (atMs === undefined) return
    const delay = Math.max(0, atMs - this.host.ctx.clock.now)
    this.timer = this.host.ctx.after(delay, taskLabel(this.host, 'eviction manager: synchronize'), () => {
      this.timer = undefined
      this.synchronize()
    })
  }

  /** One pass of the control loop: observe, report the condition, evict at most one pod. */
  private synchronize(): void {
    const node = this.host.node()
    if (!node || !this.host.online) return
    const { ctx, source } = this.host
    const now = ctx.clock.now
    const pods = this.host.activePods()
    const available = memoryAvailable(node, pods, now)
    const met = available < MEMORY_AVAILABLE_THRESHOLD_BYTES
    if (met) this.lastObservedAtMs = now
    const pressure = this.lastObservedAtMs !== undefined && now - this.lastObservedAtMs < PRESSURE_TRANSITION_MS
    if (pressure !== this.pressure) {
      this.pressure = pressure
      this.host.memoryPressureChanged(pressure)
    }
    if (!met) return this.plan()
    ctx.recorder.warning(node, source, 'EvictionThresholdMet', 'Attempting to reclaim memory')
    const ranked = rankMemoryPressure(pods.map((p) => podMemoryStats(p, now)))
    const victim = ranked.find((s) => !isCriticalPod(s.pod))
    if (!victim) return this.schedule(now + EVICTION_MONITORING_MS)
    const uid = victim.pod.metadata.uid
    this.host.evictPod(uid, memoryEvictionMessage(victim, MEMORY_AVAILABLE_THRESHOLD_BYTES, available))
    this.cleaningUp = uid
    this.waitForCleanup(now + 30_000)
  }

  /** waitForPodsCleanup: poll each second (30s at most), then synchronize again at once. */
  private waitForCleanup(deadlineMs: number): void {
    this.timer = this.host.ctx.after(CLEANUP_POLL_MS, taskLabel(this.host, 'eviction manager: wait for cleanup'), () => {
      this.timer = undefined
      const uid = this.cleaningUp
      if (uid === undefined) return
      if (!this.host.podCleanedUp(uid) && this.host.ctx.clock.now < deadlineMs) return this.waitForCleanup(deadlineMs)
      this.cleaningUp = undefined
      this.synchronize()
    })
  }
}

/** Static, mirror and system-critical pods are never evicted (kubelettypes.IsCriticalPod). */
function isCriticalPod(pod: Pod): boolean {
  const annotations = pod.metadata.annotations ?? {}
  if (annotations['kubernetes.io/config.source'] && annotations['kubernetes.io/config.source'] !== 'api') return true
  if (annotations['kubernetes.io/config.mirror']) return true
  return (pod.spec.priority ?? 0) >= SYSTEM_CRITICAL_PRIORITY
}

/** The node's MemoryPressure condition as the kubelet posts it now. */
export function withMemoryPressure(node: Node, pressure: boolean, now: string): Node['status']['conditions'] {
  const posted = memoryPressureCondition(pressure)
  return node.status.conditions.map((c) =>
    c.type === 'MemoryPressure' ? { ...c, ...posted, lastHeartbeatTime: now, lastTransitionTime: c.status === posted.status ? c.lastTransitionTime : now } : c,
  )
}
