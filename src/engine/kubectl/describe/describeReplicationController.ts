import type { KubeEvent, Pod } from '../../api/types.ts'
import type { ReplicationController } from '../../kinds/replicationController.ts'
import { formatLabels } from '../../util/labels.ts'
import { DescribeWriter } from '../describeWriter.ts'
import { describeEvents, describePodTemplate, eventsFor, printAnnotationsMultiline, printLabelsMultiline } from './common.ts'

/** `kubectl describe replicationcontroller` (describeReplicationController). */
export function describeReplicationController(rc: ReplicationController, pods: Pod[], events: KubeEvent[], nowMs: number): string {
  const w = new DescribeWriter()
  w.write(0, `Name:\t${rc.metadata.name}\n`)
  w.write(0, `Namespace:\t${rc.metadata.namespace}\n`)
  w.write(0, `Selector:\t${formatLabels(rc.spec.selector)}\n`)
  printLabelsMultiline(w, 'Labels', rc.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', rc.metadata.annotations)
  w.write(0, `Replicas:\t${rc.status.replicas ?? 0} current / ${rc.spec.replicas ?? 1} desired\n`)
  const owned = pods.filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && r.uid === rc.metadata.uid))
  const count = (phase: string) => owned.filter((p) => p.status.phase === phase).length
  w.write(0, `Pods Status:\t${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed\n`)
  if (rc.spec.template) describePodTemplate(w, rc.spec.template)
  describeEvents(w, eventsFor(events, rc), nowMs)
  return w.toString()
}
