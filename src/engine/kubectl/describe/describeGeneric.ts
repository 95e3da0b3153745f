import type { KubeEvent, KubeObject } from '../../api/types.ts'
import { DescribeWriter } from '../describeWriter.ts'
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './common.ts'

const ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID']

/** fatih/camelcase.Split over letters and `-`: `holderIdentity` → holder, Identity; `HTTPServer` → HTTP, Server. */
function camelSplit(field: string): string[] {
  const runs: string[] = []
  const kind = (c: string) => (c === '-' ? 'o' : c === c.toUpperCase() && c !== c.toLowerCase() ? 'U' : 'l')
  for (const c of field) {
    const last = runs.at(-1)
    if (last !== undefined && kind(last.at(-1)!) === kind(c)) runs[runs.length - 1] += c
    else runs.push(c)
  }
  // An upper-case run followed by lower case gives its last letter to the next word.
  for (let i = 0; i < runs.length - 1; i++) {
    if (kind(runs[i][0]) === 'U' && kind(runs[i + 1][0]) === 'l' && runs[i].length > 1) {
      runs[i + 1] = runs[i].slice(-1) + runs[i + 1]
      runs[i] = runs[i].slice(0, -1)
    } else if (kind(runs[i][0]) === 'U' && kind(runs[i + 1][0]) === 'l') {
      runs[i + 1] = runs[i] + runs[i + 1]
      runs[i] = ''
    }
  }
  return runs.filter(Boolean)
}

/** smartLabelFor: `holderIdentity` → `Holder Identity`, `apiVersion` → `API Version`; names with other characters stay. */
export function smartLabelFor(field: string): string {
  if (/[^A-Za-z-]/.test(field)) return field
  return camelSplit(field)
    .filter((part) => part !== '_')
    .map((part) => (ACRONYMS.includes(part.toUpperCase()) ? part.toUpperCase() : part[0].toUpperCase() + part.slice(1).toLowerCase()))
    .join(' ')
}

/** Go's `%v` of a JSON scalar in an unstructured object. */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>'
  return String(v)
}

/** printUnstructuredContent: every field, keys sorted, maps and lists indented, skipping what the header printed. */
function printContent(w: DescribeWriter, level: number, content: Record<string, unknown>, prefix: string, skip: string[]): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field]
    if (value === undefined) continue
    const path = `${prefix}.${field}`
    if (skip.includes(path)) continue
    if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`)
      for (const child of value) {
        if (child && typeof child === 'object' && !Array.isArray(child)) printContent(w, level + 1, child as Record<string, unknown>, path, skip)
        else w.write(level + 1, `${Array.isArray(child) ? `[${child.map(goValue).join(' ')}]` : goValue(child)}\n`)
      }
    } else if (value && typeof value === 'object') {
      w.write(level, `${smartLabelFor(field)}:\n`)
      printContent(w, level + 1, value as Record<string, unknown>, path, skip)
    } else w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`)
  }
}

/** Kinds without a describer of their own: kubectl's genericDescriber prints the whole object. */
export function describeGeneric(obj: KubeObject, events: KubeEvent[], now: number): string {
  const w = new DescribeWriter()
  w.write(0, `Name:\t${obj.metadata.name}\n`)
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', obj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
  printContent(w, 0, obj as unknown as Record<string, unknown>, '', ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations'])
  describeEvents(w, events, now)
  return w.toString()
}
