import type { Job, Pod, PodFailurePolicyRule } from '../api/types.ts'
import { parseSimTime } from '../clock.ts'

/** pkg/controller/job/backoff_utils.go: DefaultJobPodFailureBackOff and MaxJobPodFailureBackOff. */
const POD_FAILURE_BACKOFF_MS = 10_000
const MAX_POD_FAILURE_BACKOFF_MS = 600_000

/** How long after the last failure a new pod may be created: 10s, doubling per failure since the last success, at most 10 minutes. */
export function podFailureBackoffMs(failuresSinceSuccess: number): number {
  if (failuresSinceSuccess <= 0) return 0
  let d = POD_FAILURE_BACKOFF_MS
  for (let i = 1; i < failuresSinceSuccess; i++) {
    d *= 2
    if (d >= MAX_POD_FAILURE_BACKOFF_MS) return MAX_POD_FAILURE_BACKOFF_MS
  }
  return d
}

/** When a failed pod failed: its containers' latest finishedAt (getFinishedTime). */
export function podFinishedAt(pod: Pod): number | undefined {
  const times = (pod.status.containerStatuses ?? []).map((c) => c.state.terminated?.finishedAt).filter((t): t is string => !!t)
  return times.length ? Math.max(...times.map(parseSimTime)) : undefined
}

/**
 * Does the controller count this pod as failed? (isPodFailed) A pod deleted before it
 * succeeded counts too, unless only pods in phase Failed are replaced.
 */
export function isPodFailedForJob(pod: Pod, job: Job): boolean {
  if (pod.status.phase === 'Failed') return true
  if (job.spec.podFailurePolicy || job.spec.podReplacementPolicy === 'Failed') return false
  return !!pod.metadata.deletionTimestamp && pod.status.phase !== 'Succeeded'
}

/**
 * restartPolicy OnFailure: the kubelet restarts in place, so the restarts of pods still
 * running are what count against the backoff limit (pastBackoffLimitOnFailure).
 */
export function pastBackoffLimitOnFailure(job: Job, pods: Pod[]): boolean {
  if (job.spec.template.spec.restartPolicy !== 'OnFailure') return false
  let restarts = 0
  for (const p of pods) {
    if (p.status.phase !== 'Running' && p.status.phase !== 'Pending') continue
    for (const c of [...(p.status.initContainerStatuses ?? []), ...(p.status.containerStatuses ?? [])]) restarts += c.restartCount
  }
  const limit = job.spec.backoffLimit ?? 6
  return limit === 0 ? restarts > 0 : restarts >= limit
}

export interface PolicyVerdict {
  action: PodFailurePolicyRule['action']
  message?: string
}

/** The first podFailurePolicy rule that matches a failed pod (matchPodFailurePolicy); none matching means Count. */
export function matchPodFailurePolicy(job: Job, pod: Pod): PolicyVerdict | undefined {
  const rules = job.spec.podFailurePolicy?.rules ?? []
  const where = `${pod.metadata.namespace}/${pod.metadata.name}`
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]
    const codes = rule.onExitCodes
    if (codes) {
      for (const c of pod.status.containerStatuses ?? []) {
        const code = c.state.terminated?.exitCode
        if (code === undefined || code === 0) continue
        if (codes.containerName && codes.containerName !== c.name) continue
        const listed = codes.values.includes(code)
        if (codes.operator === 'In' ? listed : !listed) {
          return { action: rule.action, message: `Container ${c.name} for pod ${where} failed with exit code ${code} matching ${rule.action} rule at index ${i}` }
        }
      }
    }
    for (const pattern of rule.onPodConditions ?? []) {
      if (pod.status.conditions?.some((c) => c.type === pattern.type && c.status === (pattern.status ?? 'True'))) {
        return { action: rule.action, message: `Pod ${where} has condition ${pattern.type} matching ${rule.action} rule at index ${i}` }
      }
    }
  }
  return undefined
}
