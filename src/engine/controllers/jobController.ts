import { ApiError } from '../api/errors.ts'
import type { Job, JobCondition, JobStatus, Pod } from '../api/types.ts'
import { parseSimTime } from '../clock.ts'
import type { EngineContext } from '../context.ts'
import { JOB_LABEL, jobCondition } from '../kinds/job.ts'
import { selectorMatches } from '../util/labels.ts'
import { claimPods, OrphanPods } from './claimPods.ts'
import { formatIndexes, parseIndexes } from './completionIndexes.ts'
import { isPodFailedForJob, matchPodFailurePolicy, pastBackoffLimitOnFailure, podFailureBackoffMs, podFinishedAt } from './jobPodFailures.ts'
import { controllerRef, isControlledBy } from './ownership.ts'
import { createPodFromTemplate, failedCreateMessage } from './podFactory.ts'
import { isPodReady } from './podReadiness.ts'
import { rankPodsForDeletion } from './victimOrder.ts'
import { nsKey, splitKey, WorkQueue } from './workQueue.ts'

const SOURCE = { component: 'job-controller' }
/** Holds a Job's pod until the controller has counted it (batch.kubernetes.io/job-tracking). */
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking'

const MSG = {
  backoff: 'Job has reached the specified backoff limit',
  deadline: 'Job was active longer than specified deadline',
  completions: 'Reached expected number of succeeded pods',
}

/** Failures since the last success and when the last one happened: the back-off record (backoffRecordStore). */
interface BackoffRecord {
  failures: number
  lastFailureMs: number
}

const terminal = (p: Pod) => p.status.phase === 'Succeeded' || p.status.phase === 'Failed'
const hasTrackingFinalizer = (p: Pod) => !!p.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER)
const completionIndex = (p: Pod): number | undefined => {
  const v = p.metadata.annotations?.[JOB_LABEL.completionIndex]
  return v === undefined || !/^\d+$/.test(v) ? undefined : Number(v)
}

/**
 * The Job controller (pkg/controller/job): runs up to `parallelism` pods until
 * `completions` have succeeded, replacing failed ones with a growing back-off, and
 * finishes the Job as Complete or Failed (FailureTarget/SuccessCriteriaMet first,
 * the terminal condition once no pod is left terminating). Every pod carries the
 * job-tracking finalizer until it has been counted in status.
 */
export class JobController {
  private queue: WorkQueue
  private finalizerQueue: WorkQueue
  private orphans: OrphanPods
  private backoff = new Map<string, BackoffRecord>()

  constructor(private readonly ctx: EngineContext) {
    this.queue = new WorkQueue(ctx, 'job-controller', (key) => this.sync(key))
    this.finalizerQueue = new WorkQueue(ctx, 'job-controller-orphan-pods', (key) => this.releaseOrphan(key))
    this.orphans = OrphanPods.of(ctx.store)
    ctx.store.watch((type, obj) => {
      if (obj.kind === 'Job') {
        if (type === 'DELETED') this.backoff.delete(obj.metadata.uid)
        else this.queue.add(nsKey(obj.metadata.namespace, obj.metadata.name))
      } else if (obj.kind === 'Pod') {
        const pod = obj as Pod
        const ref = controllerRef(pod)
        if (ref?.kind === 'Job') {
          const owner = ctx.store.getByUid('Job', ref.uid)
          if (owner) this.queue.add(nsKey(pod.metadata.namespace, ref.name))
          else if (type !== 'DELETED' && hasTrackingFinalizer(pod)) this.finalizerQueue.add(nsKey(pod.metadata.namespace, pod.metadata.name))
        } else if (!ref && type !== 'DELETED') {
          if (hasTrackingFinalizer(pod)) this.finalizerQueue.add(nsKey(pod.metadata.namespace, pod.metadata.name))
          for (const job of ctx.store.list<Job>('Job', pod.metadata.namespace)) {
            if (selectorMatches(job.spec.selector, pod.metadata.labels)) this.queue.add(nsKey(job.metadata.namespace, job.metadata.name))
          }
        }
      }
    }, ['Job', 'Pod'])
  }

  /** A pod whose Job is gone keeps no finalizer: nobody is left to count it. */
  private releaseOrphan(key: string): void {
    const [namespace, name] = splitKey(key)
    const pod = this.ctx.store.get<Pod>('Pod', namespace, name)
    if (!pod || !hasTrackingFinalizer(pod)) return
    const ref = controllerRef(pod)
    if (ref?.kind === 'Job' && this.ctx.store.getByUid('Job', ref.uid)) return
    this.removeFinalizer(pod)
  }

  private removeFinalizer(pod: Pod): void {
    try {
      this.ctx.api.mutate<Pod>('Pod', pod.metadata.namespace, pod.metadata.name, (p) => {
        if (p.metadata.uid !== pod.metadata.uid) return false
        p.metadata.finalizers = p.metadata.finalizers?.filter((f) => f !== JOB_TRACKING_FINALIZER)
        if (p.metadata.finalizers?.length === 0) delete p.metadata.finalizers
      })
    } catch (e) {
      if (!(e instanceof ApiError) || e.reason !== 'NotFound') throw e
    }
  }

  private record(job: Job): BackoffRecord {
    let r = this.backoff.get(job.metadata.uid)
    if (!r) this.backoff.set(job.metadata.uid, (r = { failures: 0, lastFailureMs: 0 }))
    return r
  }

  private sync(key: string): void {
    const [namespace, name] = splitKey(key)
    const job = this.ctx.store.get<Job>('Job', namespace, name)
    if (!job) return
    if (job.metadata.deletionTimestamp) {
      // Being deleted: let go of its pods so that the garbage collector can remove them.
      for (const pod of this.ctx.store.dependents<Pod>(job.metadata.uid, 'Pod')) if (hasTrackingFinalizer(pod)) this.removeFinalizer(pod)
      return
    }
    const pods = claimPods(this.ctx, job, job.spec.selector ?? {}, this.orphans)
    const now = this.ctx.clock.now
    const nowText = this.ctx.clock.rfc3339()
    const status: JobStatus = structuredClone(job.status ?? {})
    const conditions: JobCondition[] = status.conditions ?? []
    const indexed = job.spec.completionMode === 'Indexed'
    const completed = parseIndexes(status.completedIndexes)
    const record = this.record(job)
    let failJob: string | undefined

    // Count each finished pod once, then release it.
    for (const pod of pods) {
      if (!hasTrackingFinalizer(pod)) continue
      if (pod.status.phase === 'Succeeded') {
        const index = completionIndex(pod)
        if (!indexed) status.succeeded = (status.succeeded ?? 0) + 1
        else if (index !== undefined && index < (job.spec.completions ?? 0)) completed.add(index)
        record.failures = 0
      } else if (isPodFailedForJob(pod, job)) {
        const verdict = job.spec.podFailurePolicy ? matchPodFailurePolicy(job, pod) : undefined
        if (verdict?.action !== 'Ignore') {
          status.failed = (status.failed ?? 0) + 1
          record.failures += 1
          record.lastFailureMs = Math.max(record.lastFailureMs, podFinishedAt(pod) ?? now)
          if (verdict?.action === 'FailJob') failJob ??= verdict.message
        }
      } else continue
      this.removeFinalizer(pod)
    }
    if (indexed) {
      status.succeeded = completed.size
      status.completedIndexes = formatIndexes(completed)
    }

    const finished = jobCondition(job, 'Complete') || jobCondition(job, 'Failed')
    if (!finished) this.reconcile(job, pods, status, conditions, failJob, now, nowText)
    this.writeStatus(job, status, conditions)
  }

  /** Decides success or failure, manages the pods, and adds the conditions that follow. */
  private reconcile(job: Job, pods: Pod[], status: JobStatus, conditions: JobCondition[], failJob: string | undefined, now: number, nowText: string): void {
    const key = nsKey(job.metadata.namespace, job.metadata.name)
    const spec = job.spec
    const active = () => pods.filter((p) => !terminal(p) && !p.metadata.deletionTimestamp)
    const suspended = !!spec.suspend
    this.trackSuspension(job, status, conditions, suspended, nowText)
    if (!status.startTime && !suspended) status.startTime = nowText

    let interim = conditions.find((c) => (c.type === 'FailureTarget' || c.type === 'SuccessCriteriaMet') && c.status === 'True')
    if (!interim) {
      const succeeded = status.succeeded ?? 0
      const complete = spec.completions === undefined ? succeeded > 0 && active().length === 0 : succeeded >= spec.completions && active().length === 0
      const deadlineMs = spec.activeDeadlineSeconds !== undefined && status.startTime && !suspended ? parseSimTime(status.startTime) + spec.activeDeadlineSeconds * 1000 : undefined
      let verdict: [JobCondition['type'], string, string] | undefined
      if (failJob) verdict = ['FailureTarget', 'PodFailurePolicy', failJob]
      else if ((status.failed ?? 0) > (spec.backoffLimit ?? 6) || pastBackoffLimitOnFailure(job, pods)) verdict = ['FailureTarget', 'BackoffLimitExceeded', MSG.backoff]
      else if (deadlineMs !== undefined && now >= deadlineMs) verdict = ['FailureTarget', 'DeadlineExceeded', MSG.deadline]
      else if (complete) verdict = ['SuccessCriteriaMet', 'CompletionsReached', MSG.completions]
      else if (deadlineMs !== undefined) this.queue.add(key, deadlineMs - now)
      if (verdict) {
        interim = { type: verdict[0], status: 'True', reason: verdict[1], message: verdict[2], lastProbeTime: nowText, lastTransitionTime: nowText }
        conditions.push(interim)
      }
    }

    if (interim?.type === 'FailureTarget') {
      for (const pod of active()) this.deletePod(job, pod)
    } else if (!interim) {
      this.managePods(job, pods, status, suspended, now)
    }

    // The terminal condition waits until every pod is gone or finished, and counted.
    const fresh = this.ctx.store.dependents<Pod>(job.metadata.uid, 'Pod').filter((p) => isControlledBy(p, job))
    const settled = fresh.every((p) => terminal(p) ? !hasTrackingFinalizer(p) : false)
    if (interim && settled) {
      const type = interim.type === 'FailureTarget' ? 'Failed' : 'Complete'
      conditions.push({ ...interim, type, lastProbeTime: nowText, lastTransitionTime: nowText })
      if (type === 'Complete') {
        status.completionTime = nowText
        if (spec.completions !== undefined && (status.succeeded ?? 0) > spec.completions) {
          this.ctx.recorder.warning(job, SOURCE, 'TooManySucceededPods', 'Too many succeeded pods running after completion count reached')
        }
        this.ctx.recorder.normal(job, SOURCE, 'Completed', 'Job completed')
      } else {
        this.ctx.recorder.warning(job, SOURCE, interim.reason!, interim.message!)
      }
    }
  }

  /** Suspended condition and events when spec.suspend flips. */
  private trackSuspension(job: Job, status: JobStatus, conditions: JobCondition[], suspended: boolean, nowText: string): void {
    const i = conditions.findIndex((c) => c.type === 'Suspended')
    const was = i >= 0 && conditions[i].status === 'True'
    if (suspended === was) return
    const cond: JobCondition = suspended
      ? { type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended', lastProbeTime: nowText, lastTransitionTime: nowText }
      : { type: 'Suspended', status: 'False', reason: 'JobResumed', message: 'Job resumed', lastProbeTime: nowText, lastTransitionTime: nowText }
    if (i >= 0) conditions[i] = cond
    else if (suspended) conditions.push(cond)
    else return
    if (suspended) this.ctx.recorder.normal(job, SOURCE, 'Suspended', 'Job suspended')
    else {
      status.startTime = nowText
      this.ctx.recorder.normal(job, SOURCE, 'Resumed', 'Job resumed')
    }
  }

  /** manageJob: create the pods still wanted (after the failure back-off), delete the excess. */
  private managePods(job: Job, pods: Pod[], status: JobStatus, suspended: boolean, now: number): void {
    const spec = job.spec
    const parallelism = spec.parallelism ?? 1
    const active = pods.filter((p) => !terminal(p) && !p.metadata.deletionTimestamp)
    const terminating = pods.filter((p) => !terminal(p) && p.metadata.deletionTimestamp).length
    const succeeded = status.succeeded ?? 0
    let want: number
    if (suspended) want = 0
    else if (spec.completions === undefined) want = succeeded > 0 ? active.length : parallelism
    else want = Math.max(0, Math.min(spec.completions - succeeded, parallelism))

    if (active.length > want) {
      for (const pod of rankPodsForDeletion(active).slice(0, active.length - want)) this.deletePod(job, pod)
      return
    }
    let missing = want - active.length - (spec.podReplacementPolicy === 'Failed' ? terminating : 0)
    if (missing <= 0) return
    const record = this.record(job)
    const wait = podFailureBackoffMs(record.failures) - (now - record.lastFailureMs)
    if (record.failures > 0 && wait > 0) {
      this.queue.add(nsKey(job.metadata.namespace, job.metadata.name), wait)
      return
    }
    if (spec.completionMode === 'Indexed') {
      const completed = parseIndexes(status.completedIndexes)
      const busy = new Set(pods.filter((p) => !terminal(p) && (!p.metadata.deletionTimestamp || spec.podReplacementPolicy === 'Failed')).map(completionIndex))
      for (let i = 0; i < (spec.completions ?? 0) && missing > 0; i++) {
        if (completed.has(i) || busy.has(i)) continue
        if (!this.createPod(job, i)) return
        missing--
      }
      return
    }
    for (let i = 0; i < missing; i++) if (!this.createPod(job)) return
  }

  private createPod(job: Job, index?: number): boolean {
    const template = job.spec.template
    const name = job.metadata.name
    const extra =
      index === undefined
        ? {}
        : {
            labels: { [JOB_LABEL.completionIndex]: String(index) },
            annotations: { [JOB_LABEL.completionIndex]: String(index) },
            spec: {
              hostname: `${name}-${index}`,
              containers: template.spec.containers.map((c) => ({
                ...structuredClone(c),
                env: [...(c.env ?? []), { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: `metadata.annotations['${JOB_LABEL.completionIndex}']` } } }],
              })),
            },
          }
    try {
      const pod = createPodFromTemplate(this.ctx, job, template, { generateName: index === undefined ? `${name}-` : `${name}-${index}-` }, { ...extra, finalizers: [JOB_TRACKING_FINALIZER] })
      this.ctx.recorder.normal(job, SOURCE, 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`)
      return true
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      this.ctx.recorder.warning(job, SOURCE, 'FailedCreate', failedCreateMessage(e))
      this.queue.add(nsKey(job.metadata.namespace, job.metadata.name), 10_000)
      return false
    }
  }

  private deletePod(job: Job, pod: Pod): void {
    try {
      this.ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { uid: pod.metadata.uid })
      this.ctx.recorder.normal(job, SOURCE, 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`)
    } catch (e) {
      if (!(e instanceof ApiError) || e.reason !== 'NotFound') throw e
    }
  }

  /** Writes status as a real Job shows it: ready and terminating always, zero counts omitted. */
  private writeStatus(job: Job, status: JobStatus, conditions: JobCondition[]): void {
    const pods = this.ctx.store.dependents<Pod>(job.metadata.uid, 'Pod').filter((p) => isControlledBy(p, job))
    const active = pods.filter((p) => !terminal(p) && !p.metadata.deletionTimestamp)
    const next: JobStatus = {
      ...(conditions.length ? { conditions } : {}),
      ...(status.startTime ? { startTime: status.startTime } : {}),
      ...(status.completionTime ? { completionTime: status.completionTime } : {}),
      ...(active.length ? { active: active.length } : {}),
      ...(status.succeeded ? { succeeded: status.succeeded } : {}),
      ...(status.failed ? { failed: status.failed } : {}),
      terminating: pods.filter((p) => !terminal(p) && p.metadata.deletionTimestamp).length,
      ...(status.completedIndexes ? { completedIndexes: status.completedIndexes } : {}),
      uncountedTerminatedPods: {},
      ready: active.filter(isPodReady).length,
    }
    const current = this.ctx.store.get<Job>('Job', job.metadata.namespace, job.metadata.name) ?? job
    if (JSON.stringify(next) === JSON.stringify(current.status)) return
    this.ctx.api.updateStatus(current, next)
  }
}
