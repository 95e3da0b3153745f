/**
 * The scheduler's verdict on a Pending pod, short enough for its chip:
 * `0/4 nodes are available: 1 node(s) had untolerated taint {…}, 3 Insufficient cpu. preemption: …`
 * becomes `1 node(s) had untolerated taint {…}, 3 Insufficient cpu`.
 */
export function pendingReason(message: string | undefined): string | undefined {
  if (!message) return undefined
  const verdict = message.split(' preemption: ')[0]
  const body = verdict.replace(/^0\/\d+ nodes are available: /, '')
  return body.endsWith('.') ? body.slice(0, -1) : body
}
