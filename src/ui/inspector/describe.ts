/** Pieces of `kubectl describe pod` output, computed from the pod object. */
import type { ContainerState, KubeEvent, Pod } from '../../engine/api/types.ts'
import { parseSimTime } from '../../engine/clock.ts'
import { humanDuration } from '../../engine/util/duration.ts'
import { describeTime } from '../format/time.ts'

export function describeStatus(pod: Pod): string {
  if (pod.metadata.deletionTimestamp) return 'Terminating'
  return pod.status.phase
}

export interface StateLine {
  label: string
  value: string
}

/** The State / Last State block: `Waiting` + Reason, `Running` + Started, `Terminated` + Reason/Exit Code/… */
export function describeState(state: ContainerState | undefined): { title: string; lines: StateLine[] } | null {
  if (!state) return null
  if (state.running) return { title: 'Running', lines: [{ label: 'Started', value: describeTime(state.running.startedAt) }] }
  if (state.waiting) {
    const lines = [{ label: 'Reason', value: state.waiting.reason }]
    if (state.waiting.message) lines.push({ label: 'Message', value: state.waiting.message })
    return { title: 'Waiting', lines }
  }
  if (state.terminated) {
    const t = state.terminated
    const lines: StateLine[] = [{ label: 'Reason', value: t.reason }]
    if (t.message) lines.push({ label: 'Message', value: t.message })
    lines.push({ label: 'Exit Code', value: String(t.exitCode) })
    if (t.signal) lines.push({ label: 'Signal', value: String(t.signal) })
    lines.push({ label: 'Started', value: describeTime(t.startedAt) }, { label: 'Finished', value: describeTime(t.finishedAt) })
    return { title: 'Terminated', lines }
  }
  return null
}

/** The Age column of describe's events: `5s`, or `3m (x4 over 5m)` for repeated events. */
export function eventAge(e: KubeEvent, nowMs: number): string {
  const last = humanDuration(nowMs - parseSimTime(e.lastTimestamp || e.firstTimestamp))
  if (e.count > 1) return `${last} (x${e.count} over ${humanDuration(nowMs - parseSimTime(e.firstTimestamp))})`
  return last
}

/** The From column: the reporting component (recent kubectl no longer appends the host). */
export function eventFrom(e: KubeEvent): string {
  return e.source.component
}
