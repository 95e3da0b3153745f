import type { KubeObject } from '../../api/types.ts'
import type { Namespace } from '../../kinds/namespace.ts'
import { DescribeWriter, rfc1123z } from '../describeWriter.ts'
import { printAnnotationsMultiline, printLabelsMultiline } from './common.ts'

type Quantities = Record<string, string | number>

interface ResourceQuota extends KubeObject {
  spec?: { scopes?: string[] }
  status?: { hard?: Quantities; used?: Quantities }
}

interface LimitRange extends KubeObject {
  spec?: { limits?: { type: string; max?: Quantities; min?: Quantities; default?: Quantities; defaultRequest?: Quantities; maxLimitRequestRatio?: Quantities }[] }
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** `kubectl describe namespace` (describeNamespace), with its quota and limit sections. */
export function describeNamespace(ns: Namespace, quotas: readonly KubeObject[], limitRanges: readonly KubeObject[]): string {
  const w = new DescribeWriter()
  w.write(0, `Name:\t${ns.metadata.name}\n`)
  printLabelsMultiline(w, 'Labels', ns.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations)
  w.write(0, `Status:\t${ns.status?.phase ?? ''}\n`)
  const conditions = ns.status?.conditions ?? []
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n')
    w.write(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n')
    w.write(1, '----\t------\t------------------\t------\t-------\n')
    for (const c of conditions) w.write(1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`)
  }
  w.write(0, '\n')
  describeResourceQuotas(w, quotas as ResourceQuota[])
  w.write(0, '\n')
  describeLimitRanges(w, limitRanges as LimitRange[])
  return w.toString()
}

/** DescribeResourceQuotas: every quota's used and hard amounts, or that there is none. */
function describeResourceQuotas(w: DescribeWriter, quotas: ResourceQuota[]): void {
  if (quotas.length === 0) return w.write(0, 'No resource quota.\n')
  w.write(0, 'Resource Quotas\n')
  for (const q of [...quotas].sort((a, b) => byName(a.metadata.name, b.metadata.name))) {
    w.write(1, `Name:\t${q.metadata.name}\n`)
    const scopes = [...(q.spec?.scopes ?? [])].sort()
    if (scopes.length > 0) w.write(1, `Scopes:\t${scopes.join(', ')}\n`)
    w.write(1, 'Resource\tUsed\tHard\n')
    w.write(1, '--------\t---\t---\n')
    const hard = q.status?.hard ?? {}
    for (const resource of Object.keys(hard).sort(byName)) {
      w.write(1, `${resource}\t${q.status?.used?.[resource] ?? 0}\t${hard[resource]}\n`)
    }
  }
}

/** DescribeLimitRanges: one row per limit type and resource, `-` where a value is unset. */
function describeLimitRanges(w: DescribeWriter, limitRanges: LimitRange[]): void {
  if (limitRanges.length === 0) return w.write(0, 'No LimitRange resource.\n')
  w.write(0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n')
  w.write(0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n')
  for (const lr of limitRanges) {
    for (const item of lr.spec?.limits ?? []) {
      const sections = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio]
      const resources = [...new Set(sections.flatMap((s) => Object.keys(s ?? {})))].sort(byName)
      for (const r of resources) {
        const cells = sections.map((s) => (s?.[r] === undefined ? '-' : String(s[r])))
        w.write(0, ` ${item.type}\t${r}\t${cells.join('\t')}\n`)
      }
    }
  }
}
