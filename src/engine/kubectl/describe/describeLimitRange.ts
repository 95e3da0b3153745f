import type { LimitRange } from '../../kinds/limitRange.ts'
import { DescribeWriter } from '../describeWriter.ts'

const FIELDS = ['min', 'max', 'defaultRequest', 'default', 'maxLimitRequestRatio'] as const

/**
 * `kubectl describe limitrange` (describeLimitRange): one row per item and resource,
 * `-` where the item sets nothing. kubectl walks a Go map, so its row order varies;
 * kubesim sorts resources by name.
 */
export function describeLimitRange(lr: LimitRange): string {
  const w = new DescribeWriter()
  w.write(0, `Name:\t${lr.metadata.name}\n`)
  w.write(0, `Namespace:\t${lr.metadata.namespace}\n`)
  w.write(0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n')
  w.write(0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n')
  for (const item of lr.spec.limits ?? []) {
    const resources = new Set(FIELDS.flatMap((f) => Object.keys(item[f] ?? {})))
    for (const r of [...resources].sort()) {
      const cells = FIELDS.map((f) => (item[f]?.[r] !== undefined ? String(item[f]![r]) : '-'))
      w.write(0, `${item.type ?? ''}\t${r}\t${cells.join('\t')}\n`)
    }
  }
  return w.toString()
}
