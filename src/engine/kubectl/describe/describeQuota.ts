import type { ResourceQuota } from '../../kinds/resourceQuota.ts'
import { formatExactQuantity, parseExactQuantity, withFormat, zeroQuantity } from '../../util/exactQuantity.ts'
import { DescribeWriter } from '../describeWriter.ts'

/** The help line kubectl prints under each scope (helpTextForResourceQuotaScope). */
const SCOPE_HELP: Record<string, string> = {
  Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
}

/** `kubectl describe quota` (describeQuota): used is shown in the hard amount's format. */
export function describeQuota(quota: ResourceQuota): string {
  const w = new DescribeWriter()
  w.write(0, `Name:\t${quota.metadata.name}\n`)
  w.write(0, `Namespace:\t${quota.metadata.namespace}\n`)
  const scopes = [...(quota.spec?.scopes ?? [])].sort()
  if (scopes.length > 0) {
    w.write(0, `Scopes:\t${scopes.join(', ')}\n`)
    for (const s of scopes) if (SCOPE_HELP[s]) w.write(0, ` * ${SCOPE_HELP[s]}\n`)
  }
  w.write(0, 'Resource\tUsed\tHard\n')
  w.write(0, '--------\t----\t----\n')
  const hard = quota.status?.hard ?? {}
  for (const resource of Object.keys(hard).sort()) {
    const hardQ = parseExactQuantity(hard[resource]) ?? zeroQuantity()
    let used = parseExactQuantity(quota.status?.used?.[resource] ?? '0') ?? zeroQuantity()
    if (used.format !== hardQ.format) used = withFormat(used, hardQ.format)
    w.write(0, `${resource}\t${formatExactQuantity(used)}\t${formatExactQuantity(hardQ)}\n`)
  }
  return w.toString()
}
