import type { KubeEvent, KubeObject } from '../../api/types.ts'
import { formatLabels } from '../../util/labels.ts'
import { DescribeWriter } from '../describeWriter.ts'
import { describeEvents } from './common.ts'

/** `kubectl describe priorityclass`: annotations on one line, as labels.FormatLabels prints them. */
export function describePriorityClass(pc: KubeObject & { value?: number; globalDefault?: boolean; preemptionPolicy?: string; description?: string }, events: KubeEvent[], now: number): string {
  const w = new DescribeWriter()
  w.write(0, `Name:\t${pc.metadata.name}\n`)
  w.write(0, `Value:\t${pc.value ?? 0}\n`)
  w.write(0, `GlobalDefault:\t${pc.globalDefault === true}\n`)
  w.write(0, `PreemptionPolicy:\t${pc.preemptionPolicy ?? ''}\n`)
  w.write(0, `Description:\t${pc.description ?? ''}\n`)
  w.write(0, `Annotations:\t${formatLabels(pc.metadata.annotations)}\n`)
  describeEvents(w, events, now)
  return w.toString()
}
