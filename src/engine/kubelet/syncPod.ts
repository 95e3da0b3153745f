import type { ContainerStateTerminated, Pod } from '../api/types.ts'
import { goDuration } from '../util/duration.ts'
import { Backoff, BACKOFF_RESET_AFTER_MS } from './backoff.ts'
import type { ContainerExit, RuntimeService } from './containerRuntime.ts'
import type { ImageManager } from './imageManager.ts'
import type { KubeletHost } from './kubeletHost.ts'
import { NETWORK_NOT_READY_ERROR } from './nodeStatus.ts'
import type { PodWorkers } from './podWorker.ts'
import { allContainers, podKeyOf, type ContainerRuntime, type PodRuntime } from './podRuntime.ts'
import { freezeLogs } from './containerLogs.ts'

/** The kubelet's pod worker notices a container exit and acts on the next sync. */
const SYNC_AFTER_EXIT_MS = 1_000
/**
 * While a container waits out CrashLoopBackOff the pod worker keeps syncing the pod
 * (kubelet's backOffPeriod), and every sync records the BackOff event again: a long
 * crash loop shows `Back-off restarting failed container` with a count far above the restarts.
 */
const BACKOFF_RESYNC_MS = 10_000
/** The kubelet retries a pod whose ConfigMap or Secret is missing on its next sync. */
const MOUNT_RETRY_MS = 10_000
/** The pod worker retries a pod whose sync failed because the network is not ready soon (backOffOnTransientErrorPeriod). */
const NETWORK_NOT_READY_RETRY_MS = 1_000

/** How the container's last run ended, while it is not running. */
function lastExit(c: ContainerRuntime): ContainerStateTerminated | undefined {
  if (c.state.running) return undefined
  return c.state.terminated ?? c.lastState.terminated
}

/**
 * syncPod: compares what the pod asks for with what the runtime has and takes the next
 * step: network, volumes, sandbox, init containers one at a time (sidecars started and
 * kept running), then the app containers, restarting exited ones under the crash back-off.
 * Steps that take time (a pull, a create, a run) report back, and the pod is synced again.
 */
export class PodSyncer {
  private crashBackoff = new Backoff()

  constructor(
    private readonly host: KubeletHost,
    private readonly workers: PodWorkers,
    private readonly images: ImageManager,
    private readonly runtimeService: RuntimeService,
    private readonly terminate: (runtime: PodRuntime) => void,
  ) {}

  syncPod(runtime: PodRuntime): void {
    const pod = this.host.pod(runtime)
    if (!pod || !this.host.online) return
    if (runtime.terminating) return this.terminate(runtime)
    // An evicted pod is Failed: nothing in it starts again.
    if (runtime.evicted) return
    if (!runtime.sandboxReady) return this.prepareSandbox(runtime, pod)
    const now = this.host.ctx.clock.now
    if (!runtime.initialized) {
      if (!this.syncInitContainers(runtime, pod, now)) return this.workers.syncAt(runtime, nextDue(runtime))
      runtime.initialized = true
    }
    for (const c of runtime.initContainers) if (c.sidecar) this.syncContainer(runtime, pod, c, now)
    for (const c of runtime.containers) this.syncContainer(runtime, pod, c, now)
    this.workers.syncAt(runtime, nextDue(runtime))
  }

  /** Network, volumes, then the sandbox (which syncs the pod again once it is up). */
  private prepareSandbox(runtime: PodRuntime, pod: Pod): void {
    const { ctx, source } = this.host
    if (runtime.sandboxCreating || (runtime.retryAtMs !== undefined && ctx.clock.now < runtime.retryAtMs)) return
    runtime.retryAtMs = undefined
    this.host.publish(runtime)
    // Without a pod network only host-network pods (the network add-on itself) can start.
    if (!this.host.networkReady && !pod.spec.hostNetwork) {
      ctx.recorder.warning(pod, source, 'NetworkNotReady', `network is not ready: ${NETWORK_NOT_READY_ERROR}`)
      return this.retryLater(runtime, NETWORK_NOT_READY_RETRY_MS, 'retry (network not ready)')
    }
    // Volumes are mounted before the sandbox starts; a missing ConfigMap, Secret or unbound claim
    // keeps the pod in ContainerCreating (setUp records the FailedMount events).
    if (!this.host.volumes.setUp(pod)) return this.retryLater(runtime, MOUNT_RETRY_MS, 'retry mounts')
    this.runtimeService.runPodSandbox(runtime, pod, () => {
      this.host.publish(runtime)
      this.syncPod(runtime)
    })
  }

  private retryLater(runtime: PodRuntime, delayMs: number, why: string): void {
    runtime.retryAtMs = this.host.ctx.clock.now + delayMs
    this.workers.syncAfter(runtime, delayMs, why)
  }

  /**
   * Init containers in order: each must succeed before the next starts; a sidecar must be
   * started. True once all are done, so the app containers may start.
   */
  private syncInitContainers(runtime: PodRuntime, pod: Pod, now: number): boolean {
    for (const c of runtime.initContainers) {
      if (c.sidecar) {
        if (c.state.running) {
          if (c.started) continue
          return false
        }
        this.syncContainer(runtime, pod, c, now)
        return false
      }
      if (c.state.running || c.operation) return false
      const exit = lastExit(c)
      if (exit && exit.exitCode === 0 && c.state.terminated) {
        c.dueAtMs = undefined
        continue
      }
      this.syncContainer(runtime, pod, c, now)
      return false
    }
    return true
  }

  /** One container: start it the first time, leave it while it runs or an operation is under way, restart it after an exit. */
  private syncContainer(runtime: PodRuntime, pod: Pod, c: ContainerRuntime, now: number): void {
    if (c.operation || c.state.running) return
    if (!c.everStarted) return this.pullAndStart(runtime, c, pod)
    if (c.dueAtMs === undefined || now < c.dueAtMs) return
    const exit = lastExit(c)
    if (!exit || !this.shouldRestart(pod, c, exit.exitCode)) {
      c.dueAtMs = undefined
      return
    }
    this.restartOrBackOff(runtime, pod, c, now)
  }

  private shouldRestart(pod: Pod, c: ContainerRuntime, exitCode: number): boolean {
    if (c.sidecar) return true
    const policy = pod.spec.restartPolicy ?? 'Always'
    // A regular init container that succeeded is done, whatever the pod's policy.
    if (c.init) return policy !== 'Never' && exitCode !== 0
    return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0)
  }

  /** The pull step, then create and start. */
  private pullAndStart(runtime: PodRuntime, c: ContainerRuntime, pod: Pod): void {
    c.dueAtMs = undefined
    this.images.ensureImage(runtime, c, pod, () => this.runtimeService.startContainer(runtime, c))
  }

  /** After an exit: restart now, or wait out CrashLoopBackOff (recording BackOff on every sync). */
  private restartOrBackOff(runtime: PodRuntime, pod: Pod, c: ContainerRuntime, now: number): void {
    const key = `${runtime.uid}/${c.name}`
    if (c.backOffUntilMs === undefined) {
      const delay = this.crashBackoff.current(key)
      if (delay === undefined) return this.restart(runtime, pod, c)
      // The back-off counts from when the container finished, one sync period ago.
      const remaining = Math.max(0, delay - SYNC_AFTER_EXIT_MS)
      c.backOffUntilMs = now + remaining
      const last = c.state.terminated
      if (last) c.lastState = { terminated: last }
      c.state = {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: `back-off ${goDuration(delay)} restarting failed container=${c.name} pod=${runtime.name}_${runtime.namespace}(${runtime.uid})`,
        },
      }
      this.recordBackOff(runtime, pod, c)
      this.host.ctx.countdowns.set({ kind: 'restart', object: podKeyOf(runtime), container: c.name, atMs: c.backOffUntilMs })
      this.host.publish(runtime)
    } else if (now >= c.backOffUntilMs) {
      c.backOffUntilMs = undefined
      this.host.ctx.countdowns.clear(podKeyOf(runtime), 'restart', c.name)
      return this.restart(runtime, pod, c)
    } else {
      this.recordBackOff(runtime, pod, c)
    }
    c.dueAtMs = Math.min(now + BACKOFF_RESYNC_MS, c.backOffUntilMs)
  }

  private recordBackOff(runtime: PodRuntime, pod: Pod, c: ContainerRuntime): void {
    const message = `Back-off restarting failed container ${c.name} in pod ${runtime.name}_${runtime.namespace}(${runtime.uid})`
    this.host.ctx.recorder.warning(pod, this.host.source, 'BackOff', message, c.fieldPath)
  }

  private restart(runtime: PodRuntime, pod: Pod, c: ContainerRuntime): void {
    this.crashBackoff.next(`${runtime.uid}/${c.name}`)
    const last = c.state.terminated
    if (last) c.lastState = { terminated: last }
    c.restartCount += 1
    // A restart goes through the pull step again: "already present", or a fresh pull for `Always`.
    this.pullAndStart(runtime, c, pod)
  }

  /** The runtime reports a run's end (the PLEG event): record it; the pod worker acts on its next sync. */
  containerExited(runtime: PodRuntime, c: ContainerRuntime, exit: ContainerExit): void {
    const pod = this.host.pod(runtime)
    if (!pod || runtime.terminating || runtime.evicted || !this.host.online) return
    const { ctx } = this.host
    const now = ctx.clock.now
    if (now - exit.startedAtMs >= BACKOFF_RESET_AFTER_MS) this.crashBackoff.reset(`${runtime.uid}/${c.name}`)
    freezeLogs(c, now)
    c.runId += 1
    const terminated: ContainerStateTerminated = {
      exitCode: exit.exitCode,
      reason: exit.reason ?? (exit.exitCode === 0 ? 'Completed' : 'Error'),
      startedAt: ctx.clock.rfc3339(exit.startedAtMs),
      finishedAt: ctx.clock.rfc3339(),
      containerID: c.containerID,
    }
    c.state = { terminated }
    const restarts = this.shouldRestart(pod, c, exit.exitCode)
    // A failed postStart hook shows as the container's waiting reason until it is restarted.
    if (exit.postStartFailure && restarts) c.state = { waiting: { reason: 'PostStartHookError', message: exit.postStartFailure } }
    if (c.state.waiting) c.lastState = { terminated }
    c.ready = false
    c.started = false
    this.host.publish(runtime)
    // A regular init container that succeeded lets the next one start on the next sync.
    if (restarts || (c.init && exit.exitCode === 0)) {
      c.dueAtMs = now + SYNC_AFTER_EXIT_MS
      this.workers.syncAfter(runtime, SYNC_AFTER_EXIT_MS, 'sync after exit')
    }
  }

  forget(runtime: PodRuntime): void {
    for (const c of allContainers(runtime)) this.crashBackoff.reset(`${runtime.uid}/${c.name}`)
  }
}

/** When the pod worker next needs to look at the pod, from its containers' due times. */
function nextDue(runtime: PodRuntime): number | undefined {
  let next: number | undefined
  for (const c of allContainers(runtime)) if (c.dueAtMs !== undefined && (next === undefined || c.dueAtMs < next)) next = c.dueAtMs
  return next
}
