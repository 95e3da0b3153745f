import { ApiError } from '../api/errors.ts'
import type { CronJob, CronJobStatus, Job, ObjectReference } from '../api/types.ts'
import { EPOCH_MS, parseSimTime } from '../clock.ts'
import type { EngineContext } from '../context.ts'
import { jobCondition } from '../kinds/job.ts'
import { rfc1123z } from '../kubectl/describeWriter.ts'
import { type CronSchedule, parseCronSchedule, rfc3339In, timeZoneError } from '../util/cronSchedule.ts'
import { controllerRef, isControlledBy, ownerReferenceTo } from './ownership.ts'
import { nsKey, splitKey, WorkQueue } from './workQueue.ts'

const SOURCE = { component: 'cronjob-controller' }
export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp'
/** The controller wakes this long after a scheduled time (nextScheduleDelta). */
const NEXT_SCHEDULE_DELTA_MS = 100
/** Past this many missed start times the controller warns (but still starts the latest). */
const TOO_MANY_MISSED = 100

/** `hello-29467080`: the CronJob's name and the scheduled time in minutes since the Unix epoch (getJobName). */
export function scheduledJobName(cronJobName: string, scheduledUnixMs: number): string {
  return `${cronJobName}-${Math.floor(scheduledUnixMs / 60_000)}`
}

const finishedType = (job: Job): 'Complete' | 'Failed' | undefined =>
  jobCondition(job, 'Complete') ? 'Complete' : jobCondition(job, 'Failed') ? 'Failed' : undefined

/**
 * The CronJob controller (pkg/controller/cronjob, v2): creates a Job at each scheduled
 * time, honours the concurrency policy, suspend and the starting deadline, tracks the
 * active Jobs, and keeps only the last few finished ones. It sleeps until the next
 * scheduled time instead of polling.
 */
export class CronJobController {
  private queue: WorkQueue
  /** Wake-ups already asked for, by key (one timer per scheduled time, not one per sync). */
  private wakeAt = new Map<string, number>()

  constructor(private readonly ctx: EngineContext) {
    this.queue = new WorkQueue(ctx, 'cronjob-controller', (key) => this.sync(key))
    ctx.store.watch((type, obj) => {
      if (obj.kind === 'CronJob') {
        if (type === 'DELETED') this.wakeAt.delete(nsKey(obj.metadata.namespace, obj.metadata.name))
        else this.queue.add(nsKey(obj.metadata.namespace, obj.metadata.name))
      } else if (obj.kind === 'Job') {
        const ref = controllerRef(obj)
        if (ref?.kind === 'CronJob') this.queue.add(nsKey(obj.metadata.namespace, ref.name))
      }
    }, ['CronJob', 'Job'])
  }

  private unixNow(): number {
    return EPOCH_MS + this.ctx.clock.now
  }

  private wakeUp(key: string, unixMs: number): void {
    if (this.wakeAt.get(key) === unixMs) return
    this.wakeAt.set(key, unixMs)
    this.ctx.after(Math.max(0, unixMs - this.unixNow()), `cronjob-controller: schedule ${key}`, () => {
      if (this.wakeAt.get(key) === unixMs) this.wakeAt.delete(key)
      this.queue.add(key)
    })
  }

  private sync(key: string): void {
    const [namespace, name] = splitKey(key)
    const cj = this.ctx.store.get<CronJob>('CronJob', namespace, name)
    if (!cj) return
    const jobs = this.ctx.store.dependents<Job>(cj.metadata.uid, 'Job').filter((j) => isControlledBy(j, cj))
    const status: CronJobStatus = structuredClone(cj.status ?? {})
    this.reconcileChildren(cj, jobs, status)
    if (!cj.metadata.deletionTimestamp) {
      this.schedule(key, cj, status)
      this.cleanupFinishedJobs(cj, jobs)
    }
    this.writeStatus(cj, status)
  }

  /** Active list against the Jobs that exist: finished ones leave it, vanished ones too. */
  private reconcileChildren(cj: CronJob, jobs: Job[], status: CronJobStatus): void {
    let active = status.active ?? []
    for (const job of jobs) {
      const inActive = active.some((r) => r.uid === job.metadata.uid)
      const finished = finishedType(job)
      if (!finished && !inActive) {
        this.ctx.recorder.warning(cj, SOURCE, 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${job.metadata.name}`)
      } else if (finished && inActive) {
        active = active.filter((r) => r.uid !== job.metadata.uid)
        this.ctx.recorder.normal(cj, SOURCE, 'SawCompletedJob', `Saw completed job: ${job.metadata.name}, status: ${finished}`)
      }
      const done = job.status?.completionTime
      if (finished === 'Complete' && done && (!status.lastSuccessfulTime || parseSimTime(done) > parseSimTime(status.lastSuccessfulTime))) {
        status.lastSuccessfulTime = done
      }
    }
    for (const ref of active) {
      if (!jobs.some((j) => j.metadata.uid === ref.uid)) {
        active = active.filter((r) => r.uid !== ref.uid)
        this.ctx.recorder.normal(cj, SOURCE, 'MissingJob', `Active job went missing: ${ref.name}`)
      }
    }
    status.active = active
  }

  /** Starts the Job of the most recent scheduled time that is due, if the policies allow, and sleeps until the next one. */
  private schedule(key: string, cj: CronJob, status: CronJobStatus): void {
    const spec = cj.spec
    if (spec.timeZone !== undefined) {
      const problem = timeZoneError(spec.timeZone)
      if (problem) return this.ctx.recorder.warning(cj, SOURCE, 'UnknownTimeZone', `invalid timeZone: ${JSON.stringify(spec.timeZone)}: ${problem}`)
    }
    if (spec.suspend) return
    let sched: CronSchedule
    try {
      sched = parseCronSchedule(spec.schedule, spec.timeZone)
    } catch (e) {
      return this.ctx.recorder.warning(cj, SOURCE, 'UnparseableSchedule', `unparseable schedule: ${JSON.stringify(spec.schedule)} : ${(e as Error).message}`)
    }
    const now = this.unixNow()
    let earliest = EPOCH_MS + parseSimTime(status.lastScheduleTime ?? cj.metadata.creationTimestamp)
    if (spec.startingDeadlineSeconds !== undefined) earliest = Math.max(earliest, now - spec.startingDeadlineSeconds * 1000)
    // The most recent scheduled time not after now; older missed ones are not run.
    let scheduled: number | undefined
    let missed = 0
    for (let t = sched.next(earliest); t !== undefined && t <= now; t = sched.next(t)) {
      scheduled = t
      if (++missed > TOO_MANY_MISSED) {
        scheduled = this.latestBefore(sched, now, t)
        break
      }
    }
    const next = sched.next(now)
    if (next !== undefined) this.wakeUp(key, next + NEXT_SCHEDULE_DELTA_MS)
    if (scheduled === undefined) return
    if (missed > TOO_MANY_MISSED) {
      this.ctx.recorder.warning(cj, SOURCE, 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew')
    }
    if (spec.startingDeadlineSeconds !== undefined && scheduled + spec.startingDeadlineSeconds * 1000 < now) {
      return this.ctx.recorder.warning(cj, SOURCE, 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(new Date(scheduled).toISOString())}`)
    }
    const jobName = scheduledJobName(cj.metadata.name, scheduled)
    const scheduledText = this.ctx.clock.rfc3339(scheduled - EPOCH_MS)
    if (status.active!.some((r) => r.name === jobName) || status.lastScheduleTime === scheduledText) return
    if (spec.concurrencyPolicy === 'Forbid' && status.active!.length > 0) {
      return this.ctx.recorder.normal(cj, SOURCE, 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid')
    }
    if (spec.concurrencyPolicy === 'Replace') {
      for (const ref of status.active!) {
        if (this.deleteJob(cj, ref.name, ref.uid)) status.active = status.active!.filter((r) => r.uid !== ref.uid)
      }
    }
    const job = this.createJob(cj, jobName, scheduled)
    if (!job) return
    status.active = [...status.active!, jobReference(job)]
    status.lastScheduleTime = scheduledText
  }

  /** With very many missed times, the latest one is found without walking them all (robfig schedules are minute-grained). */
  private latestBefore(sched: CronSchedule, now: number, from: number): number {
    let best = from
    for (let t = sched.next(Math.max(from, now - 3_600_000 * 24 * 8)); t !== undefined && t <= now; t = sched.next(t)) best = t
    return best
  }

  private createJob(cj: CronJob, name: string, scheduledUnixMs: number): Job | undefined {
    const template = cj.spec.jobTemplate
    const job: Job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name,
        namespace: cj.metadata.namespace,
        uid: '',
        resourceVersion: '',
        creationTimestamp: '',
        ...(template.metadata?.labels ? { labels: { ...template.metadata.labels } } : {}),
        annotations: { ...(template.metadata?.annotations ?? {}), [SCHEDULED_TIMESTAMP_ANNOTATION]: rfc3339In(scheduledUnixMs, cj.spec.timeZone) },
        ownerReferences: [ownerReferenceTo(cj)],
      },
      spec: structuredClone(template.spec),
      status: {},
    }
    try {
      const created = this.ctx.api.create(job)
      this.ctx.recorder.normal(cj, SOURCE, 'SuccessfulCreate', `Created job ${name}`)
      return created
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      if (e.reason === 'AlreadyExists') return undefined
      this.ctx.recorder.warning(cj, SOURCE, 'FailedCreate', `Error creating job: ${e.message}`)
      return undefined
    }
  }

  private deleteJob(cj: CronJob, name: string, uid: string): boolean {
    try {
      this.ctx.api.delete('Job', cj.metadata.namespace, name, { uid, propagationPolicy: 'Background' })
      this.ctx.recorder.normal(cj, SOURCE, 'SuccessfulDelete', `Deleted job ${name}`)
      return true
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      if (e.reason === 'NotFound') return true
      this.ctx.recorder.warning(cj, SOURCE, 'FailedDelete', `Deleted job: ${e.message}`)
      return false
    }
  }

  /** Keeps the newest successfulJobsHistoryLimit Complete and failedJobsHistoryLimit Failed Jobs (cleanupFinishedJobs). */
  private cleanupFinishedJobs(cj: CronJob, jobs: Job[]): void {
    const byStart = (a: Job, b: Job) => {
      const sa = a.status?.startTime
      const sb = b.status?.startTime
      if (sa && sb && sa !== sb) return parseSimTime(sa) - parseSimTime(sb)
      if (!sa !== !sb) return sa ? -1 : 1
      return a.metadata.name < b.metadata.name ? -1 : 1
    }
    for (const [type, limit] of [['Complete', cj.spec.successfulJobsHistoryLimit], ['Failed', cj.spec.failedJobsHistoryLimit]] as const) {
      if (limit === undefined) continue
      const finished = jobs.filter((j) => finishedType(j) === type && !j.metadata.deletionTimestamp).sort(byStart)
      for (const job of finished.slice(0, Math.max(0, finished.length - limit))) this.deleteJob(cj, job.metadata.name, job.metadata.uid)
    }
  }

  private writeStatus(cj: CronJob, status: CronJobStatus): void {
    const next: CronJobStatus = {
      ...(status.active?.length ? { active: status.active } : {}),
      ...(status.lastScheduleTime ? { lastScheduleTime: status.lastScheduleTime } : {}),
      ...(status.lastSuccessfulTime ? { lastSuccessfulTime: status.lastSuccessfulTime } : {}),
    }
    const current = this.ctx.store.get<CronJob>('CronJob', cj.metadata.namespace, cj.metadata.name) ?? cj
    if (JSON.stringify(next) === JSON.stringify(current.status ?? {})) return
    this.ctx.api.updateStatus(current, next)
  }
}

function jobReference(job: Job): ObjectReference {
  return { kind: 'Job', namespace: job.metadata.namespace, name: job.metadata.name, uid: job.metadata.uid, apiVersion: 'batch/v1', resourceVersion: job.metadata.resourceVersion }
}
