import type { DaemonSet, KubeEvent, Pod } from '../../api/types.ts'
import { formatLabels, formatSelector, selectorMatches } from '../../util/labels.ts'
import { DescribeWriter } from '../describeWriter.ts'
import { describeEvents, describePodTemplate, eventsFor, printAnnotationsMultiline, printLabelsMultiline } from './common.ts'

/** `kubectl describe daemonset` (describe.go describeDaemonSet). */
export function describeDaemonSet(ds: DaemonSet, dependents: Pod[], events: KubeEvent[], nowMs: number): string {
  const s = ds.status ?? {}
  const w = new DescribeWriter()
  w.write(0, `Name:\t${ds.metadata.name}\n`)
  w.write(0, `Namespace:\t${ds.metadata.namespace}\n`)
  w.write(0, `Selector:\t${formatSelector(ds.spec.selector)}\n`)
  w.write(0, `Node-Selector:\t${formatLabels(ds.spec.template.spec.nodeSelector)}\n`)
  printLabelsMultiline(w, 'Labels', ds.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', ds.metadata.annotations)
  w.write(0, `Desired Number of Nodes Scheduled: ${s.desiredNumberScheduled ?? 0}\n`)
  w.write(0, `Current Number of Nodes Scheduled: ${s.currentNumberScheduled ?? 0}\n`)
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${s.updatedNumberScheduled ?? 0}\n`)
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${s.numberAvailable ?? 0}\n`)
  w.write(0, `Number of Nodes Misscheduled: ${s.numberMisscheduled ?? 0}\n`)
  // getPodStatusForController: pods the selector matches and the DaemonSet controls.
  const pods = dependents.filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && r.uid === ds.metadata.uid) && selectorMatches(ds.spec.selector, p.metadata.labels))
  const count = (phase: string) => pods.filter((p) => p.status.phase === phase).length
  w.write(0, `Pods Status:\t${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed\n`)
  describePodTemplate(w, ds.spec.template)
  describeEvents(w, eventsFor(events, ds), nowMs)
  return w.toString()
}
