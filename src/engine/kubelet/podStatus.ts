import type { ContainerStatus, Pod, PodCondition, PodStatus } from '../api/types.ts'
import { cpuMillis, quantityValue } from '../util/quantity.ts'
import type { PodRuntime } from './podRuntime.ts'
import { imageDigest } from '../images/reference.ts'

/** Builds the pod's API status from the kubelet's runtime view, as the status manager does. */
export function podStatusFromRuntime(pod: Pod, runtime: PodRuntime, hostIP: string, now: string): PodStatus {
  const containerStatuses: ContainerStatus[] = runtime.containers.map((c) => ({
    name: c.name,
    image: c.ref ? displayImage(c.image) : c.image,
    imageID: c.everStarted && c.ref ? imageDigest(c.ref) : '',
    ...(c.containerID ? { containerID: c.containerID } : {}),
    ready: c.ready,
    started: c.started,
    restartCount: c.restartCount,
    state: c.state,
    lastState: c.lastState,
  }))

  const restartPolicy = pod.spec.restartPolicy ?? 'Always'
  const allEverStarted = runtime.containers.every((c) => c.everStarted)
  const allTerminated = runtime.containers.every((c) => c.state.terminated)
  let phase: PodStatus['phase'] = 'Pending'
  if (allEverStarted) {
    phase = 'Running'
    const willRestart = (code: number) => restartPolicy === 'Always' || (restartPolicy === 'OnFailure' && code !== 0)
    if (allTerminated && runtime.containers.every((c) => !willRestart(c.state.terminated!.exitCode))) {
      phase = runtime.containers.every((c) => c.state.terminated!.exitCode === 0) ? 'Succeeded' : 'Failed'
    }
  }

  const previous = pod.status.conditions ?? []
  const unready = runtime.containers.filter((c) => !c.ready).map((c) => c.name)
  const containersReady = unready.length === 0
  const done = phase === 'Succeeded' || phase === 'Failed'
  const conditions: PodCondition[] = [
    condition(previous, 'PodReadyToStartContainers', runtime.sandboxReady && !runtime.stopped, now),
    condition(previous, 'Initialized', true, now),
    condition(previous, 'Ready', containersReady && !done, now, containersReady ? (done ? 'PodCompleted' : undefined) : 'ContainersNotReady', containersReady ? undefined : `containers with unready status: [${unready.join(' ')}]`),
    condition(previous, 'ContainersReady', containersReady && !done, now, containersReady ? (done ? 'PodCompleted' : undefined) : 'ContainersNotReady', containersReady ? undefined : `containers with unready status: [${unready.join(' ')}]`),
    condition(previous, 'PodScheduled', true, now),
  ]

  return {
    phase,
    conditions,
    hostIP,
    ...(runtime.podIP ? { podIP: runtime.podIP, podIPs: [{ ip: runtime.podIP }] } : {}),
    startTime: runtime.startTime,
    containerStatuses,
    qosClass: qosClass(pod),
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
