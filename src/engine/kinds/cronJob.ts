import { objectMeta, struct, topLevel } from '../admission/decodeShapes.ts'
import { type FieldError, invalid, unsupported } from '../admission/fieldErrors.ts'
import { defaultPodSpec } from '../admission/podDefaults.ts'
import type { CronJob, Job } from '../api/types.ts'
import { describeCronJob } from '../kubectl/describe/describeCronJob.ts'
import { ageOf } from '../kubectl/podSummary.ts'
import { parseCronSchedule, timeZoneError } from '../util/cronSchedule.ts'
import { formatSelector } from '../util/labels.ts'
import { containersAndImages } from './columns.ts'
import { jobSpecShape, validateJobSpec } from './job.ts'
import { defineKind } from './kindModule.ts'

const cronJobShape = topLevel('v1.CronJob', {
  spec: struct('v1.CronJobSpec', {
    schedule: 'string', timeZone: 'string', startingDeadlineSeconds: 'int64', concurrencyPolicy: 'string', suspend: 'bool',
    jobTemplate: struct('v1.JobTemplateSpec', { metadata: objectMeta, spec: jobSpecShape }),
    successfulJobsHistoryLimit: 'int32', failedJobsHistoryLimit: 'int32',
  }),
})

/** A Job's name is the CronJob's plus 11 characters (`-` and the minutes since the epoch). */
const MAX_CRONJOB_NAME = 52

/** ValidateCronJobSpec (pkg/apis/batch/validation). */
function validateCronJob(cj: CronJob): FieldError[] {
  const errs: FieldError[] = []
  const spec = cj.spec
  if (cj.metadata.name && cj.metadata.name.length > MAX_CRONJOB_NAME) {
    errs.push(invalid('metadata.name', cj.metadata.name, `must be no more than ${MAX_CRONJOB_NAME} characters`))
  }
  if (!spec.schedule) errs.push({ path: 'spec.schedule', type: 'Required value' })
  else if (/\b(CRON_)?TZ=/.test(spec.schedule)) {
    errs.push(invalid('spec.schedule', spec.schedule, spec.timeZone !== undefined ? 'cannot use both timeZone field and TZ or CRON_TZ in schedule' : 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'))
  } else {
    try {
      parseCronSchedule(spec.schedule)
    } catch (e) {
      errs.push(invalid('spec.schedule', spec.schedule, (e as Error).message))
    }
  }
  if (spec.timeZone !== undefined) {
    const problem = timeZoneError(spec.timeZone)
    if (problem) errs.push(invalid('spec.timeZone', spec.timeZone, problem))
  }
  if (spec.concurrencyPolicy && !['Allow', 'Forbid', 'Replace'].includes(spec.concurrencyPolicy)) {
    errs.push(unsupported('spec.concurrencyPolicy', spec.concurrencyPolicy, ['Allow', 'Forbid', 'Replace']))
  }
  for (const f of ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit'] as const) {
    const v = spec[f]
    if (typeof v === 'number' && v < 0) errs.push(invalid(`spec.${f}`, v, 'must be greater than or equal to 0'))
  }
  if (!spec.jobTemplate?.spec) errs.push({ path: 'spec.jobTemplate.spec.template.spec.containers', type: 'Required value' })
  else errs.push(...validateJobSpec(spec.jobTemplate.spec, 'spec.jobTemplate.spec', { selectorRequired: false }))
  return errs
}

export const cronJobKind = defineKind<CronJob>({
  names: { kind: 'CronJob', group: 'batch', version: 'v1', plural: 'cronjobs', singular: 'cronjob', shortNames: ['cj'], namespaced: true },
  simulated: true,
  nameRule: 'subdomain',
  shape: cronJobShape,
  hasSpec: true,
  defaults(cj) {
    cj.spec.concurrencyPolicy ??= 'Allow'
    cj.spec.suspend ??= false
    cj.spec.successfulJobsHistoryLimit ??= 3
    cj.spec.failedJobsHistoryLimit ??= 1
    const podSpec = cj.spec.jobTemplate?.spec?.template?.spec
    if (podSpec) defaultPodSpec(podSpec)
  },
  initialStatus: () => ({}),
  validate: validateCronJob,
  table: {
    columns: ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'],
    wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row(obj, now) {
      const cj = obj as CronJob
      const s = cj.status ?? {}
      const suspend = cj.spec.suspend === undefined ? '<unset>' : cj.spec.suspend ? 'True' : 'False'
      const last = s.lastScheduleTime ? ageOf(s.lastScheduleTime, now) : '<none>'
      return [cj.metadata.name, cj.spec.schedule, cj.spec.timeZone ?? '<none>', suspend, String(s.active?.length ?? 0), last, ageOf(cj.metadata.creationTimestamp, now)]
    },
    wideRow(obj) {
      const cj = obj as CronJob
      return [...containersAndImages(cj.spec.jobTemplate.spec.template?.spec), formatSelector(cj.spec.jobTemplate.spec.selector)]
    },
  },
  describe: (cj, ctx) => describeCronJob(cj, ctx.store.dependents<Job>(cj.metadata.uid, 'Job'), ctx.eventsFor(cj), ctx.now),
})
