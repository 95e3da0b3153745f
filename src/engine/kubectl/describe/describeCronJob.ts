import type { CronJob, Job, KubeEvent } from '../../api/types.ts'
import { formatSelector } from '../../util/labels.ts'
import { DescribeWriter, rfc1123z } from '../describeWriter.ts'
import { describeEvents, describePodTemplate, eventsFor, printAnnotationsMultiline, printLabelsMultiline } from './common.ts'

/** `kubectl describe cronjob` (describe.go describeCronJob and describeJobTemplate). */
export function describeCronJob(cj: CronJob, _jobs: Job[], events: KubeEvent[], nowMs: number): string {
  const w = new DescribeWriter()
  const spec = cj.spec
  const unset = (v: number | undefined, suffix = '') => (v === undefined ? '<unset>' : `${v}${suffix}`)
  w.write(0, `Name:\t${cj.metadata.name}\n`)
  w.write(0, `Namespace:\t${cj.metadata.namespace}\n`)
  printLabelsMultiline(w, 'Labels', cj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', cj.metadata.annotations)
  w.write(0, `Schedule:\t${spec.schedule}\n`)
  w.write(0, `Concurrency Policy:\t${spec.concurrencyPolicy}\n`)
  w.write(0, `Suspend:\t${spec.suspend === undefined ? '<unset>' : spec.suspend ? 'True' : 'False'}\n`)
  w.write(0, `Successful Job History Limit:\t${unset(spec.successfulJobsHistoryLimit)}\n`)
  w.write(0, `Failed Job History Limit:\t${unset(spec.failedJobsHistoryLimit)}\n`)
  w.write(0, `Starting Deadline Seconds:\t${unset(spec.startingDeadlineSeconds, 's')}\n`)
  const job = spec.jobTemplate.spec
  w.write(0, `Selector:\t${job.selector ? formatSelector(job.selector) : '<unset>'}\n`)
  w.write(0, `Parallelism:\t${unset(job.parallelism)}\n`)
  w.write(0, `Completions:\t${unset(job.completions)}\n`)
  if (job.activeDeadlineSeconds !== undefined) w.write(0, `Active Deadline Seconds:\t${job.activeDeadlineSeconds}s\n`)
  describePodTemplate(w, job.template)
  w.write(0, `Last Schedule Time:\t${cj.status?.lastScheduleTime ? rfc1123z(cj.status.lastScheduleTime) : '<unset>'}\n`)
  const active = cj.status?.active ?? []
  w.write(0, `Active Jobs:\t${active.length ? active.map((r) => r.name).join(', ') : '<none>'}\n`)
  describeEvents(w, eventsFor(events, cj), nowMs)
  return w.toString()
}
