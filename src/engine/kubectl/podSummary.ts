import type { ContainerStatus, Pod } from '../api/types.ts'
import { parseSimTime } from '../clock.ts'
import { humanDuration } from '../util/duration.ts'

/** The READY / STATUS / RESTARTS cells of `kubectl get pods`, computed as printPod does. */
export interface PodSummary {
  ready: string
  status: string
  restarts: string
  /** Total restarts as a number, for colouring and sorting. */
  restartCount: number
}

export function summarizePod(pod: Pod, nowMs: number): PodSummary {
  const statuses = pod.status?.containerStatuses ?? []
  let reason: string = pod.status?.reason ?? pod.status?.phase ?? 'Pending'
  if (pod.status?.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated'
  let restarts = 0
  let readyContainers = 0
  let lastRestart: number | undefined
  // Sidecars (restartable init containers) count among the pod's containers; their restarts always show.
  let sidecarRestarts = 0
  let lastSidecarRestart: number | undefined
  const initSpecs = pod.spec.initContainers ?? []
  const isSidecar = (name: string) => initSpecs.find((c) => c.name === name)?.restartPolicy === 'Always'
  const totalContainers = pod.spec.containers.length + initSpecs.filter((c) => c.restartPolicy === 'Always').length
  const finishedAt = (c: ContainerStatus) => {
    const finished = c.lastState?.terminated?.finishedAt
    return finished ? parseSimTime(finished) : undefined
  }
  const later = (a: number | undefined, b: number | undefined) => (b !== undefined && (a === undefined || b > a) ? b : a)

  let initializing = false
  const initStatuses = pod.status?.initContainerStatuses ?? []
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]
    restarts += c.restartCount
    lastRestart = later(lastRestart, finishedAt(c))
    const sidecar = isSidecar(c.name)
    if (sidecar) {
      sidecarRestarts += c.restartCount
      lastSidecarRestart = later(lastSidecarRestart, finishedAt(c))
    }
    const terminated = c.state.terminated
    if (terminated && terminated.exitCode === 0) continue
    if (sidecar && c.started) {
      if (c.ready) readyContainers++
      continue
    }
    if (terminated) {
      reason = terminated.reason ? `Init:${terminated.reason}` : terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`
    } else if (c.state.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${c.state.waiting.reason}`
    } else {
      reason = `Init:${i}/${initSpecs.length}`
    }
    initializing = true
    break
  }

  const initializedCondition = pod.status?.conditions?.some((c) => c.type === 'Initialized' && c.status === 'True')
  if (!initializing || initializedCondition) {
    restarts = sidecarRestarts
    lastRestart = lastSidecarRestart
    let hasRunning = false
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]
      restarts += c.restartCount
      lastRestart = later(lastRestart, finishedAt(c))
      if (c.state.waiting?.reason) reason = c.state.waiting.reason
      else if (c.state.terminated?.reason) reason = c.state.terminated.reason
      else if (c.state.terminated) {
        reason = c.state.terminated.signal ? `Signal:${c.state.terminated.signal}` : `ExitCode:${c.state.terminated.exitCode}`
      } else if (c.ready && c.state.running) {
        hasRunning = true
        readyContainers++
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady'
    }
  }
  const terminal = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed'
  if (pod.metadata.deletionTimestamp && pod.status?.reason === 'NodeLost') reason = 'Unknown'
  else if (pod.metadata.deletionTimestamp && !terminal) reason = 'Terminating'

  const restartsText = restarts !== 0 && lastRestart !== undefined ? `${restarts} (${humanDuration(nowMs - lastRestart)} ago)` : String(restarts)
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsText, restartCount: restarts }
}

/** AGE column: time since creation, as translateTimestampSince prints it. */
export function ageOf(timestamp: string | undefined, nowMs: number): string {
  if (!timestamp) return '<unknown>'
  return humanDuration(nowMs - parseSimTime(timestamp))
}
