import type { NodeVerdict } from './decision.ts'

/**
 * The FailedScheduling message, built as kube-scheduler's FitError.Error() builds it:
 * a histogram of reasons sorted as strings (or a PreFilter plugin's message), then the
 * preemption plugin's own verdict.
 */
export function fitErrorMessage(verdicts: NodeVerdict[], unresolvable: Map<string, boolean>, preFilterMessage?: string): string {
  const total = verdicts.length
  let message: string
  if (preFilterMessage) {
    // A PreFilter plugin rejected the pod: its message stands in for the histogram.
    message = `0/${total} nodes are available: ${preFilterMessage}.`
  } else {
    const counts = new Map<string, number>()
    for (const v of verdicts) for (const r of v.reasons) counts.set(r, (counts.get(r) ?? 0) + 1)
    const reasons = [...counts].map(([r, n]) => `${n} ${r}`).sort()
    message = `0/${total} nodes are available: ${reasons.join(', ')}.`
  }

  const preemption = new Map<string, number>()
  for (const v of verdicts) {
    const why = unresolvable.get(v.node) ? 'Preemption is not helpful for scheduling' : 'No preemption victims found for incoming pod'
    preemption.set(why, (preemption.get(why) ?? 0) + 1)
  }
  const preemptionReasons = [...preemption].map(([r, n]) => `${n} ${r}`).sort()
  message += ` preemption: 0/${total} nodes are available: ${preemptionReasons.join(', ')}.`
  return message
}
