import type { Pod } from '../api/types.ts'
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
  let restarts = 0
  let readyContainers = 0
  let lastRestart: number | undefined
  let hasRunning = false
  for (let i = statuses.length - 1; i >= 0; i--) {
    const c = statuses[i]
    restarts += c.restartCount
    const finished = c.lastState?.terminated?.finishedAt
    if (finished) {
      const t = parseSimTime(finished)
      if (lastRestart === undefined || t > lastRestart) lastRestart = t
    }
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
  const terminal = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed'
  if (pod.metadata.deletionTimestamp && pod.status?.reason === 'NodeLost') reason = 'Unknown'
  else if (pod.metadata.deletionTimestamp && !terminal) reason = 'Terminating'

  const restartsText = restarts !== 0 && lastRestart !== undefined ? `${restarts} (${humanDuration(nowMs - lastRestart)} ago)` : String(restarts)
  return { ready: `${readyContainers}/${pod.spec.containers.length}`, status: reason, restarts: restartsText, restartCount: restarts }
}

/** AGE column: time since creation, as translateTimestampSince prints it. */
export function ageOf(timestamp: string | undefined, nowMs: number): string {
  if (!timestamp) return '<unknown>'
  return humanDuration(nowMs - parseSimTime(timestamp))
}
