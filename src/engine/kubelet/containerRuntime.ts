import type { Pod } from '../api/types.ts'
import { logLines, networkProgram, startLoadGenerator } from '../network/loadGenerator.ts'
import { runNetworkCommand } from '../network/networkCommands.ts'
import { networkOf } from '../network/networkEnv.ts'
import { containerConfigError } from './configRefs.ts'
import { planContainer, SIM_ANNOTATION, memoryBackedMounts } from './containerBehaviour.ts'
import { declaredEnvironment } from './execEnvironment.ts'
import { taskLabel, type KubeletHost } from './kubeletHost.ts'
import { hookOf, runHook } from './lifecycleHooks.ts'
import { preStopThenSigterm, SIGTERM_EXIT_MS } from './containerStop.ts'
import { containerSpec, type ContainerRuntime, type PodRuntime } from './podRuntime.ts'
import { startProbing } from './prober.ts'
import type { ProbeKind } from './probes.ts'

/** Time the runtime takes to set up a pod sandbox (network namespace, IP). */
const SANDBOX_MS = 600
/** Time from "image present" to "container started". */
export const CREATE_MS = 150
/** The kubelet retries creating a container whose ConfigMap or Secret is missing on its next sync. */
const CONFIG_RETRY_MS = 10_000

/** How a run ended, as the runtime reports it to the pod worker (the PLEG event). */
export interface ContainerExit {
  exitCode: number
  /** containerd's reason; default `Completed` for 0, `Error` otherwise. */
  reason?: string
  startedAtMs: number
  /** The postStart hook failed: the kubelet's message for the container's waiting state. */
  postStartFailure?: string
}

/**
 * The container runtime (a fake CRI) and the kubelet's runtime manager around it: sandboxes,
 * creating and starting containers (config checks, the run's plan, postStart, probes), the
 * run's exit, and stopping a container (SIGTERM, SIGKILL after the grace period).
 * Every outcome is reported to `exited`; the pod worker decides what follows.
 */
export class RuntimeService {
  constructor(
    private readonly host: KubeletHost,
    private readonly exited: (runtime: PodRuntime, c: ContainerRuntime, exit: ContainerExit) => void,
    /** A sidecar's startup probe passed: the next init container may start. */
    private readonly startedChanged: (runtime: PodRuntime) => void,
  ) {}

  /** RunPodSandbox: the network namespace and the pod's IP; `ready` runs when it is up. */
  runPodSandbox(runtime: PodRuntime, pod: Pod, ready: () => void): void {
    runtime.sandboxCreating = true
    this.host.ctx.after(SANDBOX_MS, taskLabel(this.host, `sandbox ${runtime.name}`), () => {
      runtime.sandboxCreating = false
      if (!this.host.online || runtime.terminating) return
      runtime.sandboxReady = true
      // A host-network pod shares the node's network namespace, and so its address.
      runtime.podIP = pod.spec.hostNetwork ? this.host.hostIP() : this.host.allocatePodIP()
      ready()
    })
  }

  /** Creates and starts the container once its image is present. */
  startContainer(runtime: PodRuntime, c: ContainerRuntime, delayMs = CREATE_MS): void {
    c.operation = 'creating'
    c.timer = this.host.ctx.after(delayMs, taskLabel(this.host, `start ${runtime.name}/${c.name}`), () => this.createAndStart(runtime, c))
  }

  private createAndStart(runtime: PodRuntime, c: ContainerRuntime): void {
    const { ctx, source } = this.host
    const pod = this.host.pod(runtime)
    if (!pod || runtime.terminating || runtime.evicted || !this.host.online || !c.imageSpec) return
    const spec = containerSpec(pod, c)
    const fieldPath = c.fieldPath
    const now = ctx.clock.now
    const configError = containerConfigError(spec, runtime.namespace, ctx.store)
    if (configError) {
      c.state = { waiting: { reason: 'CreateContainerConfigError', message: configError } }
      ctx.recorder.warning(pod, source, 'Failed', `Error: ${configError}`, fieldPath)
      this.host.publish(runtime)
      this.startContainer(runtime, c, CONFIG_RETRY_MS)
      return
    }
    c.operation = undefined
    c.containerID = `containerd://${ctx.rng.string('0123456789abcdef', 64)}`
    c.plan = planContainer(spec, c.imageSpec, pod.metadata.annotations ?? {}, () => declaredEnvironment(pod, spec, ctx.store), memoryBackedMounts(pod, spec))
    // A command that is network traffic is answered by the cluster: once, or as a load generator.
    const program = networkProgram(spec, c.imageSpec.repository)
    const withIP: Pod = { ...pod, status: { ...pod.status, podIP: pod.status.podIP ?? runtime.podIP } }
    if (program?.kind === 'once' && !pod.metadata.annotations?.[SIM_ANNOTATION.crashAfter]) {
      const result = runNetworkCommand(networkOf(ctx), withIP, program.argv)
      if (result) c.plan = { kind: 'exits', afterMs: Math.max(50, result.elapsedMs), exitCode: result.exitCode, logs: logLines(result.output) }
    } else if (program?.kind === 'loop') c.plan = { kind: 'runs', logs: [] }
    ctx.recorder.normal(pod, source, 'Created', `Created container: ${c.name}`, fieldPath)
    ctx.recorder.normal(pod, source, 'Started', `Started container ${c.name}`, fieldPath)
    c.state = { running: { startedAt: ctx.clock.rfc3339() } }
    c.previousStartedAtMs = c.startedAtMs
    c.startedAtMs = now
    c.everStarted = true
    this.host.volumes.containerStarted(pod, c)
    // With a startup probe the container is not "started" until it passes; with a
    // readiness probe it is not ready until the first success.
    c.started = !spec.startupProbe
    c.ready = !spec.startupProbe && !spec.readinessProbe
    c.previousLogs = c.logs
    c.logs = [...c.plan.logs]
    const runId = ++c.runId
    this.host.publish(runtime)
    if (c.imageSpec.cni) this.host.networkPluginStarted()
    // A started sidecar lets the next init container (or the app containers) start.
    if (c.sidecar && c.started) this.startedChanged(runtime)
    const startedAt = now
    const stillRunning = () => c.runId === runId && !!c.state.running && !runtime.terminating && !runtime.evicted && this.host.online
    if (c.plan.kind === 'exits') {
      const plan = c.plan
      c.timer = ctx.after(plan.afterMs, taskLabel(this.host, `${runtime.name}/${c.name} exits ${plan.exitCode}`), () =>
        this.exited(runtime, c, { exitCode: plan.exitCode, reason: plan.reason, startedAtMs: startedAt }),
      )
    }
    const postStart = hookOf(spec, 'postStart')
    if (postStart) {
      const outcome = runHook(postStart, pod, spec, c.imageSpec, runtime.podIP ?? '')
      // What the hook wrote is in the container's filesystem from the moment it finished.
      if (outcome.files) c.plan = { ...c.plan, files: [...(c.plan.files ?? []), ...outcome.files.map((f) => ({ ...f, from: outcome.durationMs }))] }
      if (outcome.failure) {
        const failure = outcome.failure
        ctx.after(outcome.durationMs, taskLabel(this.host, `${runtime.name}/${c.name} postStart`), () => {
          const p = this.host.pod(runtime)
          if (!p || !stillRunning()) return
          ctx.recorder.warning(p, source, 'FailedPostStartHook', 'PostStartHook failed', fieldPath)
          this.kill(runtime, c, p, 'FailedPostStartHook', startedAt, failure)
        })
      }
    }
    if (program?.kind === 'loop') {
      startLoadGenerator(ctx, taskLabel(this.host, `${runtime.name}/${c.name} load`), program, {
        pod: () => {
          const p = this.host.pod(runtime)
          return p && { ...p, status: { ...p.status, podIP: p.status.podIP ?? runtime.podIP } }
        },
        stillRunning,
        setLogs: (lines) => void (c.logs = lines),
      })
    }
    startProbing(ctx, source, runtime, c, spec, {
      pod: () => this.host.pod(runtime),
      publish: () => {
        this.host.publish(runtime)
        if (c.sidecar && c.started) this.startedChanged(runtime)
      },
      stillRunning,
      kill: (kind) => this.killForFailedProbe(runtime, c, kind, startedAt),
    })
  }

  /** Liveness or startup probe gave up: stop the container (SIGTERM, then SIGKILL after the grace period). */
  private killForFailedProbe(runtime: PodRuntime, c: ContainerRuntime, kind: ProbeKind, startedAt: number): void {
    const pod = this.host.pod(runtime)
    if (!pod) return
    this.kill(runtime, c, pod, `Container ${c.name} failed ${kind.toLowerCase()} probe, will be restarted`, startedAt)
  }

  /** The kubelet kills a running container so that it is restarted (a failed probe or postStart hook). */
  private kill(runtime: PodRuntime, c: ContainerRuntime, pod: Pod, message: string, startedAt: number, postStartFailure?: string): void {
    this.host.ctx.recorder.normal(pod, this.host.source, 'Killing', message, c.fieldPath)
    c.timer?.cancel()
    const runId = ++c.runId
    const graceMs = (pod.spec.terminationGracePeriodSeconds ?? 30) * 1000
    const quick = this.stopsOnSigterm(pod, c)
    // Like any kill, it runs the container's preStop hook first.
    const stopMs = hookOf(containerSpec(pod, c), 'preStop') ? preStopThenSigterm(this.host, runtime, pod, c, graceMs, quick) : quick ? SIGTERM_EXIT_MS : graceMs
    c.timer = this.host.ctx.after(stopMs, taskLabel(this.host, `${runtime.name}/${c.name} killed`), () => {
      if (c.runId === runId) this.exited(runtime, c, { exitCode: quick ? 0 : 137, startedAtMs: startedAt, postStartFailure })
    })
  }

  /**
   * Does the container exit on SIGTERM? A server started by its image's own entrypoint
   * does; a shell running a command (PID 1 ignores SIGTERM) waits for SIGKILL.
   */
  stopsOnSigterm(pod: Pod, c: ContainerRuntime): boolean {
    const command = containerSpec(pod, c)?.command
    return !!c.imageSpec?.stopsOnSigterm && c.plan?.kind === 'runs' && !command
  }
}
