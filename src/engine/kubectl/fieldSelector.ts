import type { KubeObject } from '../api/types.ts'

/** `--field-selector involvedObject.name=big,status.phase!=Running` as a predicate. */
export function parseFieldSelector(text: string): (obj: KubeObject) => boolean {
  const terms = text
    .split(',')
    .filter(Boolean)
    .map((term) => {
      const m = /^([\w.]+)\s*(!=|==|=)\s*(.*)$/.exec(term.trim())
      if (!m) throw new Error(`invalid selector: '${text}'; can't understand '${term}'`)
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
