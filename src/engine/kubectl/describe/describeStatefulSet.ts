import type { KubeEvent, Pod, StatefulSet } from '../../api/types.ts'
import { formatSelector, selectorMatches } from '../../util/labels.ts'
import { DescribeWriter, rfc1123z } from '../describeWriter.ts'
import { describeEvents, describePodTemplate, eventsFor, printAnnotationsMultiline, printLabelsMultiline } from './common.ts'

/** printLabelsMultilineWithIndent with a two-space initial indent, as the claim templates use it. */
function printIndentedLabels(w: DescribeWriter, title: string, labels: Record<string, string> | undefined): void {
  w.write(0, `  ${title}:\t`)
  const keys = Object.keys(labels ?? {}).sort()
  if (keys.length === 0) return w.write(0, '<none>\n')
  keys.forEach((key, i) => w.write(0, `${i === 0 ? '' : '  \t'}${key}=${labels![key]}\n`))
}

function describeVolumeClaimTemplates(w: DescribeWriter, set: StatefulSet): void {
  const templates = set.spec.volumeClaimTemplates ?? []
  if (templates.length === 0) return w.write(0, 'Volume Claims:\t<none>\n')
  w.write(0, 'Volume Claims:\n')
  for (const claim of templates) {
    w.write(1, `Name:\t${claim.metadata.name}\n`)
    w.write(1, `StorageClass:\t${claim.spec.storageClassName ?? ''}\n`)
    printIndentedLabels(w, 'Labels', claim.metadata.labels)
    printIndentedLabels(w, 'Annotations', claim.metadata.annotations)
    const storage = claim.spec.resources?.requests?.storage
    w.write(1, `Capacity:\t${storage === undefined ? '<default>' : String(storage)}\n`)
    w.write(1, `Access Modes:\t[${(claim.spec.accessModes ?? []).join(' ')}]\n`)
  }
}

/** `kubectl describe statefulset` (describeStatefulSet in kubectl's describe.go). */
export function describeStatefulSet(set: StatefulSet, pods: Pod[], events: KubeEvent[], nowMs: number): string {
  const w = new DescribeWriter()
  const spec = set.spec
  w.write(0, `Name:\t${set.metadata.name}\n`)
  w.write(0, `Namespace:\t${set.metadata.namespace}\n`)
  w.write(0, `CreationTimestamp:\t${rfc1123z(set.metadata.creationTimestamp)}\n`)
  w.write(0, `Selector:\t${formatSelector(spec.selector)}\n`)
  printLabelsMultiline(w, 'Labels', set.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', set.metadata.annotations)
  if (spec.serviceName) w.write(0, `Service Name:\t${spec.serviceName}\n`)
  if (spec.podManagementPolicy) w.write(0, `Pod Management Policy:\t${spec.podManagementPolicy}\n`)
  w.write(0, `Replicas:\t${spec.replicas} desired | ${set.status?.replicas ?? 0} total\n`)
  w.write(0, `Update Strategy:\t${spec.updateStrategy.type}\n`)
  const ru = spec.updateStrategy.rollingUpdate
  if (ru?.partition !== undefined) {
    w.write(1, `Partition:\t${ru.partition}\n`)
    if (ru.maxUnavailable !== undefined) w.write(1, `MaxUnavailable:\t${ru.maxUnavailable}\n`)
  }
  const retention = spec.persistentVolumeClaimRetentionPolicy
  if (retention) {
    w.write(0, 'Persistent Volume Claim Retention Policy:\n')
    w.write(1, `WhenDeleted:\t${retention.whenDeleted ?? ''}\n`)
    w.write(1, `WhenScaled:\t${retention.whenScaled ?? ''}\n`)
  }
  const owned = pods.filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && r.uid === set.metadata.uid) && selectorMatches(spec.selector, p.metadata.labels))
  const count = (phase: string) => owned.filter((p) => p.status.phase === phase).length
  w.write(0, `Pods Status:\t${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed\n`)
  describePodTemplate(w, spec.template)
  describeVolumeClaimTemplates(w, set)
  describeEvents(w, eventsFor(events, set), nowMs)
  return w.toString()
}
