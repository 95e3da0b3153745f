import type { LabelSelector } from '../api/types.ts'

/** Does a label selector (matchLabels AND matchExpressions) match these labels? */
export function selectorMatches(selector: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector) return false
  const l = labels ?? {}
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (l[k] !== v) return false
  for (const req of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, req.key)
    const values = req.values ?? []
    switch (req.operator) {
      case 'In':
        if (!has || !values.includes(l[req.key])) return false
        break
      case 'NotIn':
        if (has && values.includes(l[req.key])) return false
        break
      case 'Exists':
        if (!has) return false
        break
      case 'DoesNotExist':
        if (has) return false
        break
      default:
        return false
    }
  }
  return true
}

/** `app=web,tier=front`, sorted by key as kubectl prints selectors and labels. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const entries = Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return entries.length === 0 ? '<none>' : entries.map(([k, v]) => `${k}=${v}`).join(',')
}

/** A selector rendered as kubectl's SELECTOR column shows it. */
export function formatSelector(selector: LabelSelector | undefined): string {
  if (!selector) return '<none>'
  const parts: string[] = []
  for (const [k, v] of Object.entries(selector.matchLabels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) parts.push(`${k}=${v}`)
  for (const r of selector.matchExpressions ?? []) {
    if (r.operator === 'In') parts.push(`${r.key} in (${(r.values ?? []).join(',')})`)
    else if (r.operator === 'NotIn') parts.push(`${r.key} notin (${(r.values ?? []).join(',')})`)
    else if (r.operator === 'Exists') parts.push(r.key)
    else parts.push(`!${r.key}`)
  }
  return parts.length === 0 ? '<none>' : parts.join(',')
}

/**
 * Parses a kubectl `-l` selector (`app=web`, `tier!=db`, `env in (a,b)`, `!key`) into a
 * predicate over labels.
 */
export function parseSelectorExpression(text: string): ((labels: Record<string, string> | undefined) => boolean) | string {
  const parts = splitTopLevel(text)
  const tests: ((l: Record<string, string>) => boolean)[] = []
  for (const raw of parts) {
    const part = raw.trim()
    if (part === '') continue
    let m: RegExpExecArray | null
    if ((m = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/.exec(part))) {
      const [, k, op, v] = m
      tests.push(op === '!=' ? (l) => l[k] !== v : (l) => l[k] === v)
    } else if ((m = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part))) {
      const [, k, op, list] = m
      const values = list.split(',').map((s) => s.trim())
      tests.push(op === 'in' ? (l) => k in l && values.includes(l[k]) : (l) => !(k in l) || !values.includes(l[k]))
    } else if ((m = /^!([\w./-]+)$/.exec(part))) {
      const k = m[1]
      tests.push((l) => !(k in l))
    } else if ((m = /^([\w./-]+)$/.exec(part))) {
      const k = m[1]
      tests.push((l) => k in l)
    } else {
      return `unable to parse requirement: ${part}`
    }
  }
  return (labels) => tests.every((t) => t(labels ?? {}))
}

function splitTopLevel(text: string): string[] {
  const out: string[] = []
  let depth = 0
  let current = ''
  for (const ch of text) {
    if (ch === '(') depth++
    if (ch === ')') depth--
    if (ch === ',' && depth === 0) {
      out.push(current)
      current = ''
    } else current += ch
  }
  out.push(current)
  return out
}
