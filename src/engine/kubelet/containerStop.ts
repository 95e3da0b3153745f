import type { Pod } from '../api/types.ts'
import { taskLabel, type KubeletHost } from './kubeletHost.ts'
import { hookOf, runHook } from './lifecycleHooks.ts'
import { containerSpec, type ContainerRuntime, type PodRuntime } from './podRuntime.ts'

/** A process that handles SIGTERM (a server run by its image's entrypoint) is gone this fast. */
export const SIGTERM_EXIT_MS = 200
/** The least time a container is given to stop (minimumGracePeriodInSeconds), e.g. after a preStop hook used up the grace period. */
export const MINIMUM_GRACE_MS = 2_000

/**
 * The kubelet's killContainer after its Killing event: the preStop hook (if there is time
 * for it), then SIGTERM. Returns how long until the container is gone: at SIGTERM for a
 * process that handles it, at the grace period's end (SIGKILL) for one that does not.
 */
export function preStopThenSigterm(host: KubeletHost, runtime: PodRuntime, pod: Pod, c: ContainerRuntime, leftMs: number, quick: boolean): number {
  const preStop = hookOf(containerSpec(pod, c), 'preStop')
  if (!preStop || leftMs <= 0) return Math.min(quick ? SIGTERM_EXIT_MS : leftMs, leftMs)
  const outcome = runHook(preStop, pod, containerSpec(pod, c), c.imageSpec, runtime.podIP ?? '')
  const hookMs = Math.min(outcome.durationMs, leftMs)
  if (outcome.failure) {
    host.ctx.after(hookMs, taskLabel(host, `${runtime.name}/${c.name} preStop`), () => {
      const p = host.pod(runtime)
      if (p) host.ctx.recorder.warning(p, host.source, 'FailedPreStopHook', 'PreStopHook failed', c.fieldPath)
    })
  }
  // SIGTERM follows the hook; a hook that used up the grace period leaves the minimum.
  if (outcome.durationMs >= leftMs) return leftMs + (quick ? SIGTERM_EXIT_MS : MINIMUM_GRACE_MS)
  return quick ? hookMs + SIGTERM_EXIT_MS : leftMs
}

