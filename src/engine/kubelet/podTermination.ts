import type { Pod } from '../api/types.ts'
import type { RuntimeService } from './containerRuntime.ts'
import { MINIMUM_GRACE_MS, preStopThenSigterm } from './containerStop.ts'
import { freezeLogs } from './containerLogs.ts'
import { taskLabel, type KubeletHost } from './kubeletHost.ts'
import type { ContainerRuntime, PodRuntime } from './podRuntime.ts'

/**
 * Graceful termination (the pod worker's syncTerminatingPod): each running container gets
 * `Killing`, its preStop hook, then SIGTERM, and SIGKILL when the grace period ends. App
 * containers stop first; sidecars stop after them, in reverse order. `done` runs when
 * every container has stopped.
 */
export function terminatePod(host: KubeletHost, runtimeService: RuntimeService, runtime: PodRuntime, pod: Pod, done: (pod: Pod) => void, gracePeriodOverrideSeconds?: number): void {
  const graceMs = (gracePeriodOverrideSeconds ?? pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000
  for (const c of [...runtime.initContainers, ...runtime.containers]) c.timer?.cancel()
  const sidecars = runtime.initContainers.filter((c) => c.sidecar && c.state.running).reverse()
  const first = [...runtime.initContainers.filter((c) => !c.sidecar), ...runtime.containers].filter((c) => c.state.running)
  const killed = new Set<ContainerRuntime>()
  const appsStopAt = stopContainers(host, runtimeService, runtime, pod, first, graceMs, 0, killed)
  host.ctx.after(appsStopAt, taskLabel(host, `pod ${runtime.name} stopped`), () => {
    const p = host.pod(runtime)
    if (!p) return
    if (sidecars.length === 0) return finish(host, runtime, p, killed, done)
    markStopped(host, first, killed)
    host.publish(runtime)
    const sidecarsStopAt = stopContainers(host, runtimeService, runtime, p, sidecars, graceMs, appsStopAt, killed)
    host.ctx.after(sidecarsStopAt, taskLabel(host, `pod ${runtime.name} sidecars stopped`), () => {
      const p2 = host.pod(runtime)
      if (p2) finish(host, runtime, p2, killed, done)
    })
  })
}

/** Sends the containers their Killing, preStop and SIGTERM; returns how long until the slowest is gone. */
function stopContainers(
  host: KubeletHost,
  runtimeService: RuntimeService,
  runtime: PodRuntime,
  pod: Pod,
  containers: ContainerRuntime[],
  graceMs: number,
  elapsedMs: number,
  killed: Set<ContainerRuntime>,
): number {
  // Containers stopped after others (sidecars) still get the kubelet's minimum grace period.
  const leftMs = elapsedMs === 0 ? graceMs : Math.max(MINIMUM_GRACE_MS, graceMs - elapsedMs)
  let slowest = 0
  for (const c of containers) {
    host.ctx.recorder.normal(pod, host.source, 'Killing', `Stopping container ${c.name}`, c.fieldPath)
    const quick = runtimeService.stopsOnSigterm(pod, c)
    if (!quick) killed.add(c)
    const stopAt = preStopThenSigterm(host, runtime, pod, c, leftMs, quick)
    slowest = Math.max(slowest, stopAt)
  }
  return slowest
}

function markStopped(host: KubeletHost, containers: ContainerRuntime[], killed: Set<ContainerRuntime>): void {
  const finishedAt = host.ctx.clock.rfc3339()
  for (const c of containers) {
    if (c.state.running) {
      freezeLogs(c, host.ctx.clock.now)
      const code = killed.has(c) ? 137 : 0
      c.state = { terminated: { exitCode: code, reason: code === 0 ? 'Completed' : 'Error', startedAt: c.state.running.startedAt, finishedAt, containerID: c.containerID } }
    }
    c.ready = false
  }
}

function finish(host: KubeletHost, runtime: PodRuntime, pod: Pod, killed: Set<ContainerRuntime>, done: (pod: Pod) => void): void {
  markStopped(host, [...runtime.initContainers, ...runtime.containers], killed)
  runtime.stopped = true
  host.publish(runtime)
  done(pod)
}
