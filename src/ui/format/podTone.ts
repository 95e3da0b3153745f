import type { Pod } from '../../engine/api/types.ts'
import type { PodSummary } from '../../engine/kubectl/podSummary.ts'

/** Colour family of a pod chip. */
export type PodTone = 'pending' | 'ready' | 'starting' | 'failing' | 'done' | 'terminating' | 'notready'

const FAILING = /^(CrashLoopBackOff|Error|ErrImagePull|ImagePullBackOff|InvalidImageName|ErrImageNeverPull|CreateContainerError|CreateContainerConfigError|RunContainerError|OOMKilled|ContainerCannotRun|DeadlineExceeded|Evicted|Failed|Unknown|ExitCode:.*|Signal:.*|Init:.*Error.*|Init:CrashLoopBackOff)$/

export function podTone(pod: Pod, summary: PodSummary): PodTone {
  const status = summary.status
  if (status === 'Terminating') return 'terminating'
  // Waiting for a node (or for its volumes) is not starting: nothing runs yet.
  if (status === 'Pending') return 'pending'
  if (status === 'Completed' || status === 'Succeeded') return 'done'
  if (FAILING.test(status) || pod.status.phase === 'Failed') return 'failing'
  if (status === 'Running') {
    const ready = pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')
    return ready ? 'ready' : 'notready'
  }
  return 'starting'
}
