import type { KubeEvent, Pod, ReplicaSet } from '../../api/types.ts'
import { formatSelector } from '../../util/labels.ts'
import { DescribeWriter } from '../describeWriter.ts'
import { controllerOf, describeEvents, describePodTemplate, eventsFor, printAnnotationsMultiline, printLabelsMultiline } from './common.ts'

/** `kubectl describe replicaset`. */
export function describeReplicaSet(rs: ReplicaSet, pods: Pod[], events: KubeEvent[], nowMs: number): string {
  const w = new DescribeWriter()
  w.write(0, `Name:\t${rs.metadata.name}\n`)
  w.write(0, `Namespace:\t${rs.metadata.namespace}\n`)
  w.write(0, `Selector:\t${formatSelector(rs.spec.selector)}\n`)
  printLabelsMultiline(w, 'Labels', rs.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations)
  const controlledBy = controllerOf(rs)
  if (controlledBy) w.write(0, `Controlled By:\t${controlledBy}\n`)
  w.write(0, `Replicas:\t${rs.status.replicas ?? 0} current / ${rs.spec.replicas} desired\n`)
  const owned = pods.filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && r.uid === rs.metadata.uid))
  const count = (phase: string) => owned.filter((p) => p.status.phase === phase).length
  w.write(0, 'Pods Status:\t')
  w.write(0, `${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed\n`)
  describePodTemplate(w, rs.spec.template)
  describeEvents(w, eventsFor(events, rs), nowMs)
  return w.toString()
}
