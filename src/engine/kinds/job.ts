import { labelSelector, list, struct, template, topLevel } from '../admission/decodeShapes.ts'
import { type FieldError, invalid, required, unsupported } from '../admission/fieldErrors.ts'
import { defaultPodSpec } from '../admission/podDefaults.ts'
import { validateTemplatedWorkload } from '../admission/validation.ts'
import type { Job, JobSpec, Pod } from '../api/types.ts'
import { parseSimTime } from '../clock.ts'
import { describeJob } from '../kubectl/describe/describeJob.ts'
import { ageOf } from '../kubectl/podSummary.ts'
import { humanDuration } from '../util/duration.ts'
import { formatSelector } from '../util/labels.ts'
import { containersAndImages } from './columns.ts'
import { defineKind } from './kindModule.ts'

/** Labels the API server puts on a Job's pod template and selector (pkg/registry/batch/job/strategy.go). */
export const JOB_LABEL = {
  controllerUid: 'batch.kubernetes.io/controller-uid',
  jobName: 'batch.kubernetes.io/job-name',
  legacyControllerUid: 'controller-uid',
  legacyJobName: 'job-name',
  completionIndex: 'batch.kubernetes.io/job-completion-index',
} as const

export const jobSpecShape = struct('v1.JobSpec', {
  parallelism: 'int32', completions: 'int32', activeDeadlineSeconds: 'int64',
  podFailurePolicy: struct('v1.PodFailurePolicy', {
    rules: list(struct('v1.PodFailurePolicyRule', {
      action: 'string',
      onExitCodes: struct('v1.PodFailurePolicyOnExitCodesRequirement', { containerName: 'string', operator: 'string', values: list('int32') }),
      onPodConditions: list(struct('v1.PodFailurePolicyOnPodConditionsPattern', { type: 'string', status: 'string' })),
    })),
  }),
  successPolicy: 'any', backoffLimit: 'int32', backoffLimitPerIndex: 'int32', maxFailedIndexes: 'int32',
  selector: labelSelector, manualSelector: 'bool', template, ttlSecondsAfterFinished: 'int32',
  completionMode: 'string', suspend: 'bool', podReplacementPolicy: 'string', managedBy: 'string',
})

const jobShape = topLevel('v1.Job', { spec: jobSpecShape })

/** SetDefaults_Job (pkg/apis/batch/v1/defaults.go). */
export function defaultJobSpec(spec: JobSpec): void {
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1
    spec.parallelism = 1
  }
  spec.parallelism ??= 1
  spec.backoffLimit ??= 6
  spec.completionMode ??= 'NonIndexed'
  spec.suspend ??= false
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed'
  spec.manualSelector ??= false
  for (const rule of spec.podFailurePolicy?.rules ?? []) for (const p of rule.onPodConditions ?? []) p.status ??= 'True'
  if (spec.template?.spec) defaultPodSpec(spec.template.spec)
}

const nonNegative = (spec: JobSpec, field: 'parallelism' | 'completions' | 'backoffLimit' | 'activeDeadlineSeconds' | 'ttlSecondsAfterFinished', path: string): FieldError[] => {
  const v = spec[field]
  return typeof v === 'number' && v < 0 ? [invalid(`${path}.${field}`, v, 'must be greater than or equal to 0')] : []
}

/** ValidateJobSpec (pkg/apis/batch/validation), the parts kubesim acts on. */
export function validateJobSpec(spec: JobSpec, path = 'spec', opts: { selectorRequired?: boolean } = {}): FieldError[] {
  const errs: FieldError[] = []
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished'] as const) errs.push(...nonNegative(spec, f, path))
  if (spec.completionMode && spec.completionMode !== 'NonIndexed' && spec.completionMode !== 'Indexed') {
    errs.push(unsupported(`${path}.completionMode`, spec.completionMode, ['NonIndexed', 'Indexed']))
  }
  if (spec.completionMode === 'Indexed' && spec.completions === undefined) errs.push(required(`${path}.completions`, 'when completion mode is Indexed'))
  if (spec.podReplacementPolicy && !['TerminatingOrFailed', 'Failed'].includes(spec.podReplacementPolicy)) {
    errs.push(unsupported(`${path}.podReplacementPolicy`, spec.podReplacementPolicy, ['Failed', 'TerminatingOrFailed']))
  }
  const templated = validateTemplatedWorkload({ selector: spec.selector, template: spec.template }, ['OnFailure', 'Never'], opts)
  errs.push(...templated.map((e) => ({ ...e, path: e.path.replace(/^spec\./, `${path}.`) })))
  const restartPolicy = spec.template?.spec?.restartPolicy
  if (spec.podFailurePolicy && restartPolicy && restartPolicy !== 'Never') {
    errs.push(invalid(`${path}.template.spec.restartPolicy`, restartPolicy, 'only "Never" is supported when podFailurePolicy is specified'))
  }
  ;(spec.podFailurePolicy?.rules ?? []).forEach((rule, i) => {
    const rulePath = `${path}.podFailurePolicy.rules[${i}]`
    if (!['FailJob', 'Ignore', 'Count', 'FailIndex'].includes(rule.action)) errs.push(unsupported(`${rulePath}.action`, rule.action ?? '', ['Count', 'FailIndex', 'FailJob', 'Ignore']))
    if (!!rule.onExitCodes === !!rule.onPodConditions) errs.push(invalid(rulePath, rule, 'specifying one of OnExitCodes and OnPodConditions is required'))
    const codes = rule.onExitCodes
    if (codes && !['In', 'NotIn'].includes(codes.operator)) errs.push(unsupported(`${rulePath}.onExitCodes.operator`, codes.operator ?? '', ['In', 'NotIn']))
    if (codes?.operator === 'In' && codes.values?.includes(0)) {
      errs.push(invalid(`${rulePath}.onExitCodes.values[${codes.values.indexOf(0)}]`, 0, 'must not be 0 for the In operator'))
    }
  })
  return errs
}

/** The API server's selector for a Job whose selector is not manual (generateSelector). */
function generateSelector(job: Job): void {
  const uid = job.metadata.uid
  const name = job.metadata.name
  const labels = (job.spec.template.metadata ??= {}).labels ??= {}
  labels[JOB_LABEL.controllerUid] ??= uid
  labels[JOB_LABEL.jobName] ??= name
  labels[JOB_LABEL.legacyControllerUid] ??= uid
  labels[JOB_LABEL.legacyJobName] ??= name
  job.spec.selector ??= { matchLabels: { [JOB_LABEL.controllerUid]: uid } }
}

function defaultLabelsFromTemplate(job: Job): void {
  const labels = job.spec.template?.metadata?.labels
  if (Object.keys(job.metadata.labels ?? {}).length === 0 && labels && Object.keys(labels).length > 0) job.metadata.labels = { ...labels }
}

export function jobCondition(job: Job, type: string): boolean {
  return !!job.status?.conditions?.some((c) => c.type === type && c.status === 'True')
}

/** The STATUS cell of `kubectl get jobs` (printers.go printJob). */
function jobStatusCell(job: Job): string {
  if (jobCondition(job, 'Complete')) return 'Complete'
  if (jobCondition(job, 'Failed')) return 'Failed'
  if (job.metadata.deletionTimestamp) return 'Terminating'
  if (jobCondition(job, 'Suspended')) return 'Suspended'
  if (jobCondition(job, 'FailureTarget')) return 'FailureTarget'
  if (jobCondition(job, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet'
  return 'Running'
}

export function jobCompletionsCell(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0
  if (job.spec.completions !== undefined) return `${succeeded}/${job.spec.completions}`
  const parallelism = job.spec.parallelism ?? 0
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`
}

export function jobDurationCell(job: Job, now: number): string {
  const start = job.status?.startTime
  if (!start) return ''
  const end = job.status.completionTime ? parseSimTime(job.status.completionTime) : now
  return humanDuration(end - parseSimTime(start))
}

export const jobKind = defineKind<Job>({
  names: { kind: 'Job', group: 'batch', version: 'v1', plural: 'jobs', singular: 'job', shortNames: [], namespaced: true },
  simulated: true,
  nameRule: 'subdomain',
  shape: jobShape,
  hasSpec: true,
  defaults(job, ctx) {
    defaultJobSpec(job.spec)
    // Job labels default to the template's: at decoding (the user's template labels), and
    // again when the stored Job is read back, by then with the generated ones.
    defaultLabelsFromTemplate(job)
    if (!ctx.old && !job.spec.manualSelector && job.spec.template) {
      job.metadata.uid ||= ctx.rng.uuid()
      generateSelector(job)
      defaultLabelsFromTemplate(job)
    }
  },
  initialStatus: () => ({}),
  validate: (job) => validateJobSpec(job.spec),
  validateUpdate(job, old) {
    const errs: FieldError[] = []
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
    if (!same(job.spec.selector, old.spec.selector)) errs.push(invalid('spec.selector', job.spec.selector, 'field is immutable'))
    if (!same(job.spec.template, old.spec.template)) errs.push(invalid('spec.template', job.spec.template, 'field is immutable'))
    if (job.spec.completions !== old.spec.completions) errs.push(invalid('spec.completions', job.spec.completions ?? null, 'field is immutable'))
    if (job.spec.completionMode !== old.spec.completionMode) errs.push(invalid('spec.completionMode', job.spec.completionMode, 'field is immutable'))
    if (!same(job.spec.podFailurePolicy, old.spec.podFailurePolicy)) errs.push(invalid('spec.podFailurePolicy', job.spec.podFailurePolicy ?? null, 'field is immutable'))
    return errs
  },
  table: {
    columns: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
    wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row(obj, now) {
      const job = obj as Job
      return [job.metadata.name, jobStatusCell(job), jobCompletionsCell(job), jobDurationCell(job, now), ageOf(job.metadata.creationTimestamp, now)]
    },
    wideRow(obj) {
      const job = obj as Job
      return [...containersAndImages(job.spec.template.spec), formatSelector(job.spec.selector)]
    },
  },
  describe: (job, ctx) => describeJob(job, ctx.store.dependents<Pod>(job.metadata.uid, 'Pod'), ctx.eventsFor(job), ctx.now),
})
