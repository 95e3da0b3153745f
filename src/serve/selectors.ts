import type { KubeObject } from '../engine/api/types.ts'
import { parseSelectorExpression } from '../engine/util/labels.ts'
import type { ServedResource } from './resources.ts'
import { ServeError } from './status.ts'

/** Field labels every kind accepts (the generic registry's default attributes). */
const COMMON_FIELD_LABELS = ['metadata.name', 'metadata.namespace']

/**
 * `labelSelector` and `fieldSelector` from a list or watch URL as one predicate; a
 * selector the server cannot parse, or a field label the kind does not offer, is a 400.
 */
export function objectFilter(resource: ServedResource, labelSelector: string | null, fieldSelector: string | null): (obj: KubeObject) => boolean {
  const tests: ((obj: KubeObject) => boolean)[] = []
  if (labelSelector) {
    const match = parseSelectorExpression(labelSelector)
    if (typeof match === 'string') throw new ServeError('BadRequest', `unable to parse requirement: ${match}`)
    tests.push((o) => match(o.metadata.labels))
  }
  if (fieldSelector) {
    const labels = [...COMMON_FIELD_LABELS, ...(resource.module.fieldLabels ?? [])]
    for (const term of fieldSelector.split(',').filter(Boolean)) {
      const m = /^([\w.]+)\s*(!=|==|=)\s*(.*)$/.exec(term.trim())
      if (!m) throw new ServeError('BadRequest', `invalid selector: '${fieldSelector}'; can't understand '${term}'`)
      if (!labels.includes(m[1])) throw new ServeError('BadRequest', `field label not supported: ${m[1]}`)
      const path = m[1].split('.')
      const negate = m[2] === '!='
      const value = m[3]
      tests.push((obj) => {
        let v: unknown = obj
        for (const p of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined
        const actual = v === undefined || v === null ? '' : String(v)
        return negate ? actual !== value : actual === value
      })
    }
  }
  return (obj) => tests.every((t) => t(obj))
}
