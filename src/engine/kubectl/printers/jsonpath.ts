/**
 * kubectl's JSONPath dialect (k8s.io/client-go/util/jsonpath): a template of literal text and
 * `{…}` actions — fields, `[i]`/`[a:b:c]`/`[*]` slices, unions, `[?(@.k=="v")]` filters, `..`
 * recursive descent, quoted text, `range … end`. Evaluated over plain JSON (objects whose keys
 * are sorted, as kubectl's unstructured maps print). Errors carry upstream's texts.
 */
import { goSyntax, goValue, goTypeName, goJson } from './goFormat.ts'

type Json = unknown

interface Param {
  known: boolean
  value: number
  derived: boolean
}

type Node =
  | { t: 'list'; nodes: Node[] }
  | { t: 'text'; text: string }
  | { t: 'field'; name: string }
  | { t: 'array'; params: [Param, Param, Param] }
  | { t: 'filter'; left: Node & { t: 'list' }; right: Node & { t: 'list' }; op: string }
  | { t: 'int'; value: number }
  | { t: 'float'; value: number }
  | { t: 'bool'; value: boolean }
  | { t: 'wildcard' }
  | { t: 'recursive' }
  | { t: 'union'; lists: (Node & { t: 'list' })[] }
  | { t: 'identifier'; name: string }

type ListNode = Node & { t: 'list' }

export class JsonPathError extends Error {}

const newList = (): ListNode => ({ t: 'list', nodes: [] })

const isTerminator = (r: string) => r === '' || ' \t\r\n.,[]$@{}'.includes(r)
const isAlphaNumeric = (r: string) => /^[\p{L}\p{Nd}_]$/u.test(r)
const isDigit = (r: string) => /^\p{Nd}$/u.test(r)

/** Parses a template (upstream parser.go, one rune at a time). */
class Parser {
  root = newList()
  private pos = 0
  private start = 0
  private width = 0
  constructor(private readonly input: string) {}

  parse(): ListNode {
    this.parseText(this.root)
    return this.root
  }

  private consume(): string {
    const v = this.input.slice(this.start, this.pos)
    this.start = this.pos
    return v
  }
  private next(): string {
    if (this.pos >= this.input.length) {
      this.width = 0
      return ''
    }
    const r = String.fromCodePoint(this.input.codePointAt(this.pos)!)
    this.width = r.length
    this.pos += r.length
    return r
  }
  private peek(): string {
    const r = this.next()
    this.pos -= this.width
    return r
  }
  private backup() {
    this.pos -= this.width
  }
  private rest(): string {
    return this.input.slice(this.pos)
  }

  private parseText(cur: ListNode): void {
    for (;;) {
      if (this.rest().startsWith('{')) {
        if (this.pos > this.start) cur.nodes.push({ t: 'text', text: this.consume() })
        this.pos += 1
        this.consume()
        const action = newList()
        cur.nodes.push(action)
        return this.parseInsideAction(action)
      }
      if (this.next() === '') break
    }
    if (this.pos > this.start) cur.nodes.push({ t: 'text', text: this.consume() })
  }

  private parseInsideAction(cur: ListNode): void {
    for (;;) {
      const rest = this.rest()
      if (rest.startsWith('}')) {
        this.pos += 1
        this.consume()
        return this.parseText(this.root)
      }
      if (rest.startsWith('[?(')) {
        this.parseFilter(cur)
        continue
      }
      if (rest.startsWith('..')) {
        this.parseRecursive(cur)
        continue
      }
      const r = this.next()
      if (r === '' || r === '\r' || r === '\n') throw new JsonPathError('unclosed action')
      else if (r === ' ' || r === '@' || r === '$') this.consume()
      else if (r === '[') this.parseArray(cur)
      else if (r === '"' || r === "'") this.parseQuote(cur, r)
      else if (r === '.') this.parseField(cur)
      else if (r === '+' || r === '-' || isDigit(r)) {
        this.backup()
        this.parseNumber(cur)
      } else if (isAlphaNumeric(r)) {
        this.backup()
        this.parseIdentifier(cur)
      } else {
        const code = r.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')
        throw new JsonPathError(`unrecognized character in action: U+${code} '${r}'`)
      }
    }
  }

  private parseIdentifier(cur: ListNode) {
    while (!isTerminator(this.next()));
    this.backup()
    const value = this.consume()
    if (value === 'true' || value === 'false') cur.nodes.push({ t: 'bool', value: value === 'true' })
    else cur.nodes.push({ t: 'identifier', name: value })
  }

  private parseRecursive(cur: ListNode) {
    if (cur.nodes.at(-1)?.t === 'recursive') throw new JsonPathError('invalid multiple recursive descent')
    this.pos += 2
    this.consume()
    cur.nodes.push({ t: 'recursive' })
    if (isAlphaNumeric(this.peek())) this.parseField(cur)
  }

  private parseNumber(cur: ListNode) {
    const r = this.peek()
    if (r === '+' || r === '-') this.next()
    for (;;) {
      const c = this.next()
      if (c !== '.' && !isDigit(c)) {
        this.backup()
        break
      }
    }
    const value = this.consume()
    if (/^[+-]?\d+$/.test(value)) cur.nodes.push({ t: 'int', value: Number(value) })
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) cur.nodes.push({ t: 'float', value: Number(value) })
    else throw new JsonPathError(`cannot parse number ${value}`)
  }

  private parseArray(cur: ListNode) {
    for (;;) {
      const r = this.next()
      if (r === '' || r === '\n') throw new JsonPathError('unterminated array')
      if (r === ']') break
    }
    let text = this.consume().slice(1, -1)
    if (text === '*') text = ':'
    const parts = text.split(',')
    if (parts.length > 1) {
      cur.nodes.push({ t: 'union', lists: parts.map((p) => parseAction(`[${p.trim()}]`)) })
      return
    }
    const dictKey = /^'([^']*)'$/.exec(text)
    if (dictKey) {
      cur.nodes.push(...parseAction(`.${dictKey[1]}`).nodes)
      return
    }
    const slice = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/.exec(text)
    if (!slice) throw new JsonPathError(`invalid array index ${text}`)
    const params: Param[] = []
    for (let i = 0; i < 3; i++) {
      let v = slice[i + 1] ?? ''
      if (v !== '') {
        if (i > 0) v = v.slice(1)
        if (i > 0 && v === '') params.push({ known: false, value: 0, derived: false })
        else {
          if (!/^[+-]?\d+$/.test(v)) throw new JsonPathError(`array index ${v} is not a number`)
          params.push({ known: true, value: Number(v), derived: false })
        }
      } else if (i === 1) params.push({ known: true, value: params[0].value + 1, derived: true })
      else params.push({ known: false, value: 0, derived: false })
    }
    cur.nodes.push({ t: 'array', params: params as [Param, Param, Param] })
  }

  private parseFilter(cur: ListNode) {
    this.pos += 3
    this.consume()
    let begin = false
    let end = false
    let pair = ''
    for (;;) {
      const r = this.next()
      if (r === '' || r === '\n') throw new JsonPathError('unterminated filter')
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true
          pair = r
          continue
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true
      } else if (r === ')' && begin === end) break
    }
    if (this.next() !== ']') throw new JsonPathError('unclosed array expect ]')
    const text = this.consume().slice(0, -2)
    const m = /^([^!<>=]+)([!<>=~]+)(.+?)$/s.exec(text)
    if (!m) cur.nodes.push({ t: 'filter', left: parseAction(text), right: newList(), op: 'exists' })
    else cur.nodes.push({ t: 'filter', left: parseAction(m[1]), right: parseAction(m[3]), op: m[2] })
  }

  private parseQuote(cur: ListNode, quote: string) {
    for (;;) {
      const r = this.next()
      if (r === '' || r === '\n') throw new JsonPathError('unterminated quoted string')
      if (r === quote && this.input[this.pos - 2] !== '\\') break
    }
    const value = this.consume()
    const text = unquote(value)
    if (text === undefined) throw new JsonPathError(`unquote string ${value} error invalid syntax`)
    cur.nodes.push({ t: 'text', text })
  }

  private parseField(cur: ListNode) {
    this.consume()
    for (;;) {
      const r = this.next()
      if (r === '\\') this.next()
      else if (isTerminator(r)) {
        this.backup()
        break
      }
    }
    const value = this.consume()
    cur.nodes.push(value === '*' ? { t: 'wildcard' } : { t: 'field', name: value.replaceAll('\\', '') })
  }
}

/** The expression inside one action, e.g. a filter's operand. */
function parseAction(text: string): ListNode {
  const root = new Parser(`{${text}}`).parse()
  const first = root.nodes[0]
  if (first?.t !== 'list') throw new JsonPathError('unclosed action')
  return first
}

/** Go's strconv.Unquote, extended to single-quoted strings. Undefined on bad syntax. */
function unquote(s: string): string | undefined {
  const quote = s[0]
  if (s.length < 2 || s.at(-1) !== quote) return undefined
  const body = s.slice(1, -1)
  const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' }
  let out = ''
  for (let i = 0; i < body.length; i++) {
    const c = body[i]
    if (c === quote) return undefined
    if (c !== '\\') {
      out += c
      continue
    }
    const e = body[++i]
    if (e === undefined) return undefined
    if (e in simple) out += simple[e]
    else if (e === quote) out += e
    else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8
      const hex = body.slice(i + 1, i + 1 + n)
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) return undefined
      out += String.fromCodePoint(parseInt(hex, 16))
      i += n
    } else if (/[0-7]/.test(e)) {
      const oct = body.slice(i, i + 3)
      if (!/^[0-7]{3}$/.test(oct)) return undefined
      out += String.fromCharCode(parseInt(oct, 8))
      i += 2
    } else return undefined
  }
  return out
}

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Children in the order Go visits them: map values by sorted key, elements, a string's bytes. */
function children(v: Json): Json[] {
  if (Array.isArray(v)) return v
  if (isObject(v)) return Object.keys(v).sort().map((k) => v[k])
  if (typeof v === 'string') return [...new TextEncoder().encode(v)]
  return []
}

/** A value's kind for filter comparisons (text/template's basicKind). */
function basicKind(v: Json): string | undefined {
  if (typeof v === 'string') return 'string'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float'
  return undefined
}

function compare(op: string, left: Json, right: Json): boolean {
  if (op === '=~') {
    if (typeof left !== 'string' || typeof right !== 'string') {
      throw new JsonPathError(`regexp search only support string now but getting pattern: ${goSyntax(right)}, data: ${goSyntax(left)}`)
    }
    let re: RegExp
    try {
      re = new RegExp(right)
    } catch {
      throw new JsonPathError(`error parsing regexp: invalid pattern: \`${right}\``)
    }
    return re.test(left)
  }
  const k1 = basicKind(left)
  const k2 = basicKind(right)
  if (!k1 || !k2) throw new JsonPathError('invalid type for comparison')
  if (k1 !== k2) throw new JsonPathError('incompatible types for comparison')
  const a = left as string | number | boolean
  const b = right as string | number | boolean
  if (op === '==') return a === b
  if (op === '!=') return a !== b
  if (k1 === 'bool') throw new JsonPathError('invalid type for comparison')
  switch (op) {
    case '<':
      return a < b
    case '>':
      return a > b
    case '<=':
      return a <= b
    case '>=':
      return a >= b
  }
  throw new JsonPathError(`unrecognized filter operator ${op}`)
}

export interface JsonPathOptions {
  allowMissingKeys: boolean
  /** `-o jsonpath-as-json`: each action's results as an indented JSON array. */
  outputJson?: boolean
}

/** A parsed template; `execute` evaluates it against one object. */
export class JsonPath {
  private readonly root: ListNode
  private beginRange = 0
  private inRange = 0
  private endRange = 0
  private lastEndNode = -1

  /** Throws JsonPathError when the template does not parse. */
  constructor(
    template: string,
    private readonly options: JsonPathOptions,
  ) {
    this.root = new Parser(template).parse()
  }

  /** The printed results; throws JsonPathError. */
  execute(data: Json): string {
    this.beginRange = this.inRange = this.endRange = 0
    this.lastEndNode = -1
    return this.findResults(data).map((r) => this.printResults(r)).join('')
  }

  /** Each action's values (the first one is what --sort-by and custom-columns look at). */
  findResults(data: Json, from = 0): Json[][] {
    const nodes = this.root.nodes
    const full: Json[][] = []
    for (let i = from; i < nodes.length; i++) {
      const results = this.walk([data], nodes[i])
      // An `end` closes the innermost range: the caller picks up after it.
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--
        this.lastEndNode = i
        break
      }
      if (this.beginRange > 0) {
        this.beginRange--
        this.inRange++
        if (results.length > 0) for (const value of results) full.push(...this.findResults(value, i + 1))
        else this.findResults(null, i + 1)
        this.inRange--
        for (let k = i + 1; k < nodes.length; k++) {
          if (k === this.lastEndNode) {
            i = k
            break
          }
        }
        continue
      }
      full.push(results)
    }
    return full
  }

  private printResults(results: Json[]): string {
    if (this.options.outputJson) return goJson(results, true) + '\n'
    return results
      .map((r) => {
        if (typeof r === 'object' && r !== null) return goJson(r, false)
        if (r === null || r === undefined) return 'null'
        return goValue(r)
      })
      .join(' ')
  }

  private walk(input: Json[], node: Node): Json[] {
    switch (node.t) {
      case 'list': {
        let cur = input
        for (const n of node.nodes) cur = this.walk(cur, n)
        return cur
      }
      case 'text':
        return [node.text]
      case 'int':
      case 'float':
      case 'bool':
        return input.map(() => node.value)
      case 'field':
        return this.evalField(input, node.name)
      case 'array':
        return this.evalArray(input, node.params)
      case 'filter':
        return this.evalFilter(input, node)
      case 'wildcard':
        return input.flatMap((v) => (v === null || v === undefined ? [] : children(v)))
      case 'recursive':
        return this.evalRecursive(input)
      case 'union':
        return node.lists.flatMap((l) => this.walk(input, l))
      case 'identifier':
        if (node.name === 'range') {
          this.beginRange++
          return input
        }
        if (node.name === 'end') {
          if (this.inRange > 0) {
            this.endRange++
            return []
          }
          throw new JsonPathError('not in range, nothing to end')
        }
        throw new JsonPathError(`unrecognized identifier ${node.name}`)
    }
  }

  private evalField(input: Json[], name: string): Json[] {
    const results: Json[] = []
    if (input.length === 0) return results
    for (const value of input) {
      if (isObject(value) && Object.hasOwn(value, name) && value[name] !== undefined) results.push(value[name])
    }
    if (results.length === 0 && !this.options.allowMissingKeys) throw new JsonPathError(`${name} is not found`)
    return results
  }

  private evalArray(input: Json[], params: [Param, Param, Param]): Json[] {
    const result: Json[] = []
    for (const value of input) {
      if (value === null || value === undefined) continue
      if (!Array.isArray(value)) throw new JsonPathError(`${goTypeName(value)} is not array or slice`)
      const len = value.length
      let start = params[0].known ? params[0].value : 0
      if (start < 0) start += len
      let end = params[1].known ? params[1].value : len
      if (end < 0 || (end === 0 && params[1].derived)) end += len
      if (end === start) return result
      if (start >= len || start < 0) throw new JsonPathError(`array index out of bounds: index ${start}, length ${len}`)
      if (end > len || end < 0) throw new JsonPathError(`array index out of bounds: index ${end - 1}, length ${len}`)
      if (start > end) throw new JsonPathError(`starting index ${start} is greater than ending index ${end}`)
      let step = 1
      if (params[2].known) {
        if (params[2].value <= 0) throw new JsonPathError('step must be > 0')
        step = params[2].value
      }
      for (let i = start; i < end; i += step) result.push(value[i])
    }
    return result
  }

  private evalFilter(input: Json[], node: Node & { t: 'filter' }): Json[] {
    const results: Json[] = []
    for (const value of input) {
      if (!Array.isArray(value)) throw new JsonPathError(`${goValue(value)} is not array or slice and cannot be filtered`)
      for (const item of value) {
        let lefts: Json[]
        try {
          lefts = this.walk([item], node.left)
        } catch (e) {
          if (node.op === 'exists') continue
          throw e
        }
        if (node.op === 'exists') {
          if (lefts.length > 0) results.push(item)
          continue
        }
        if (lefts.length === 0) continue
        if (lefts.length > 1) throw new JsonPathError('can only compare one element at a time')
        const rights = this.walk([item], node.right)
        if (rights.length === 0) continue
        if (rights.length > 1) throw new JsonPathError('can only compare one element at a time')
        if (compare(node.op, lefts[0], rights[0])) results.push(item)
      }
    }
    return results
  }

  private evalRecursive(input: Json[]): Json[] {
    const result: Json[] = []
    for (const value of input) {
      if (value === null || value === undefined) continue
      const kids = children(value)
      if (kids.length === 0) continue
      result.push(value)
      // A string's bytes have no children of their own.
      if (typeof value !== 'string') result.push(...this.evalRecursive(kids))
    }
    return result
  }
}

/**
 * kubectl's wrapper around an execution error (cli-runtime JSONPathPrinter.PrintObj):
 * the template and the whole object, in Go syntax.
 */
export function jsonPathExecutionError(template: string, err: string, data: Json): string {
  return (
    `error executing jsonpath ${JSON.stringify(template)}: Error executing template: ${err}. Printing more information for debugging the template:\n` +
    `\ttemplate was:\n\t\t${template}\n` +
    `\tobject given to jsonpath engine was:\n\t\t${goSyntax(data)}\n\n\n`
  )
}

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/

/** `.a.b`, `a.b`, `{a.b}` or `{.a.b}` as a template (kubectl get's RelaxedJSONPathExpression). */
export function relaxedJsonPath(expression: string): string {
  if (expression === '') return expression
  const m = RELAXED.exec(expression)
  if (!m) throw new JsonPathError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'")
  return `{.${m[1] || m[2]}}`
}
