/**
 * The common part of Go's text/template as kubectl's go-template printer runs it over an
 * object decoded from JSON: fields (`{{.metadata.name}}`), `range`/`if`/`with`/`else`/`end`,
 * string literals (`{{"\n"}}`), and the functions index, len, printf, print, not, eq, ne.
 * Missing keys print `<no value>` (missingkey=default) unless they are to be errors.
 */
export class GoTemplateError extends Error {}

type Node =
  | { t: 'text'; text: string }
  | { t: 'action'; pipe: string }
  | { t: 'range' | 'if' | 'with'; pipe: string; body: Node[]; otherwise: Node[] }

interface Token {
  text?: string
  action?: string
  line: number
}

function lex(src: string): Token[] {
  const out: Token[] = []
  let i = 0
  let line = 1
  while (i < src.length) {
    const open = src.indexOf('{{', i)
    if (open < 0) {
      out.push({ text: src.slice(i), line })
      break
    }
    let text = src.slice(i, open)
    const trimLeft = src.startsWith('{{- ', open)
    if (trimLeft) text = text.replace(/\s+$/, '')
    if (text) out.push({ text, line })
    line += (src.slice(i, open).match(/\n/g) ?? []).length
    let j = open + (trimLeft ? 3 : 2)
    let quote = ''
    while (j < src.length) {
      const c = src[j]
      if (quote) {
        if (c === '\\' && quote === '"') j++
        else if (c === quote) quote = ''
      } else if (c === '"' || c === '`' || c === "'") quote = c
      else if (src.startsWith('}}', j)) break
      j++
    }
    if (j >= src.length) {
      // The lexer stops at a lone `}` before it reaches the end.
      const brace = src.indexOf('}', open + 2)
      if (brace >= 0) throw new GoTemplateError(`template: output:${line}: unrecognized character in action: U+007D '}'`)
      throw new GoTemplateError(`template: output:${line}: unclosed action`)
    }
    let body = src.slice(open + (trimLeft ? 3 : 2), j)
    let end = j + 2
    if (body.endsWith(' -')) {
      body = body.slice(0, -2)
      while (end < src.length && /\s/.test(src[end])) end++
    }
    line += (body.match(/\n/g) ?? []).length
    if (!/^\s*\/\*[\s\S]*\*\/\s*$/.test(body)) out.push({ action: body.trim(), line })
    i = end
  }
  return out
}

function parse(tokens: Token[]): Node[] {
  let pos = 0
  const block = (inside: string | null): { body: Node[]; otherwise: Node[] } => {
    const body: Node[] = []
    let otherwise: Node[] | null = null
    while (pos < tokens.length) {
      const tok = tokens[pos++]
      const target = otherwise ?? body
      if (tok.text !== undefined) {
        target.push({ t: 'text', text: tok.text })
        continue
      }
      const a = tok.action!
      if (a === '') throw new GoTemplateError(`template: output:${tok.line}: missing value for command`)
      if (a === 'end') {
        if (!inside) throw new GoTemplateError(`template: output:${tok.line}: unexpected {{end}}`)
        return { body, otherwise: otherwise ?? [] }
      }
      if (a === 'else') {
        if (!inside || otherwise) throw new GoTemplateError(`template: output:${tok.line}: unexpected {{else}}`)
        otherwise = []
        continue
      }
      const m = /^(range|if|with)\b\s*(.*)$/s.exec(a)
      if (m) {
        if (!m[2]) throw new GoTemplateError(`template: output:${tok.line}: missing value for ${m[1]}`)
        const inner = block(m[1])
        target.push({ t: m[1] as 'range', pipe: m[2], ...inner })
        continue
      }
      target.push({ t: 'action', pipe: a })
    }
    if (inside) throw new GoTemplateError(`template: output:${tokens.at(-1)?.line ?? 1}: unexpected EOF`)
    return { body, otherwise: [] }
  }
  return block(null).body
}

/** Splits a command into its words: strings, parenthesised pipelines and plain words. */
function words(cmd: string): string[] {
  const out: string[] = []
  let i = 0
  while (i < cmd.length) {
    if (/\s/.test(cmd[i])) {
      i++
      continue
    }
    let j = i
    if (cmd[i] === '"' || cmd[i] === '`') {
      const q = cmd[i]
      j++
      while (j < cmd.length && cmd[j] !== q) j += cmd[j] === '\\' && q === '"' ? 2 : 1
      j++
    } else if (cmd[i] === '(') {
      let depth = 0
      do {
        if (cmd[j] === '(') depth++
        if (cmd[j] === ')') depth--
        j++
      } while (j < cmd.length && depth > 0)
    } else while (j < cmd.length && !/\s/.test(cmd[j])) j++
    out.push(cmd.slice(i, j))
    i = j
  }
  return out
}

const MISSING = Symbol('missing')

/** Go's %v of a value decoded from JSON. */
export function goPrint(v: unknown): string {
  if (v === MISSING || v === undefined) return '<no value>'
  if (v === null) return '<nil>'
  if (typeof v === 'number') return goFloat(v)
  if (Array.isArray(v)) return `[${v.map(goPrint).join(' ')}]`
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>
    return `map[${Object.keys(o).sort().map((k) => `${k}:${goPrint(o[k])}`).join(' ')}]`
  }
  return String(v)
}

/** fmt's %v of a float64 (strconv 'g', shortest): exponent form below 1e-4 and from 1e+06 on. */
function goFloat(f: number): string {
  if (f === 0) return '0'
  const exp = Math.floor(Math.log10(Math.abs(f)))
  if (exp >= -4 && exp < 6) return String(f)
  const [mant, e] = f.toExponential().split('e')
  const n = Number(e)
  return `${mant}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`
}

function truthy(v: unknown): boolean {
  if (v === MISSING || v === undefined || v === null || v === false || v === 0 || v === '') return false
  if (Array.isArray(v)) return v.length > 0
  if (typeof v === 'object') return Object.keys(v as object).length > 0
  return true
}

export interface GoTemplateOptions {
  allowMissingKeys: boolean
}

export class GoTemplate {
  private nodes: Node[]

  constructor(
    source: string,
    private readonly options: GoTemplateOptions,
  ) {
    this.nodes = parse(lex(source))
  }

  execute(data: unknown): string {
    return this.run(this.nodes, data, data)
  }

  private run(nodes: Node[], dot: unknown, root: unknown): string {
    let out = ''
    for (const n of nodes) {
      if (n.t === 'text') out += n.text
      else if (n.t === 'action') out += goPrint(this.pipeline(n.pipe, dot, root))
      else {
        const v = this.pipeline(n.pipe, dot, root)
        if (n.t === 'if') out += this.run(truthy(v) ? n.body : n.otherwise, dot, root)
        else if (n.t === 'with') out += truthy(v) ? this.run(n.body, v, root) : this.run(n.otherwise, dot, root)
        else {
          const items = Array.isArray(v) ? v : v && typeof v === 'object' ? Object.keys(v).sort().map((k) => (v as Record<string, unknown>)[k]) : []
          if (v !== MISSING && v !== undefined && v !== null && typeof v !== 'object') throw new GoTemplateError(`range can't iterate over ${goPrint(v)}`)
          out += items.length === 0 ? this.run(n.otherwise, dot, root) : items.map((item) => this.run(n.body, item, root)).join('')
        }
      }
    }
    return out
  }

  private pipeline(pipe: string, dot: unknown, root: unknown): unknown {
    let value: unknown = MISSING
    let first = true
    for (const cmd of pipe.split(/\|(?=(?:[^"]*"[^"]*")*[^"]*$)/)) {
      const args = words(cmd.trim())
      if (!first) args.push('\u0000piped')
      value = this.command(args, dot, root, value)
      first = false
    }
    return value
  }

  private command(args: string[], dot: unknown, root: unknown, piped: unknown): unknown {
    const values = () => args.slice(1).map((a) => (a === '\u0000piped' ? piped : this.operand(a, dot, root)))
    switch (args[0]) {
      case 'index': {
        const [base, ...keys] = values()
        let v = base
        for (const k of keys) {
          if (v === null || v === undefined || v === MISSING) return MISSING
          v = Array.isArray(v) ? v[Number(k)] : (v as Record<string, unknown>)[String(k)]
          if (v === undefined) v = MISSING
        }
        return v
      }
      case 'len': {
        const [v] = values()
        if (Array.isArray(v) || typeof v === 'string') return v.length
        if (v && typeof v === 'object') return Object.keys(v).length
        throw new GoTemplateError(`error calling len: len of type ${v === null ? '<nil>' : typeof v}`)
      }
      case 'not':
        return !truthy(values()[0])
      case 'eq': {
        const [a, ...rest] = values()
        return rest.some((b) => a === b)
      }
      case 'ne': {
        const [a, b] = values()
        return a !== b
      }
      case 'and': {
        const vs = values()
        return vs.find((v) => !truthy(v)) ?? vs.at(-1)
      }
      case 'or': {
        const vs = values()
        return vs.find((v) => truthy(v)) ?? vs.at(-1)
      }
      case 'print':
        return values().map(goPrint).join('')
      case 'println':
        return values().map(goPrint).join(' ') + '\n'
      case 'printf': {
        const [format, ...rest] = values()
        let k = 0
        return String(format).replace(/%[-+# 0]*\d*(?:\.\d+)?([vsdqf%])/g, (_m, verb: string) => {
          if (verb === '%') return '%'
          const v = rest[k++]
          if (verb === 'q') return JSON.stringify(goPrint(v))
          return goPrint(v)
        })
      }
    }
    if (args.length > 1 && !args.includes('\u0000piped')) throw new GoTemplateError(`can't give argument to non-function ${args[0]}`)
    return args[0] === '\u0000piped' ? piped : this.operand(args[0], dot, root)
  }

  private operand(word: string, dot: unknown, root: unknown): unknown {
    if (word.startsWith('"')) {
      try {
        return JSON.parse(word) as string
      } catch {
        throw new GoTemplateError(`malformed string literal: ${word}`)
      }
    }
    if (word.startsWith('`')) return word.slice(1, -1)
    if (word.startsWith('(')) return this.pipeline(word.slice(1, -1), dot, root)
    if (/^-?\d+(\.\d+)?$/.test(word)) return Number(word)
    if (word === 'true' || word === 'false') return word === 'true'
    if (word === 'nil') return null
    let base: unknown
    let path: string
    if (word === '.') return dot
    if (word.startsWith('$')) {
      base = root
      path = word.slice(1)
    } else if (word.startsWith('.')) {
      base = dot
      path = word
    } else throw new GoTemplateError(`function "${word}" not defined`)
    let v = base
    for (const key of path.split('.').filter(Boolean)) {
      if (v === MISSING || v === undefined || v === null) return MISSING
      if (typeof v !== 'object' || Array.isArray(v)) throw new GoTemplateError(`can't evaluate field ${key} in type ${Array.isArray(v) ? '[]interface {}' : typeof v === 'string' ? 'string' : 'interface {}'}`)
      const next = (v as Record<string, unknown>)[key]
      if (next === undefined) {
        if (!this.options.allowMissingKeys) throw new GoTemplateError(`map has no entry for key "${key}"`)
        return MISSING
      }
      v = next
    }
    return v
  }
}
