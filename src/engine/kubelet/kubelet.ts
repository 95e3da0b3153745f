import type { WatchEventType } from '../api/store.ts'
import type { Node, Pod } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import { containerLogs } from './containerLogs.ts'
import { RuntimeService } from './containerRuntime.ts'
import { EvictionManager, IMMEDIATE_EVICTION_GRACE_SECONDS, withMemoryPressure, type EvictionHost } from './evictionManager.ts'
import { ImageManager } from './imageManager.ts'
import type { RunningPod } from './nodeMemory.ts'
import { VolumeManager } from './volumes/volumeManager.ts'
import { NodeLease } from './nodeLease.ts'
import { healthyConditions, postedReady } from './nodeStatus.ts'
import { terminatePod } from './podTermination.ts'
import { PodWorkers } from './podWorker.ts'
import { allContainers, podKeyOf, type ContainerRuntime, type PodRuntime } from './podRuntime.ts'
import { StatusManager } from './statusManager.ts'
import { qosClass } from './podStatus.ts'
import { tolerates } from '../scheduler/plugins/taintToleration.ts'
import { PodSyncer } from './syncPod.ts'

/** The kubelet asks the runtime for its status (updateRuntimeUp) every 5s: a new CNI config is seen within that. */
const RUNTIME_STATUS_PERIOD_MS = 5_000

/**
 * One node's kubelet: the node agent. It registers and heartbeats its node (status and
 * Lease), hands pods bound to its node to their pod workers (syncPod.ts decides each next
 * step; imageManager.ts, containerRuntime.ts, prober.ts and statusManager.ts carry them
 * out), terminates them when they are deleted, and answers `kubectl logs` and `exec`.
 */
export class Kubelet implements EvictionHost {
  private pods = new Map<string, PodRuntime>()
  /** Pods the kubelet refused to admit: Failed at once, never run here. */
  private rejected = new Set<string>()
  private nextIp = 2
  private running = false
  private readonly lease: NodeLease
  private readonly status: StatusManager
  private readonly workers: PodWorkers
  private readonly images: ImageManager
  private readonly runtimeService: RuntimeService
  private readonly syncer: PodSyncer
  private readonly evictions: EvictionManager
  readonly source: { component: string; host: string }
  /** Its pods' volumes: set up before each sandbox, read by `kubectl exec`. */
  readonly volumes: VolumeManager

  constructor(
    readonly ctx: EngineContext,
    readonly nodeName: string,
    private readonly podSubnet: string,
    /** The runtime has a CNI configuration: false on a cluster with no network add-on until one runs here. */
    private runtimeNetworkReady = true,
  ) {
    this.lease = new NodeLease(ctx, nodeName)
    this.source = { component: 'kubelet', host: nodeName }
    this.volumes = new VolumeManager(ctx, nodeName, () => this.running)
    this.status = new StatusManager(ctx, () => this.hostIP())
    this.workers = new PodWorkers(this, (runtime) => this.syncer.syncPod(runtime))
    this.images = new ImageManager({
      ctx,
      nodeName,
      source: this.source,
      livePod: (runtime) => (runtime.terminating ? undefined : this.pod(runtime)),
      online: () => this.online,
      publish: (runtime) => this.publish(runtime),
      node: () => this.node(),
    })
    this.runtimeService = new RuntimeService(
      this,
      (runtime, c, exit) => this.syncer.containerExited(runtime, c, exit),
      (runtime) => this.workers.syncAfter(runtime, 0),
    )
    this.syncer = new PodSyncer(this, this.workers, this.images, this.runtimeService, (runtime) => this.killPod(runtime.uid))
    this.evictions = new EvictionManager(this)
  }

  /** Is the kubelet running (the machine powered and reachable)? */
  get online(): boolean {
    return this.running
  }

  get networkReady(): boolean {
    return this.runtimeNetworkReady
  }

  /**
   * The kubelet starts (first registration, or the machine is back): it renews its lease
   * at once, posts Ready node status if the node is not Ready, and syncs its pods.
   */
  start(): void {
    if (this.running) return
    this.running = true
    this.lease.start()
    this.postNodeStatus()
    this.resync()
    this.evictions.changed()
  }

  /** The machine loses power or network: nothing more is renewed, reported or run. */
  stop(): void {
    this.running = false
    this.lease.stop()
    this.evictions.stop()
    // Its restarts and pull retries will not happen while it is down.
    for (const runtime of this.pods.values()) {
      for (const c of allContainers(runtime)) {
        this.ctx.countdowns.clear(podKeyOf(runtime), 'restart', c.name)
        this.ctx.countdowns.clear(podKeyOf(runtime), 'pullRetry', c.name)
      }
    }
  }

  /**
   * Posts node status when its Ready condition should change: Ready, or NotReady while
   * the pod network is missing. The NodeReady/NodeNotReady event marks the transition
   * (the taints are the node controller's).
   */
  private postNodeStatus(): void {
    const node = this.node()
    const ready = postedReady(this.networkReady)
    if (!node || node.status.conditions.find((c) => c.type === 'Ready')?.status === ready.status) return
    this.ctx.api.updateStatus(node, { ...node.status, conditions: healthyConditions(node, this.ctx.clock.rfc3339(), this.networkReady, this.evictions.underMemoryPressure) })
    const event = this.networkReady ? 'NodeReady' : 'NodeNotReady'
    this.ctx.recorder.normal(node, this.source, event, `Node ${this.nodeName} status is now: ${event}`)
  }

  /**
   * A CNI add-on's pod started here and installed its network configuration: the
   * runtime reports NetworkReady on the kubelet's next status check, and the node goes Ready.
   */
  networkPluginStarted(): void {
    if (this.networkReady) return
    // Each kubelet's runtime check runs on its own 5s loop; where in it the agent starts varies by node.
    const nextCheckMs = 1 + this.ctx.rng.int(RUNTIME_STATUS_PERIOD_MS)
    this.ctx.after(nextCheckMs, `kubelet ${this.nodeName}: runtime network ready`, () => {
      // The configuration stays on disk: a kubelet that is down now sees it when it starts.
      this.runtimeNetworkReady = true
      if (this.online) this.postNodeStatus()
    })
  }

  /** A pod bound to this node changed (the simulation routes pod events by node). */
  onPodEvent(type: WatchEventType, pod: Pod): void {
    if (!this.online) return
    if (type === 'DELETED') {
      this.rejected.delete(pod.metadata.uid)
      this.forget(pod.metadata.uid)
      return
    }
    const uid = pod.metadata.uid
    const runtime = this.pods.get(uid)
    if (this.rejected.has(uid)) {
      if (pod.metadata.deletionTimestamp) this.confirmDeletion(pod)
      return
    }
    if (!runtime && this.rejectedByEvictionManager(pod)) return
    if (!runtime) {
      const created = this.newRuntime(pod)
      this.pods.set(uid, created)
      this.workers.syncAfter(created, 0)
    } else if (pod.metadata.deletionTimestamp && !runtime.terminating) {
      runtime.terminating = true
      this.workers.stop(uid)
      this.ctx.after(0, `kubelet ${this.nodeName}: kill pod ${pod.metadata.name}`, () => this.killPod(uid))
    } else this.volumes.podChanged(pod)
  }

  node(): Node | undefined {
    return this.ctx.store.get<Node>('Node', undefined, this.nodeName)
  }

  hostIP(): string {
    return this.node()?.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? ''
  }

  allocatePodIP(): string {
    return `${this.podSubnet}.${this.nextIp++}`
  }

  pod(runtime: PodRuntime): Pod | undefined {
    return this.status.pod(runtime)
  }

  publish(runtime: PodRuntime): void {
    this.status.publish(runtime)
    // A container started or stopped: memory.available follows a new course.
    this.evictions.changed()
  }

  activePods(): RunningPod[] {
    const out: RunningPod[] = []
    for (const runtime of this.pods.values()) {
      if (runtime.terminating || runtime.evicted) continue
      const pod = this.pod(runtime)
      if (!pod) continue
      out.push({
        runtime,
        pod,
        emptyDirBytesAt: (atMs) => this.volumes.memoryBackedEmptyDirBytes(pod, atMs),
        emptyDirChangesAfter: (afterMs) => this.volumes.memoryBackedEmptyDirChangesAfter(pod, afterMs),
      })
    }
    return out
  }

  podCleanedUp(uid: string): boolean {
    const runtime = this.pods.get(uid)
    return !runtime || runtime.stopped
  }

  /**
   * TerminatePodAbnormally: the pod is Failed with reason Evicted at once (the Warning
   * `Evicted` event says why), then its containers are stopped with the short grace period
   * of a hard threshold. The pod object stays, Failed, for its owner to replace.
   */
  evictPod(uid: string, message: string): void {
    const runtime = this.pods.get(uid)
    const pod = runtime && this.pod(runtime)
    if (!runtime || !pod) return
    this.ctx.recorder.warning(pod, this.source, 'Evicted', message)
    runtime.evicted = { message }
    this.workers.stop(uid)
    this.publish(runtime)
    terminatePod(this, this.runtimeService, runtime, pod, () => {}, IMMEDIATE_EVICTION_GRACE_SECONDS)
  }

  /**
   * The eviction manager's admit handler: under memory pressure a BestEffort pod that does
   * not tolerate the memory-pressure taint is rejected (rejectPod), Failed with reason Evicted.
   */
  private rejectedByEvictionManager(pod: Pod): boolean {
    if (!this.evictions.underMemoryPressure || pod.status.phase === 'Failed' || pod.status.phase === 'Succeeded') return false
    if (qosClass(pod) !== 'BestEffort' || (pod.spec.priority ?? 0) >= 2_000_000_000) return false
    const taint = { key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' as const }
    if ((pod.spec.tolerations ?? []).some((t) => tolerates(t, taint))) return false
    const message = 'The node had condition: [MemoryPressure]. '
    this.rejected.add(pod.metadata.uid)
    this.ctx.recorder.warning(pod, this.source, 'Evicted', message)
    this.ctx.api.updateStatus(pod, { phase: 'Failed', reason: 'Evicted', message: `Pod was rejected: ${message}`, qosClass: 'BestEffort' })
    return true
  }

  /** The eviction manager's MemoryPressure changed: the node status setter posts it, with its event. */
  memoryPressureChanged(pressure: boolean): void {
    const node = this.node()
    if (!node) return
    this.ctx.api.updateStatus(node, { ...node.status, conditions: withMemoryPressure(node, pressure, this.ctx.clock.rfc3339()) })
    const event = pressure ? 'NodeHasInsufficientMemory' : 'NodeHasSufficientMemory'
    this.ctx.recorder.normal(node, this.source, event, `Node ${this.nodeName} status is now: ${event}`)
  }

  private newRuntime(pod: Pod): PodRuntime {
    const container = (c: Pod['spec']['containers'][number], init: boolean): ContainerRuntime => ({
      name: c.name,
      image: c.image,
      init,
      sidecar: init && c.restartPolicy === 'Always',
      fieldPath: `spec.${init ? 'initContainers' : 'containers'}{${c.name}}`,
      state: { waiting: { reason: pod.spec.initContainers?.length ? 'PodInitializing' : 'ContainerCreating' } },
      lastState: {},
      restartCount: 0,
      ready: false,
      started: false,
      everStarted: false,
      runId: 0,
      logs: [],
      previousLogs: [],
    })
    return {
      uid: pod.metadata.uid,
      namespace: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name,
      sandboxReady: false,
      sandboxCreating: false,
      startTime: this.ctx.clock.rfc3339(),
      terminating: !!pod.metadata.deletionTimestamp,
      stopped: false,
      initialized: !pod.spec.initContainers?.length,
      initContainers: (pod.spec.initContainers ?? []).map((c) => container(c, true)),
      containers: pod.spec.containers.map((c) => container(c, false)),
    }
  }

  /** Graceful termination: preStop, SIGTERM, SIGKILL after the grace period; then the pod is removed. */
  private killPod(uid: string): void {
    const runtime = this.pods.get(uid)
    if (!runtime || !this.online) return
    const pod = this.pod(runtime)
    if (!pod) return
    this.workers.stop(uid)
    terminatePod(this, this.runtimeService, runtime, pod, (p) => {
      this.pods.delete(uid)
      this.volumes.podRemoved(uid)
      this.confirmDeletion(p)
    })
  }

  /**
   * After the kubelet comes back: finish deletions that happened meanwhile, pick up
   * pods bound to this node while it was away, and sync the others (what was under way
   * when the kubelet stopped is started again).
   */
  private resync(): void {
    for (const pod of this.ctx.store.podsOn<Pod>(this.nodeName)) {
      const uid = pod.metadata.uid
      const runtime = this.pods.get(uid)
      if (!runtime) {
        const created = this.newRuntime(pod)
        this.pods.set(uid, created)
        this.workers.syncAfter(created, 0)
      } else if (pod.metadata.deletionTimestamp) {
        runtime.terminating = true
        // The grace period ran out while the node was away: the pod goes at once.
        for (const c of allContainers(runtime)) c.timer?.cancel()
        this.workers.stop(uid)
        this.pods.delete(uid)
        this.volumes.podRemoved(uid)
        this.confirmDeletion(pod)
      } else {
        runtime.sandboxCreating = false
        runtime.retryAtMs = undefined
        const now = this.ctx.clock.now
        for (const c of allContainers(runtime)) {
          if (c.state.running) c.ready = true
          else if (c.operation !== 'stuck') {
            // Its pull, create or back-off died with the kubelet: the next sync takes it up.
            c.timer?.cancel()
            c.operation = undefined
            if (c.everStarted) c.dueAtMs = now
          }
        }
        this.workers.stop(uid)
        if (runtime.sandboxReady) this.publish(runtime)
        this.workers.syncAfter(runtime, 0)
      }
    }
  }

  /** The containers are gone: the kubelet's final delete, with a zero grace period, lets the API server remove the pod. */
  private confirmDeletion(pod: Pod): void {
    this.ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0, uid: pod.metadata.uid })
  }

  private forget(uid: string): void {
    const runtime = this.pods.get(uid)
    if (!runtime) return
    for (const c of allContainers(runtime)) c.timer?.cancel()
    this.workers.stop(uid)
    this.syncer.forget(runtime)
    this.images.forget(runtime)
    this.pods.delete(uid)
    this.volumes.podRemoved(uid)
    this.evictions.changed()
  }

  /** Logs of a container, as `kubectl logs` returns them, with the time the run that wrote them started. */
  logs(podUid: string, container: string, previous: boolean): { lines: string[]; atMs: number; lineAtMs?: number[] } | undefined {
    const runtime = this.pods.get(podUid)
    const c = runtime && allContainers(runtime).find((x) => x.name === container)
    return c && containerLogs(c, previous, this.ctx.clock.now)
  }

  /**
   * What `kubectl exec` reaches: the container as the runtime has it. Undefined when the
   * kubelet does not know the pod (not synced yet, or gone).
   */
  container(podUid: string, container: string): Readonly<ContainerRuntime> | undefined {
    const runtime = this.pods.get(podUid)
    return runtime && allContainers(runtime).find((x) => x.name === container)
  }
}
