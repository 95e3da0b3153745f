import type { NodeVerdict } from './decision.ts'

/**
 * The FailedScheduling message, built as kube-scheduler's FitError.Error() builds it:
 * a histogram of reasons sorted as strings (or a PreFilter plugin's message), then the
 * preemption plugin's own verdict.
 */
export function fitErrorMessage(verdicts: NodeVerdict[], preFilterMessage: string | undefined, postFilterMessage: string): string {
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

  // The PostFilter (preemption) message, when it has one; a successful preemption has none.
  if (postFilterMessage) message += ` ${postFilterMessage}`
  return message
}
