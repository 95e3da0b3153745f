import type { KubeEvent, KubeObject, LabelSelector } from '../../api/types.ts'
import { formatSelector } from '../../util/labels.ts'
import { DescribeWriter } from '../describeWriter.ts'
import { describeEvents } from './common.ts'

interface PodDisruptionBudget extends KubeObject {
  spec?: { minAvailable?: number | string; maxUnavailable?: number | string; selector?: LabelSelector }
  status?: { disruptionsAllowed?: number; currentHealthy?: number; desiredHealthy?: number; expectedPods?: number }
}

/** `kubectl describe pdb` (describePodDisruptionBudgetV1). */
export function describePodDisruptionBudget(obj: KubeObject, events: KubeEvent[], now: number): string {
  const pdb = obj as PodDisruptionBudget
  const spec = pdb.spec ?? {}
  const status = pdb.status ?? {}
  const w = new DescribeWriter()
  w.write(0, `Name:\t${pdb.metadata.name}\n`)
  w.write(0, `Namespace:\t${pdb.metadata.namespace}\n`)
  if (spec.minAvailable !== undefined) w.write(0, `Min available:\t${spec.minAvailable}\n`)
  else if (spec.maxUnavailable !== undefined) w.write(0, `Max unavailable:\t${spec.maxUnavailable}\n`)
  w.write(0, `Selector:\t${spec.selector ? formatSelector(spec.selector) : '<unset>'}\n`)
  w.write(0, 'Status:\n')
  w.write(2, `Allowed disruptions:\t${status.disruptionsAllowed ?? 0}\n`)
  w.write(2, `Current:\t${status.currentHealthy ?? 0}\n`)
  w.write(2, `Desired:\t${status.desiredHealthy ?? 0}\n`)
  w.write(2, `Total:\t${status.expectedPods ?? 0}\n`)
  describeEvents(w, events, now)
  return w.toString()
}
