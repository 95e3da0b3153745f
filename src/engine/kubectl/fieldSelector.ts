import { ApiError } from '../api/errors.ts'
import type { ResourceType } from '../api/resources.ts'
import type { KubeObject } from '../api/types.ts'

/** Every kind's list accepts these field labels (the generic registry's DefaultClusterScopedAttr/DefaultNamespaceScopedAttr). */
const COMMON_FIELD_LABELS = ['metadata.name', 'metadata.namespace']

/** GroupVersionResource as client-go prints it in errors: `/v1, Resource=pods`, `apps/v1, Resource=deployments`. */
function gvr(r: ResourceType): string {
  return `${r.group}/${r.version}, Resource=${r.plural}`
}

/**
 * `--field-selector involvedObject.name=big,status.phase!=Running` as a predicate. The
 * API server parses it and accepts only the kind's field labels; kubectl wraps its
 * refusal as cli-runtime's selector does.
 */
export function parseFieldSelector(text: string, resource: ResourceType, fieldLabels: string[] = []): (obj: KubeObject) => boolean {
  const refuse = (why: string) =>
    new ApiError('BadRequest', `Unable to find "${gvr(resource)}" that match label selector "", field selector "${text}": ${why}`)
  const terms = text
    .split(',')
    .filter(Boolean)
    .map((term) => {
      const m = /^([\w.]+)\s*(!=|==|=)\s*(.*)$/.exec(term.trim())
      if (!m) throw refuse(`invalid selector: '${text}'; can't understand '${term}'`)
      if (!COMMON_FIELD_LABELS.includes(m[1]) && !fieldLabels.includes(m[1])) throw refuse(`field label not supported: ${m[1]}`)
      return { path: m[1].split('.'), negate: m[2] === '!=', value: m[3] }
    })
  return (obj) =>
    terms.every(({ path, negate, value }) => {
      let v: unknown = obj
      for (const p of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined
      const actual = v === undefined || v === null ? '' : String(v)
      return negate ? actual !== value : actual === value
    })
}
