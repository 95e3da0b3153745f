import type { WatchEventType } from '../api/store.ts'
import type { Node, Pod } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import type { ScheduledTask } from '../eventQueue.ts'
import { lookupImage, parseImageReference } from '../images/reference.ts'
import { goDuration } from '../util/duration.ts'
import { Backoff, BACKOFF_RESET_AFTER_MS } from './backoff.ts'
import { containerConfigError, unmountableVolume } from './configRefs.ts'
import { planContainer, SIM_ANNOTATION } from './containerBehaviour.ts'
import { logLines, networkProgram, startLoadGenerator } from '../network/loadGenerator.ts'
import { runNetworkCommand } from '../network/networkCommands.ts'
import { networkOf } from '../network/networkEnv.ts'
import { NodeLease } from './nodeLease.ts'
import { healthyConditions, NETWORK_NOT_READY_ERROR, postedReady } from './nodeStatus.ts'
import { startProbing } from './prober.ts'
import type { ProbeKind } from './probes.ts'
import type { ContainerRuntime, PodRuntime } from './podRuntime.ts'
import { podStatusFromRuntime } from './podStatus.ts'
import { loopLines } from './loopLogs.ts'

/** Time the runtime takes to set up a pod sandbox (network namespace, IP). */
const SANDBOX_MS = 600
/** Time from "image present" to "container started". */
const CREATE_MS = 150
/** The kubelet's pod worker notices a container exit and acts on the next sync. */
const SYNC_AFTER_EXIT_MS = 1_000
/**
 * While a container waits out CrashLoopBackOff the pod worker keeps syncing the pod
 * (kubelet's backOffPeriod), and every sync records the BackOff event again: a long
 * crash loop shows `Back-off restarting failed container` with a count far above the restarts.
 */
const BACKOFF_RESYNC_MS = 10_000
/** The kubelet retries a pod whose ConfigMap or Secret is missing on its next sync. */
const CONFIG_RETRY_MS = 10_000
/** A process that handles SIGTERM (a server run by its image's entrypoint) is gone this fast. */
const SIGTERM_EXIT_MS = 200
/** A failed pull is reported after the registry answers. */
const PULL_FAILURE_MS = 800
/** The pod worker retries a pod whose sync failed because the network is not ready soon (backOffOnTransientErrorPeriod). */
const NETWORK_NOT_READY_RETRY_MS = 1_000
/** The kubelet asks the runtime for its status (updateRuntimeUp) every 5s: a new CNI config is seen within that. */
const RUNTIME_STATUS_PERIOD_MS = 5_000

/**
 * One node's kubelet: turns pods bound to its node into running containers (sandbox,
 * image pull, create, start), watches them exit, restarts them with back-off, and
 * stops them when their pod is deleted. It reports everything as pod status and events,
 * and heartbeats through its node's Lease while it runs.
 */
export class Kubelet {
  private pods = new Map<string, PodRuntime>()
  private crashBackoff = new Backoff()
  private pullBackoff = new Backoff()
  /** Images on this node: name → time the pull finished (or will finish). */
  private images = new Map<string, number>()
  private nextIp = 2
  /** Pods waiting for the pod network: one pending pod-worker retry each. */
  private networkRetries = new Map<string, ScheduledTask>()
  private running = false
  private readonly lease: NodeLease

  constructor(
    private readonly ctx: EngineContext,
    readonly nodeName: string,
    private readonly podSubnet: string,
    /** The runtime has a CNI configuration: false on a cluster with no network add-on until one runs here. */
    private networkReady = true,
  ) {
    this.lease = new NodeLease(ctx, nodeName)
  }

  /** Is the kubelet running (the machine powered and reachable)? */
  get online(): boolean {
    return this.running
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
  }

  /** The machine loses power or network: nothing more is renewed, reported or run. */
  stop(): void {
    this.running = false
    this.lease.stop()
    // Its restarts and pull retries will not happen while it is down.
    for (const runtime of this.pods.values()) for (const c of runtime.containers) this.clearCountdowns(runtime, c)
  }

  private clearCountdowns(runtime: PodRuntime, c: ContainerRuntime): void {
    this.ctx.countdowns.clear(podKeyOf(runtime), 'restart', c.name)
    this.ctx.countdowns.clear(podKeyOf(runtime), 'pullRetry', c.name)
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
    this.ctx.api.updateStatus(node, { ...node.status, conditions: healthyConditions(node, this.ctx.clock.rfc3339(), this.networkReady) })
    const event = this.networkReady ? 'NodeReady' : 'NodeNotReady'
    this.ctx.recorder.normal(node, this.host, event, `Node ${this.nodeName} status is now: ${event}`)
  }

  /**
   * A CNI add-on's pod started here and installed its network configuration: the
   * runtime reports NetworkReady on the kubelet's next status check, and the node goes Ready.
   */
  private networkPluginStarted(): void {
    if (this.networkReady) return
    // Each kubelet's runtime check runs on its own 5s loop; where in it the agent starts varies by node.
    const nextCheckMs = 1 + this.ctx.rng.int(RUNTIME_STATUS_PERIOD_MS)
    this.ctx.after(nextCheckMs, `kubelet ${this.nodeName}: runtime network ready`, () => {
      // The configuration stays on disk: a kubelet that is down now sees it when it starts.
      this.networkReady = true
      if (this.online) this.postNodeStatus()
    })
  }

  /** A pod bound to this node changed (the simulation routes pod events by node). */
  onPodEvent(type: WatchEventType, pod: Pod): void {
    if (!this.online) return
    if (type === 'DELETED') {
      this.forget(pod.metadata.uid)
      return
    }
    const uid = pod.metadata.uid
    const runtime = this.pods.get(uid)
    if (!runtime) {
      this.pods.set(uid, this.newRuntime(pod))
      this.ctx.after(0, `kubelet ${this.nodeName}: sync pod ${pod.metadata.name}`, () => this.startPod(uid))
    } else if (pod.metadata.deletionTimestamp && !runtime.terminating) {
      runtime.terminating = true
      this.ctx.after(0, `kubelet ${this.nodeName}: kill pod ${pod.metadata.name}`, () => this.killPod(uid))
    }
  }

  private get host() {
    return { component: 'kubelet', host: this.nodeName }
  }

  private node(): Node | undefined {
    return this.ctx.store.get<Node>('Node', undefined, this.nodeName)
  }

  private hostIP(): string {
    return this.node()?.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? ''
  }

  private newRuntime(pod: Pod): PodRuntime {
    return {
      uid: pod.metadata.uid,
      namespace: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name,
      sandboxReady: false,
      startTime: this.ctx.clock.rfc3339(),
      terminating: !!pod.metadata.deletionTimestamp,
      stopped: false,
      containers: pod.spec.containers.map((c) => ({
        name: c.name,
        image: c.image,
        state: { waiting: { reason: 'ContainerCreating' } },
        lastState: {},
        restartCount: 0,
        ready: false,
        started: false,
        everStarted: false,
        runId: 0,
        logs: [],
        previousLogs: [],
      })),
    }
  }

  private pod(runtime: PodRuntime): Pod | undefined {
    const pod = this.ctx.store.get<Pod>('Pod', runtime.namespace, runtime.name)
    return pod && pod.metadata.uid === runtime.uid ? pod : undefined
  }

  /** Writes the runtime view into the pod's status (the status manager's job). */
  private publish(runtime: PodRuntime): void {
    const pod = this.pod(runtime)
    if (!pod) return
    this.ctx.api.updateStatus(pod, { ...pod.status, ...podStatusFromRuntime(pod, runtime, this.hostIP(), this.ctx.clock.rfc3339()) })
  }

  private startPod(uid: string): void {
    const runtime = this.pods.get(uid)
    if (!runtime || !this.online) return
    const pod = this.pod(runtime)
    if (!pod) return
    if (runtime.terminating) return this.killPod(uid)
    this.publish(runtime)
    this.networkRetries.get(uid)?.cancel()
    this.networkRetries.delete(uid)
    // Without a pod network only host-network pods (the network add-on itself) can start.
    if (!this.networkReady && !pod.spec.hostNetwork) {
      this.ctx.recorder.warning(pod, this.host, 'NetworkNotReady', `network is not ready: ${NETWORK_NOT_READY_ERROR}`)
      this.networkRetries.set(
        uid,
        this.ctx.after(NETWORK_NOT_READY_RETRY_MS, `kubelet ${this.nodeName}: retry ${runtime.name} (network not ready)`, () => {
          this.networkRetries.delete(uid)
          this.startPod(uid)
        }),
      )
      return
    }
    // Volumes are mounted before the sandbox starts; a missing ConfigMap or Secret keeps the pod in ContainerCreating.
    const unmountable = unmountableVolume(pod, this.ctx.store)
    if (unmountable) {
      this.ctx.recorder.warning(pod, this.host, 'FailedMount', `MountVolume.SetUp failed for volume "${unmountable.volume}" : ${unmountable.message}`)
      this.ctx.after(CONFIG_RETRY_MS, `kubelet ${this.nodeName}: retry mounts ${runtime.name}`, () => this.startPod(uid))
      return
    }
    this.ctx.after(SANDBOX_MS, `kubelet ${this.nodeName}: sandbox ${runtime.name}`, () => {
      if (!this.online || runtime.terminating || !this.pods.has(uid)) return
      runtime.sandboxReady = true
      // A host-network pod shares the node's network namespace, and so its address.
      runtime.podIP = pod.spec.hostNetwork ? this.hostIP() : `${this.podSubnet}.${this.nextIp++}`
      this.publish(runtime)
      for (const c of runtime.containers) this.ensureImage(runtime, c)
    })
  }

  /** Pull step: "already present", a pull, or a pull failure with back-off. */
  private ensureImage(runtime: PodRuntime, c: ContainerRuntime): void {
    const pod = this.pod(runtime)
    if (!pod || runtime.terminating || !this.online) return
    const spec = pod.spec.containers.find((s) => s.name === c.name)!
    const fieldPath = `spec.containers{${c.name}}`
    const ref = parseImageReference(c.image)
    if (!ref) {
      c.state = { waiting: { reason: 'InvalidImageName', message: `Failed to apply default image tag "${c.image}": couldn't parse image name "${c.image}": invalid reference format` } }
      this.ctx.recorder.warning(pod, this.host, 'InspectFailed', `Failed to apply default image tag "${c.image}": couldn't parse image name "${c.image}": invalid reference format`, fieldPath)
      this.ctx.recorder.warning(pod, this.host, 'Failed', 'Error: InvalidImageName', fieldPath)
      this.publish(runtime)
      return
    }
    c.ref = ref
    const policy = spec.imagePullPolicy ?? (ref.tag === 'latest' ? 'Always' : 'IfNotPresent')
    const readyAt = this.images.get(ref.fullName)
    const now = this.ctx.clock.now
    if (policy !== 'Always' && readyAt !== undefined && readyAt <= now) {
      this.ctx.recorder.normal(pod, this.host, 'Pulled', `Container image "${c.image}" already present on machine`, fieldPath)
      c.imageSpec = lookupImage(ref)
      this.scheduleStart(runtime, c, CREATE_MS)
      return
    }
    this.ctx.recorder.normal(pod, this.host, 'Pulling', `Pulling image "${c.image}"`, fieldPath)
    const found = lookupImage(ref)
    // A Windows-only image has no manifest for these linux/amd64 nodes.
    const image = found?.platform === 'windows' ? undefined : found
    const key = `${runtime.uid}/${c.name}`
    if (!image) {
      c.timer = this.ctx.after(PULL_FAILURE_MS, `kubelet ${this.nodeName}: pull failed ${c.image}`, () => {
        if (runtime.terminating) return
        const p = this.pod(runtime)
        if (!p) return
        const detail = found
          ? `failed to pull and unpack image "${ref.fullName}": no match for platform in manifest: not found`
          : `failed to pull and unpack image "${ref.fullName}": failed to resolve reference "${ref.fullName}": ${ref.fullName}: not found`
        c.state = { waiting: { reason: 'ErrImagePull', message: `rpc error: code = NotFound desc = ${detail}` } }
        this.ctx.recorder.warning(p, this.host, 'Failed', `Failed to pull image "${c.image}": rpc error: code = NotFound desc = ${detail}`, fieldPath)
        this.ctx.recorder.warning(p, this.host, 'Failed', 'Error: ErrImagePull', fieldPath)
        this.publish(runtime)
        // On its next sync the kubelet enters image pull back-off, then retries.
        c.timer = this.ctx.after(SYNC_AFTER_EXIT_MS, `kubelet ${this.nodeName}: pull backoff ${c.image}`, () => {
          const p2 = this.pod(runtime)
          if (!p2 || runtime.terminating) return
          this.pullBackoff.next(key)
          const delay = this.pullBackoff.current(key)!
          c.state = { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${c.image}"` } }
          this.ctx.recorder.normal(p2, this.host, 'BackOff', `Back-off pulling image "${c.image}"`, fieldPath)
          this.ctx.recorder.warning(p2, this.host, 'Failed', 'Error: ImagePullBackOff', fieldPath)
          this.publish(runtime)
          this.ctx.countdowns.set({ kind: 'pullRetry', object: podKeyOf(runtime), container: c.name, atMs: this.ctx.clock.now + delay })
          c.timer = this.ctx.after(delay, `kubelet ${this.nodeName}: retry pull ${c.image}`, () => {
            this.ctx.countdowns.clear(podKeyOf(runtime), 'pullRetry', c.name)
            this.ensureImage(runtime, c)
          })
        })
      })
      return
    }
    // Concurrent pulls of one image on one node share the download.
    const pullMs = readyAt !== undefined && readyAt > now ? readyAt - now : policy === 'Always' && readyAt !== undefined ? 400 : image.pullMs
    this.images.set(ref.fullName, now + pullMs)
    c.timer = this.ctx.after(pullMs, `kubelet ${this.nodeName}: pulled ${c.image}`, () => {
      const p = this.pod(runtime)
      if (!p || runtime.terminating) return
      this.pullBackoff.reset(key)
      const took = goDuration(pullMs)
      this.ctx.recorder.normal(p, this.host, 'Pulled', `Successfully pulled image "${c.image}" in ${took} (${took} including waiting). Image size: ${image.sizeBytes} bytes.`, fieldPath)
      c.imageSpec = image
      this.recordNodeImage(ref.fullName, image.sizeBytes)
      this.scheduleStart(runtime, c, CREATE_MS)
    })
  }

  private recordNodeImage(name: string, sizeBytes: number): void {
    const node = this.node()
    if (!node) return
    const images = node.status.images ?? []
    if (images.some((i) => i.names.includes(name))) return
    this.ctx.api.updateStatus(node, { ...node.status, images: [...images, { names: [name], sizeBytes }] })
  }

  private scheduleStart(runtime: PodRuntime, c: ContainerRuntime, delayMs: number): void {
    c.timer = this.ctx.after(delayMs, `kubelet ${this.nodeName}: start ${runtime.name}/${c.name}`, () => this.startContainer(runtime, c))
  }

  private startContainer(runtime: PodRuntime, c: ContainerRuntime): void {
    const pod = this.pod(runtime)
    if (!pod || runtime.terminating || !this.online || !c.imageSpec) return
    const spec = pod.spec.containers.find((s) => s.name === c.name)!
    const fieldPath = `spec.containers{${c.name}}`
    const now = this.ctx.clock.now
    const configError = containerConfigError(spec, runtime.namespace, this.ctx.store)
    if (configError) {
      c.state = { waiting: { reason: 'CreateContainerConfigError', message: configError } }
      this.ctx.recorder.warning(pod, this.host, 'Failed', `Error: ${configError}`, fieldPath)
      this.publish(runtime)
      this.scheduleStart(runtime, c, CONFIG_RETRY_MS)
      return
    }
    c.containerID = `containerd://${this.ctx.rng.string('0123456789abcdef', 64)}`
    c.plan = planContainer(spec, c.imageSpec, pod.metadata.annotations ?? {})
    // A command that is network traffic is answered by the cluster: once, or as a load generator.
    const program = networkProgram(spec, c.imageSpec.repository)
    const withIP: Pod = { ...pod, status: { ...pod.status, podIP: pod.status.podIP ?? runtime.podIP } }
    if (program?.kind === 'once' && !pod.metadata.annotations?.[SIM_ANNOTATION.crashAfter]) {
      const result = runNetworkCommand(networkOf(this.ctx), withIP, program.argv)
      if (result) c.plan = { kind: 'exits', afterMs: Math.max(50, result.elapsedMs), exitCode: result.exitCode, logs: logLines(result.output) }
    } else if (program?.kind === 'loop') c.plan = { kind: 'runs', logs: [] }
    this.ctx.recorder.normal(pod, this.host, 'Created', `Created container: ${c.name}`, fieldPath)
    this.ctx.recorder.normal(pod, this.host, 'Started', `Started container ${c.name}`, fieldPath)
    c.state = { running: { startedAt: this.ctx.clock.rfc3339() } }
    c.previousStartedAtMs = c.startedAtMs
    c.startedAtMs = now
    c.everStarted = true
    // With a startup probe the container is not "started" until it passes; with a
    // readiness probe it is not ready until the first success.
    c.started = !spec.startupProbe
    c.ready = !spec.startupProbe && !spec.readinessProbe
    c.previousLogs = c.logs
    c.logs = [...c.plan.logs]
    const runId = ++c.runId
    this.publish(runtime)
    if (c.imageSpec.cni) this.networkPluginStarted()
    const startedAt = now
    if (c.plan.kind === 'exits') {
      const plan = c.plan
      c.timer = this.ctx.after(plan.afterMs, `kubelet ${this.nodeName}: ${runtime.name}/${c.name} exits ${plan.exitCode}`, () =>
        this.containerExited(runtime, c, plan.exitCode, startedAt),
      )
    }
    if (program?.kind === 'loop') {
      startLoadGenerator(this.ctx, `kubelet ${this.nodeName}: ${runtime.name}/${c.name} load`, program, {
        pod: () => {
          const p = this.pod(runtime)
          return p && { ...p, status: { ...p.status, podIP: p.status.podIP ?? runtime.podIP } }
        },
        stillRunning: () => c.runId === runId && !!c.state.running && !runtime.terminating && this.online,
        setLogs: (lines) => void (c.logs = lines),
      })
    }
    startProbing(this.ctx, this.host, runtime, c, spec, {
      pod: () => this.pod(runtime),
      publish: () => this.publish(runtime),
      stillRunning: () => c.runId === runId && !!c.state.running && !runtime.terminating && this.online,
      kill: (kind) => this.killForFailedProbe(runtime, c, kind, startedAt),
    })
  }

  /** Liveness or startup probe gave up: stop the container (SIGTERM, then SIGKILL after the grace period). */
  private killForFailedProbe(runtime: PodRuntime, c: ContainerRuntime, kind: ProbeKind, startedAt: number): void {
    const pod = this.pod(runtime)
    if (!pod) return
    this.ctx.recorder.normal(pod, this.host, 'Killing', `Container ${c.name} failed ${kind.toLowerCase()} probe, will be restarted`, `spec.containers{${c.name}}`)
    c.timer?.cancel()
    const runId = ++c.runId
    const graceMs = (pod.spec.terminationGracePeriodSeconds ?? 30) * 1000
    const quick = this.stopsOnSigterm(pod, c)
    c.timer = this.ctx.after(quick ? SIGTERM_EXIT_MS : graceMs, `kubelet ${this.nodeName}: ${runtime.name}/${c.name} killed`, () => {
      if (c.runId === runId) this.containerExited(runtime, c, quick ? 0 : 137, startedAt)
    })
  }

  /**
   * Does the container exit on SIGTERM? A server started by its image's own entrypoint
   * does; a shell running a command (PID 1 ignores SIGTERM) waits for SIGKILL.
   */
  private stopsOnSigterm(pod: Pod, c: ContainerRuntime): boolean {
    const command = pod.spec.containers.find((s) => s.name === c.name)?.command
    return !!c.imageSpec?.stopsOnSigterm && c.plan?.kind === 'runs' && !command
  }

  private containerExited(runtime: PodRuntime, c: ContainerRuntime, exitCode: number, startedAtMs: number): void {
    const pod = this.pod(runtime)
    if (!pod || runtime.terminating || !this.online) return
    const key = `${runtime.uid}/${c.name}`
    const now = this.ctx.clock.now
    if (now - startedAtMs >= BACKOFF_RESET_AFTER_MS) this.crashBackoff.reset(key)
    this.freezeLogs(runtime, c)
    c.runId += 1
    c.state = {
      terminated: {
        exitCode,
        reason: exitCode === 0 ? 'Completed' : 'Error',
        startedAt: this.ctx.clock.rfc3339(startedAtMs),
        finishedAt: this.ctx.clock.rfc3339(),
        containerID: c.containerID,
      },
    }
    c.ready = false
    c.started = false
    this.publish(runtime)

    const policy = pod.spec.restartPolicy ?? 'Always'
    if (policy === 'Never' || (policy === 'OnFailure' && exitCode === 0)) return
    c.timer = this.ctx.after(SYNC_AFTER_EXIT_MS, `kubelet ${this.nodeName}: sync after exit ${runtime.name}/${c.name}`, () =>
      this.restartOrBackOff(runtime, c),
    )
  }

  /** The pod worker's decision after an exit: restart now, or wait out CrashLoopBackOff. */
  private restartOrBackOff(runtime: PodRuntime, c: ContainerRuntime): void {
    const pod = this.pod(runtime)
    if (!pod || runtime.terminating || !this.online) return
    const key = `${runtime.uid}/${c.name}`
    const delay = this.crashBackoff.current(key)
    const last = c.state.terminated
    const restart = () => {
      const p = this.pod(runtime)
      this.ctx.countdowns.clear(podKeyOf(runtime), 'restart', c.name)
      if (!p || runtime.terminating || !this.online) return
      this.crashBackoff.next(key)
      c.lastState = last ? { terminated: last } : c.lastState
      c.restartCount += 1
      // A restart goes through the pull step again: "already present", or a fresh pull for `Always`.
      this.ensureImage(runtime, c)
    }
    if (delay === undefined) return restart()
    // The back-off counts from when the container finished, one sync period ago.
    const remaining = Math.max(0, delay - SYNC_AFTER_EXIT_MS)
    c.lastState = last ? { terminated: last } : c.lastState
    c.state = {
      waiting: {
        reason: 'CrashLoopBackOff',
        message: `back-off ${goDuration(delay)} restarting failed container=${c.name} pod=${runtime.name}_${runtime.namespace}(${runtime.uid})`,
      },
    }
    const backOffEvent = (p: Pod) =>
      this.ctx.recorder.warning(p, this.host, 'BackOff', `Back-off restarting failed container ${c.name} in pod ${runtime.name}_${runtime.namespace}(${runtime.uid})`, `spec.containers{${c.name}}`)
    backOffEvent(pod)
    this.ctx.countdowns.set({ kind: 'restart', object: podKeyOf(runtime), container: c.name, atMs: this.ctx.clock.now + remaining })
    this.publish(runtime)
    // One timer chain: a sync every BACKOFF_RESYNC_MS re-records the event, and the restart comes when the back-off ends.
    const wait = (left: number) => {
      if (left <= BACKOFF_RESYNC_MS) {
        c.timer = this.ctx.after(left, `kubelet ${this.nodeName}: restart ${runtime.name}/${c.name}`, restart)
        return
      }
      c.timer = this.ctx.after(BACKOFF_RESYNC_MS, `kubelet ${this.nodeName}: sync ${runtime.name} in back-off`, () => {
        const p = this.pod(runtime)
        if (!p || runtime.terminating || !this.online) return
        backOffEvent(p)
        wait(left - BACKOFF_RESYNC_MS)
      })
    }
    wait(remaining)
  }

  /** Graceful termination: SIGTERM, wait for exit or the grace period, then remove the pod. */
  private killPod(uid: string): void {
    const runtime = this.pods.get(uid)
    if (!runtime || !this.online) return
    const pod = this.pod(runtime)
    if (!pod) return
    const graceMs = (pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000
    let slowest = 0
    const killed = new Set<ContainerRuntime>()
    for (const c of runtime.containers) {
      c.timer?.cancel()
      if (c.state.running) {
        this.ctx.recorder.normal(pod, this.host, 'Killing', `Stopping container ${c.name}`, `spec.containers{${c.name}}`)
        const quick = this.stopsOnSigterm(pod, c)
        if (!quick) killed.add(c)
        slowest = Math.max(slowest, Math.min(quick ? SIGTERM_EXIT_MS : graceMs, graceMs))
      }
    }
    this.ctx.after(slowest, `kubelet ${this.nodeName}: pod ${runtime.name} stopped`, () => {
      const p = this.pod(runtime)
      if (!p) return
      const finishedAt = this.ctx.clock.rfc3339()
      for (const c of runtime.containers) {
        if (c.state.running) {
          this.freezeLogs(runtime, c)
          const code = killed.has(c) ? 137 : 0
          c.state = { terminated: { exitCode: code, reason: code === 0 ? 'Completed' : 'Error', startedAt: c.state.running.startedAt, finishedAt, containerID: c.containerID } }
        }
        c.ready = false
      }
      runtime.stopped = true
      this.publish(runtime)
      this.pods.delete(uid)
      this.confirmDeletion(p)
    })
  }

  /**
   * After the kubelet comes back: finish deletions that happened meanwhile, pick up
   * pods bound to this node while it was away, and restart containers that stopped.
   */
  private resync(): void {
    for (const pod of this.ctx.store.podsOn<Pod>(this.nodeName)) {
      const uid = pod.metadata.uid
      const runtime = this.pods.get(uid)
      if (!runtime) {
        this.pods.set(uid, this.newRuntime(pod))
        this.ctx.after(0, `kubelet ${this.nodeName}: sync pod ${pod.metadata.name}`, () => this.startPod(uid))
      } else if (pod.metadata.deletionTimestamp) {
        runtime.terminating = true
        // The grace period ran out while the node was away: the pod goes at once.
        for (const c of runtime.containers) c.timer?.cancel()
        this.pods.delete(uid)
        this.confirmDeletion(pod)
      } else {
        for (const c of runtime.containers) {
          if (c.state.running) c.ready = true
          else if (c.imageSpec) this.scheduleStart(runtime, c, CREATE_MS)
          else if (runtime.sandboxReady) this.ensureImage(runtime, c)
        }
        if (!runtime.sandboxReady) this.ctx.after(0, `kubelet ${this.nodeName}: sync pod ${pod.metadata.name}`, () => this.startPod(uid))
        else this.publish(runtime)
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
    for (const c of runtime.containers) c.timer?.cancel()
    this.pods.delete(uid)
  }

  /** Logs of a container, as `kubectl logs` returns them, with the time the run that wrote them started. */
  logs(podUid: string, container: string, previous: boolean): { lines: string[]; atMs: number; lineAtMs?: number[] } | undefined {
    const c = this.pods.get(podUid)?.containers.find((x) => x.name === container)
    if (!c) return undefined
    if (previous) return { lines: c.previousLogs, atMs: c.previousStartedAtMs ?? 0 }
    const atMs = c.startedAtMs ?? 0
    const loop = c.plan?.kind === 'runs' ? c.plan.loop : undefined
    if (!loop || !c.state.running) return { lines: c.logs, atMs }
    // A looping script's lines, as many rounds as have run by now.
    const looped = loopLines(loop, atMs, this.ctx.clock.now)
    return {
      lines: [...c.logs, ...looped.map((l) => l.text)],
      atMs,
      lineAtMs: [...c.logs.map(() => atMs), ...looped.map((l) => l.atMs)],
    }
  }

  /** A running loop's lines become fixed when its run ends (they are worked out lazily while it runs). */
  private freezeLogs(runtime: PodRuntime, c: ContainerRuntime): void {
    if (c.plan?.kind === 'runs' && c.plan.loop && c.state.running) c.logs = this.logs(runtime.uid, c.name, false)?.lines ?? c.logs
  }

  /**
   * What `kubectl exec` reaches: the container as the runtime has it. Undefined when the
   * kubelet does not know the pod (not synced yet, or gone).
   */
  container(podUid: string, container: string): Readonly<ContainerRuntime> | undefined {
    if (!this.pods.has(podUid)) return undefined
    return this.pods.get(podUid)?.containers.find((x) => x.name === container)
  }
}

/** The store key of the pod a runtime runs, as countdowns name it. */
const podKeyOf = (runtime: PodRuntime) => `Pod/${runtime.namespace}/${runtime.name}`
