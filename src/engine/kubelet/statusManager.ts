import type { Pod } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import type { PodRuntime } from './podRuntime.ts'
import { podStatusFromRuntime } from './podStatus.ts'

/**
 * The kubelet's status manager: writes what the runtime knows about a pod into its API
 * status (podStatus.ts builds it), for the pod with the runtime's uid only.
 */
export class StatusManager {
  constructor(
    private readonly ctx: EngineContext,
    private readonly hostIP: () => string,
  ) {}

  /** The pod as the API has it now, if it is still the pod this runtime runs. */
  pod(runtime: PodRuntime): Pod | undefined {
    const pod = this.ctx.store.get<Pod>('Pod', runtime.namespace, runtime.name)
    return pod && pod.metadata.uid === runtime.uid ? pod : undefined
  }

  publish(runtime: PodRuntime): void {
    const pod = this.pod(runtime)
    if (!pod) return
    this.ctx.api.updateStatus(pod, { ...pod.status, ...podStatusFromRuntime(pod, runtime, this.hostIP(), this.ctx.clock.rfc3339()) })
  }
}
