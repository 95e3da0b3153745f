import type { Node, Pod } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import type { EventSource } from '../events.ts'
import type { PodRuntime } from './podRuntime.ts'
import type { VolumeManager } from './volumes/volumeManager.ts'

/** What the kubelet's parts (pod worker, runtime, image manager) need from their node agent. */
export interface KubeletHost {
  readonly ctx: EngineContext
  readonly nodeName: string
  /** `kubelet` on this node: the source of every event the parts record. */
  readonly source: EventSource
  /** Is the kubelet running (the machine powered and reachable)? */
  readonly online: boolean
  /** Does the runtime have a pod network (a CNI configuration)? */
  readonly networkReady: boolean
  /** The pods' volumes: mounted before the sandbox, files for `exec`. */
  readonly volumes: VolumeManager
  node(): Node | undefined
  hostIP(): string
  /** The next free address of the node's pod subnet. */
  allocatePodIP(): string
  /** A CNI add-on's container started here: the runtime will report NetworkReady. */
  networkPluginStarted(): void
  /** The pod as the API has it, or undefined once it is gone. */
  pod(runtime: PodRuntime): Pod | undefined
  /** Writes the runtime view into the pod's status (the status manager). */
  publish(runtime: PodRuntime): void
}

/** The label of a task the kubelet schedules: it names the kubelet, so causes are traced to it. */
export function taskLabel(host: KubeletHost, what: string): string {
  return `kubelet ${host.nodeName}: ${what}`
}
