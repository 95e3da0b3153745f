import type { ContainerState } from '../api/types.ts'
import type { ScheduledTask } from '../eventQueue.ts'
import type { ImageReference } from '../images/reference.ts'
import type { ImageSpec } from '../images/catalog.ts'
import type { ContainerPlan } from './containerBehaviour.ts'

/** The kubelet's private view of one container: what the runtime knows, not the API. */
export interface ContainerRuntime {
  name: string
  image: string
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
  /** Timer for the next thing this container will do (exit, restart, pull retry). */
  timer?: ScheduledTask
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
  podIP?: string
  startTime: string
  containers: ContainerRuntime[]
  terminating: boolean
  /** Set once every container has stopped during termination. */
  stopped: boolean
}
