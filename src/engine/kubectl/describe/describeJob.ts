import type { Job, KubeEvent, Pod } from '../../api/types.ts'
import { parseSimTime } from '../../clock.ts'
import { humanDuration } from '../../util/duration.ts'
import { formatSelector } from '../../util/labels.ts'
import { DescribeWriter, rfc1123z } from '../describeWriter.ts'
import { controllerOf, describeEvents, describePodTemplate, eventsFor, printAnnotationsMultiline, printLabelsMultiline } from './common.ts'

/** `kubectl describe job` (describe.go describeJob). */
export function describeJob(job: Job, _pods: Pod[], events: KubeEvent[], nowMs: number): string {
  const w = new DescribeWriter()
  const spec = job.spec
  const s = job.status ?? {}
  w.write(0, `Name:\t${job.metadata.name}\n`)
  w.write(0, `Namespace:\t${job.metadata.namespace}\n`)
  w.write(0, `Selector:\t${formatSelector(spec.selector).replace(/^<none>$/, '')}\n`)
  printLabelsMultiline(w, 'Labels', job.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', job.metadata.annotations)
  const controlledBy = controllerOf(job)
  if (controlledBy) w.write(0, `Controlled By:\t${controlledBy}\n`)
  if (spec.parallelism !== undefined) w.write(0, `Parallelism:\t${spec.parallelism}\n`)
  w.write(0, `Completions:\t${spec.completions ?? '<unset>'}\n`)
  if (spec.completionMode) w.write(0, `Completion Mode:\t${spec.completionMode}\n`)
  if (spec.suspend !== undefined) w.write(0, `Suspend:\t${spec.suspend}\n`)
  if (spec.backoffLimit !== undefined) w.write(0, `Backoff Limit:\t${spec.backoffLimit}\n`)
  if (spec.ttlSecondsAfterFinished !== undefined) w.write(0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`)
  if (s.startTime) w.write(0, `Start Time:\t${rfc1123z(s.startTime)}\n`)
  if (s.completionTime) w.write(0, `Completed At:\t${rfc1123z(s.completionTime)}\n`)
  if (s.startTime && s.completionTime) w.write(0, `Duration:\t${humanDuration(parseSimTime(s.completionTime) - parseSimTime(s.startTime))}\n`)
  if (spec.activeDeadlineSeconds !== undefined) w.write(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`)
  const counts = `${s.active ?? 0} Active${s.ready === undefined ? '' : ` (${s.ready} Ready)`} / ${s.succeeded ?? 0} Succeeded / ${s.failed ?? 0} Failed`
  w.write(0, `Pods Statuses:\t${counts}\n`)
  if (spec.completionMode === 'Indexed') w.write(0, `Completed Indexes:\t${s.completedIndexes || '<none>'}\n`)
  describePodTemplate(w, spec.template)
  describeEvents(w, eventsFor(events, job), nowMs)
  return w.toString()
}
