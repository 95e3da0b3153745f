import type { Container, Pod } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import type { EventSource } from '../events.ts'
import type { ContainerRuntime, PodRuntime } from './podRuntime.ts'
import { probeTiming, runProbe, type ProbeKind, type ProbeSpec } from './probes.ts'

export interface ProberHooks {
  /** The pod as the API has it now, or undefined once it is gone. */
  pod(): Pod | undefined
  /** Write the runtime view back to pod status. */
  publish(): void
  /** Liveness or startup gave up: stop the container so it is restarted. */
  kill(kind: ProbeKind): void
  /** Still the same run of the container, the pod not terminating, the node up? */
  stillRunning(): boolean
}

/**
 * The kubelet's prober for one run of one container: the startup probe until it
 * succeeds, then liveness and readiness every periodSeconds. Readiness flips the
 * container's `ready`; liveness and startup failures past failureThreshold kill it.
 */
export function startProbing(ctx: EngineContext, source: EventSource, runtime: PodRuntime, c: ContainerRuntime, spec: Container, hooks: ProberHooks): void {
  const probes: [ProbeKind, ProbeSpec | undefined][] = [
    ['Startup', spec.startupProbe as ProbeSpec | undefined],
    ['Liveness', spec.livenessProbe as ProbeSpec | undefined],
    ['Readiness', spec.readinessProbe as ProbeSpec | undefined],
  ]
  const startedAt = ctx.clock.now
  const hasStartup = spec.startupProbe !== undefined
  const fieldPath = c.fieldPath

  for (const [kind, probe] of probes) {
    if (!probe) continue
    const timing = probeTiming(probe)
    let successes = 0
    let failures = 0
    const tick = () => {
      if (!hooks.stillRunning()) return
      const pod = hooks.pod()
      if (!pod || !c.imageSpec) return
      // Liveness and readiness wait until the startup probe has succeeded once.
      if (kind !== 'Startup' && hasStartup && !c.started) {
        ctx.after(timing.periodMs, `prober: ${runtime.name}/${c.name} ${kind}`, tick)
        return
      }
      const failure = runProbe(probe, {
        container: spec,
        image: c.imageSpec,
        plan: c.plan,
        runningForMs: ctx.clock.now - startedAt,
        podIP: runtime.podIP ?? '',
        annotations: pod.metadata.annotations ?? {},
      })
      if (failure !== undefined) {
        failures += 1
        successes = 0
        ctx.recorder.warning(pod, source, 'Unhealthy', `${kind} probe failed: ${failure}`, fieldPath)
        if (failures >= timing.failureThreshold) {
          if (kind === 'Readiness' && c.ready) {
            c.ready = false
            hooks.publish()
          } else if (kind !== 'Readiness') {
            hooks.kill(kind)
            return
          }
        }
      } else {
        successes += 1
        failures = 0
        if (kind === 'Startup') {
          c.started = true
          c.ready = !spec.readinessProbe
          hooks.publish()
          return
        }
        if (kind === 'Readiness' && successes >= timing.successThreshold && !c.ready) {
          c.ready = true
          hooks.publish()
        }
      }
      ctx.after(timing.periodMs, `prober: ${runtime.name}/${c.name} ${kind}`, tick)
    }
    ctx.after(timing.initialDelayMs, `prober: ${runtime.name}/${c.name} ${kind}`, tick)
  }
}
