import type { Container, ContainerState, Pod } from '../api/types.ts'
import type { ScheduledTask } from '../eventQueue.ts'
import type { ImageReference } from '../images/reference.ts'
import type { ImageSpec } from '../images/catalog.ts'
import type { ContainerPlan } from './containerBehaviour.ts'

/**
 * A runtime operation under way for a container. While one is, syncPod leaves the
 * container alone: the operation reports back and asks for the next sync.
 */
export type ContainerOperation = 'pulling' | 'creating' | 'stopping' | 'stuck'

/** The kubelet's private view of one container: what the runtime knows, not the API. */
export interface ContainerRuntime {
  name: string
  image: string
  /** An init container (`spec.initContainers`), run to completion before the app containers. */
  init: boolean
  /** An init container with `restartPolicy: Always` (a native sidecar): it keeps running. */
  sidecar: boolean
  /** `spec.containers{name}` or `spec.initContainers{name}`: where events point. */
  fieldPath: string
  ref?: ImageReference
  imageSpec?: ImageSpec
  plan?: ContainerPlan
  state: ContainerState
  lastState: ContainerState
  restartCount: number
  ready: boolean
  started: boolean
  containerID?: string
  /** Has the container ever been created? Until then the pod is Pending. */
  everStarted: boolean
  /** The runtime operation under way, if any (syncPod waits for it). */
  operation?: ContainerOperation
  /** Timer of the operation under way or of the current run's exit. */
  timer?: ScheduledTask
  /** When the pod worker next looks at this container (an exit to act on, a back-off to end), in simulated ms. */
  dueAtMs?: number
  /** The crash back-off: the container restarts at this time; until then syncPod records BackOff. */
  backOffUntilMs?: number
  /** When the current run started, in simulated ms (what `kubectl exec` sees of the files its command made). */
  startedAtMs?: number
  /** When the previous run started: the time its log lines carry. */
  previousStartedAtMs?: number
  /** Counts the container's runs; probes and timers of an earlier run stop when it changes. */
  runId: number
  /** Logs of the current and previous run, for `kubectl logs`. */
  logs: string[]
  previousLogs: string[]
}

export interface PodRuntime {
  uid: string
  namespace: string
  name: string
  sandboxReady: boolean
  /** The runtime is creating the sandbox (RunPodSandbox under way). */
  sandboxCreating: boolean
  /** Network and volume checks wait until this time before the pod worker tries again. */
  retryAtMs?: number
  podIP?: string
  startTime: string
  initContainers: ContainerRuntime[]
  containers: ContainerRuntime[]
  /** Every regular init container has succeeded (sidecars started): app containers may start. Stays true. */
  initialized: boolean
  terminating: boolean
  /** Set once every container has stopped during termination. */
  stopped: boolean
  /** The eviction manager evicted the pod: it is Failed with this message, and nothing restarts. */
  evicted?: { message: string }
}

/** Init containers, then app containers: every container the kubelet runs for the pod. */
export function allContainers(runtime: PodRuntime): ContainerRuntime[] {
  return runtime.initContainers.length === 0 ? runtime.containers : [...runtime.initContainers, ...runtime.containers]
}

/** The container's spec in the pod (init or app). */
export function containerSpec(pod: Pod, c: ContainerRuntime): Container {
  return (c.init ? pod.spec.initContainers ?? [] : pod.spec.containers).find((s) => s.name === c.name)!
}

/** The store key of the pod a runtime runs, as countdowns name it. */
export const podKeyOf = (runtime: Pick<PodRuntime, 'namespace' | 'name'>): string => `Pod/${runtime.namespace}/${runtime.name}`
