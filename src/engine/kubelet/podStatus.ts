import type { ContainerStatus, Pod, PodCondition, PodStatus } from '../api/types.ts'
import { cpuMillis, quantityValue } from '../util/quantity.ts'
import type { ContainerRuntime, PodRuntime } from './podRuntime.ts'
import { imageDigest } from '../images/reference.ts'

/** Builds the pod's API status from the kubelet's runtime view, as the status manager does. */
export function podStatusFromRuntime(pod: Pod, runtime: PodRuntime, hostIP: string, now: string): PodStatus {
  const containerStatuses = runtime.containers.map(apiStatus)
  const initContainerStatuses = runtime.initContainers.map(apiStatus)

  const restartPolicy = pod.spec.restartPolicy ?? 'Always'
  const regularInits = runtime.initContainers.filter((c) => !c.sidecar)
  // A regular init container that failed and will not be restarted fails the pod.
  const initFailed = restartPolicy === 'Never' && regularInits.some((c) => c.state.terminated && c.state.terminated.exitCode !== 0)
  const allEverStarted = runtime.containers.every((c) => c.everStarted)
  const allTerminated = runtime.containers.every((c) => c.state.terminated)
  let phase: PodStatus['phase'] = 'Pending'
  // An evicted pod is Failed from the moment the kubelet decides (TerminatePodAbnormally).
  if (initFailed || runtime.evicted) phase = 'Failed'
  else if (allEverStarted) {
    phase = 'Running'
    const willRestart = (code: number) => restartPolicy === 'Always' || (restartPolicy === 'OnFailure' && code !== 0)
    if (allTerminated && runtime.containers.every((c) => !willRestart(c.state.terminated!.exitCode))) {
      phase = runtime.containers.every((c) => c.state.terminated!.exitCode === 0) ? 'Succeeded' : 'Failed'
    }
  }

  const previous = pod.status.conditions ?? []
  // Sidecars count as containers of the running pod: listed first, as the kubelet lists them.
  const sidecars = runtime.initContainers.filter((c) => c.sidecar)
  const unready = [...sidecars, ...runtime.containers].filter((c) => !c.ready).map((c) => c.name)
  const containersReady = unready.length === 0
  const done = phase === 'Succeeded' || phase === 'Failed'
  const incomplete = runtime.initialized ? [] : runtime.initContainers.filter((c) => (c.sidecar ? !c.started : c.state.terminated?.exitCode !== 0)).map((c) => c.name)
  const initialized = incomplete.length === 0
  const notReady = (type: string) =>
    condition(previous, type, containersReady && !done, now, containersReady ? (done ? 'PodCompleted' : undefined) : 'ContainersNotReady', containersReady ? undefined : `containers with unready status: [${unready.join(' ')}]`)
  const conditions: PodCondition[] = [
    condition(previous, 'PodReadyToStartContainers', runtime.sandboxReady && !runtime.stopped, now),
    initialized
      ? condition(previous, 'Initialized', true, now, runtime.initContainers.length > 0 && done && phase === 'Succeeded' ? 'PodCompleted' : undefined)
      : condition(previous, 'Initialized', false, now, 'ContainersNotInitialized', `containers with incomplete status: [${incomplete.join(' ')}]`),
    notReady('Ready'),
    notReady('ContainersReady'),
    condition(previous, 'PodScheduled', true, now),
  ]
  // The eviction manager's DisruptionTarget condition stays with the pod.
  if (runtime.evicted) conditions.push(condition(previous, 'DisruptionTarget', true, now, 'TerminationByKubelet', runtime.evicted.message))

  return {
    phase,
    ...(runtime.evicted ? { reason: 'Evicted', message: runtime.evicted.message } : {}),
    conditions,
    hostIP,
    ...(runtime.podIP ? { podIP: runtime.podIP, podIPs: [{ ip: runtime.podIP }] } : {}),
    startTime: runtime.startTime,
    ...(initContainerStatuses.length > 0 ? { initContainerStatuses } : {}),
    containerStatuses,
    qosClass: qosClass(pod),
  }
}

function apiStatus(c: ContainerRuntime): ContainerStatus {
  return {
    name: c.name,
    image: c.ref ? displayImage(c.image) : c.image,
    imageID: c.everStarted && c.ref ? imageDigest(c.ref) : '',
    ...(c.containerID ? { containerID: c.containerID } : {}),
    // A regular init container that succeeded is reported ready (the prober manager's UpdatePodStatus).
    ready: c.ready || (c.init && !c.sidecar && c.state.terminated?.exitCode === 0),
    started: c.started,
    restartCount: c.restartCount,
    state: c.state,
    lastState: c.lastState,
  }
}

/** `nginx:1.27` → `docker.io/library/nginx:1.27`, as containerd reports it. */
function displayImage(image: string): string {
  if (image.includes('/') && image.split('/')[0].includes('.')) return image.includes(':') ? image : `${image}:latest`
  const withTag = /:[^/]+$/.test(image) ? image : `${image}:latest`
  return withTag.includes('/') ? `docker.io/${withTag}` : `docker.io/library/${withTag}`
}

function condition(
  previous: PodCondition[],
  type: string,
  ok: boolean,
  now: string,
  reason?: string,
  message?: string,
): PodCondition {
  const status = ok ? 'True' : 'False'
  const before = previous.find((c) => c.type === type)
  return {
    type,
    status,
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
    lastProbeTime: null,
    lastTransitionTime: before && before.status === status ? before.lastTransitionTime : now,
  }
}

/** The pod's QoS class (pkg/apis/core/v1/helper/qos). */
export function qosClass(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...(pod.spec.initContainers ?? []), ...pod.spec.containers]
  let anySet = false
  let guaranteed = true
  for (const c of containers) {
    const req = c.resources?.requests ?? {}
    const lim = c.resources?.limits ?? {}
    for (const r of ['cpu', 'memory']) {
      if (req[r] !== undefined || lim[r] !== undefined) anySet = true
      if (lim[r] === undefined) guaranteed = false
      else if (req[r] !== undefined) {
        const same = r === 'cpu' ? cpuMillis(req[r]) === cpuMillis(lim[r]) : quantityValue(req[r]) === quantityValue(lim[r])
        if (!same) guaranteed = false
      }
    }
  }
  if (!anySet) return 'BestEffort'
  return guaranteed ? 'Guaranteed' : 'Burstable'
}
