import type { KubeEvent, KubeObject } from '../../api/types.ts'
import { DescribeWriter, rfc1123z } from '../describeWriter.ts'
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './common.ts'

/** Kinds without a describer of their own: metadata and events, as kubectl's generic describer prints them. */
export function describeGeneric(obj: KubeObject, events: KubeEvent[], now: number): string {
  const w = new DescribeWriter()
  w.write(0, `Name:\t${obj.metadata.name}\n`)
  if (obj.metadata.namespace) w.write(0, `Namespace:\t${obj.metadata.namespace}\n`)
  printLabelsMultiline(w, 'Labels', obj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
  w.write(0, `API Version:\t${obj.apiVersion}\n`)
  w.write(0, `Kind:\t${obj.kind}\n`)
  w.write(0, `CreationTimestamp:\t${rfc1123z(obj.metadata.creationTimestamp)}\n`)
  describeEvents(w, events, now)
  return w.toString()
}
