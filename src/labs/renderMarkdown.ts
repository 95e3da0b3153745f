/**
 * The Markdown a lab is written in, parsed to a small tree the app renders with React.
 *
 * Why not a library: the tree holds text, never HTML, and React puts text into the page
 * as text, so raw HTML in a lab (`<script>`, `<img onerror=…>`) can only ever show as
 * the characters it is made of: safety is by construction, with no sanitizer to keep
 * up to date, and no dependency to add. What a lab needs is small: headings,
 * paragraphs, emphasis, inline code, code blocks, lists, quotes and links. Links go
 * only to relative addresses or https (opened with rel=noopener); images are not
 * loaded, their alt text is shown.
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'em'; children: Inline[] }
  | { type: 'strong'; children: Inline[] }
  /** `external`: an https address, opened in a new tab with rel="noopener noreferrer". */
  | { type: 'link'; href: string; external: boolean; children: Inline[] }
  | { type: 'break' }

export type Block =
  | { type: 'heading'; level: number; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'code'; lang: string; text: string }
  | { type: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { type: 'quote'; children: Block[] }
  | { type: 'rule' }

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/
const HEADING = /^ {0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$/
const RULE = /^ {0,3}([-*_])(\s*\1){2,}\s*$/
const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])( +|$)(.*)$/
const QUOTE = /^ {0,3}> ?(.*)$/

const isBlank = (line: string) => line.trim() === ''

/** Whether a line starts a block other than a paragraph (so it ends a paragraph). */
function startsBlock(line: string): boolean {
  return FENCE_OPEN.test(line) || HEADING.test(line) || RULE.test(line) || LIST_ITEM.test(line) || QUOTE.test(line)
}

/** Parses Markdown into blocks. */
export function renderMarkdown(source: string): Block[] {
  return parseBlocks(source.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n'))
}

function parseBlocks(lines: string[]): Block[] {
  const blocks: Block[] = []
  let i = 0
  while (i < lines.length) {
    const line = lines[i]
    if (isBlank(line)) {
      i++
      continue
    }
    const fence = FENCE_OPEN.exec(line)
    if (fence) {
      const marks = fence[1]
      const indent = line.length - line.trimStart().length
      const body: string[] = []
      i++
      while (i < lines.length && !new RegExp(`^ {0,3}${marks[0] === '`' ? '`' : '~'}{${marks.length},}\\s*$`).test(lines[i])) {
        body.push(lines[i].replace(new RegExp(`^ {0,${indent}}`), ''))
        i++
      }
      i++ // the closing fence (or the end)
      blocks.push({ type: 'code', lang: fence[2], text: body.join('\n') })
      continue
    }
    const heading = HEADING.exec(line)
    if (heading) {
      blocks.push({ type: 'heading', level: heading[1].length, children: parseInline(heading[2] ?? '') })
      i++
      continue
    }
    if (RULE.test(line)) {
      blocks.push({ type: 'rule' })
      i++
      continue
    }
    if (QUOTE.test(line)) {
      const inner: string[] = []
      while (i < lines.length && !isBlank(lines[i]) && (QUOTE.test(lines[i]) || !startsBlock(lines[i]))) {
        inner.push(QUOTE.exec(lines[i])?.[1] ?? lines[i])
        i++
      }
      blocks.push({ type: 'quote', children: parseBlocks(inner) })
      continue
    }
    const item = LIST_ITEM.exec(line)
    if (item) {
      i = parseList(lines, i, blocks)
      continue
    }
    const paragraph: string[] = []
    while (i < lines.length && !isBlank(lines[i]) && (paragraph.length === 0 || !startsBlock(lines[i]))) paragraph.push(lines[i++])
    blocks.push({ type: 'paragraph', children: parseInline(paragraph.map((l) => l.trim()).join('\n')) })
  }
  return blocks
}

/** A list from line `start`: items of the same kind, each item's lines parsed as blocks of their own. Returns the next line. */
function parseList(lines: string[], start: number, out: Block[]): number {
  const first = LIST_ITEM.exec(lines[start])!
  const ordered = /\d/.test(first[2])
  const kind = (marker: string) => (/\d/.test(marker) ? marker.slice(-1) : marker)
  const items: Block[][] = []
  let i = start
  while (i < lines.length) {
    const m = LIST_ITEM.exec(lines[i])
    if (!m || kind(m[2]) !== kind(first[2])) break
    // Where the item's text starts; continuation lines indented 2 spaces or more belong to it.
    const contentIndent = m[1].length + m[2].length + Math.max(1, m[3].length)
    const body = [m[4]]
    i++
    while (i < lines.length) {
      const line = lines[i]
      const indent = line.length - line.trimStart().length
      if (isBlank(line)) {
        // A blank line continues the item only if an indented line follows.
        const next = lines.slice(i + 1).find((l) => !isBlank(l))
        if (next === undefined || next.length - next.trimStart().length < 2) break
        body.push('')
      } else if (indent >= 2) {
        body.push(line.slice(Math.min(indent, contentIndent)))
      } else if (!startsBlock(line) && !isBlank(body[body.length - 1])) {
        body.push(line) // a lazy continuation of the item's paragraph
      } else break
      i++
    }
    items.push(parseBlocks(body))
    if (i < lines.length && isBlank(lines[i])) {
      // A blank line between items keeps the list going.
      let j = i
      while (j < lines.length && isBlank(lines[j])) j++
      const next = j < lines.length ? LIST_ITEM.exec(lines[j]) : null
      if (!next || kind(next[2]) !== kind(first[2])) break
      i = j
    }
  }
  out.push({ type: 'list', ordered, start: ordered ? parseInt(first[2], 10) : 1, items })
  return i
}

/**
 * Where a link may go: a relative address in the app, or https. Anything else
 * (javascript:, data:, http:, protocol-relative //host) is refused, and the link text
 * shows as text. Control characters and spaces are dropped before the scheme is
 * read, as browsers do.
 */
export function safeHref(raw: string): { href: string; external: boolean } | undefined {
  // eslint-disable-next-line no-control-regex
  const href = raw.trim().replace(/[\u0000-\u0020\u007f]/g, '')
  if (href === '' || href.startsWith('//') || href.startsWith('\\')) return undefined
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)
  if (!scheme) return { href, external: false }
  if (scheme[1].toLowerCase() === 'https' && /^https:\/\/[^/\\]/i.test(href)) return { href, external: true }
  return undefined
}

const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/

/** Parses inline Markdown: code spans first (nothing inside them is Markdown), then links, emphasis, escapes. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = []
  let buffer = ''
  const flush = () => {
    if (buffer) out.push({ type: 'text', text: buffer })
    buffer = ''
  }
  let i = 0
  while (i < text.length) {
    const ch = text[i]
    if (ch === '\\' && i + 1 < text.length) {
      if (text[i + 1] === '\n') {
        flush()
        out.push({ type: 'break' })
        i += 2
        continue
      }
      if (PUNCTUATION.test(text[i + 1])) {
        buffer += text[i + 1]
        i += 2
        continue
      }
    }
    if (ch === '\n' && / {2,}$/.test(buffer)) {
      buffer = buffer.replace(/ +$/, '')
      flush()
      out.push({ type: 'break' })
      i++
      continue
    }
    if (ch === '`') {
      const run = /^`+/.exec(text.slice(i))![0]
      const close = findRun(text, '`', run.length, i + run.length)
      if (close >= 0) {
        flush()
        let code = text.slice(i + run.length, close).replace(/\n/g, ' ')
        if (/^ .*[^ ].* $/.test(code)) code = code.slice(1, -1)
        out.push({ type: 'code', text: code })
        i = close + run.length
        continue
      }
      buffer += run
      i += run.length
      continue
    }
    if (ch === '!' && text[i + 1] === '[') {
      // An image: not loaded; its alt text shows instead.
      const link = parseLinkAt(text, i + 1)
      if (link) {
        flush()
        out.push(...parseInline(link.label))
        i = link.end
        continue
      }
    }
    if (ch === '[') {
      const link = parseLinkAt(text, i)
      if (link) {
        flush()
        const target = safeHref(link.href)
        const children = parseInline(link.label)
        if (target) out.push({ type: 'link', ...target, children })
        else out.push(...children)
        i = link.end
        continue
      }
    }
    if (ch === '<') {
      const auto = /^<(https:\/\/[^\s<>]+)>/i.exec(text.slice(i))
      const target = auto && safeHref(auto[1])
      if (auto && target) {
        flush()
        out.push({ type: 'link', ...target, children: [{ type: 'text', text: auto[1] }] })
        i += auto[0].length
        continue
      }
    }
    if (ch === '*' || ch === '_') {
      const emphasis = parseEmphasisAt(text, i)
      if (emphasis) {
        flush()
        out.push(emphasis.node)
        i = emphasis.end
        continue
      }
    }
    buffer += ch
    i++
  }
  flush()
  return mergeTexts(out)
}

/** Adjacent text nodes as one (a refused link leaves its text beside the text around it). */
function mergeTexts(nodes: Inline[]): Inline[] {
  const merged: Inline[] = []
  for (const node of nodes) {
    const last = merged[merged.length - 1]
    if (node.type === 'text' && last?.type === 'text') merged[merged.length - 1] = { type: 'text', text: last.text + node.text }
    else merged.push(node)
  }
  return merged
}

/** Index of the next run of exactly `length` `ch` characters from `from`, or -1. */
function findRun(text: string, ch: string, length: number, from: number): number {
  for (let i = from; i < text.length; ) {
    if (text[i] !== ch) {
      i++
      continue
    }
    let j = i
    while (text[j] === ch) j++
    if (j - i === length) return i
    i = j
  }
  return -1
}

/** `[label](href)` at `start` (the `[`), with balanced brackets in the label. */
function parseLinkAt(text: string, start: number): { label: string; href: string; end: number } | undefined {
  let depth = 0
  let i = start
  for (; i < text.length; i++) {
    if (text[i] === '\\') {
      i++
      continue
    }
    if (text[i] === '[') depth++
    else if (text[i] === ']' && --depth === 0) break
  }
  if (i >= text.length || text[i + 1] !== '(') return undefined
  const close = text.indexOf(')', i + 2)
  if (close < 0) return undefined
  const inside = text.slice(i + 2, close).trim()
  // An optional title after the address ("…") is dropped.
  const href = /^<([^>]*)>/.exec(inside)?.[1] ?? inside.split(/\s+/)[0] ?? ''
  return { label: text.slice(start + 1, i), href, end: close + 1 }
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch)

/** `**strong**`, `__strong__`, `*em*` or `_em_` at `start`; `_` inside a word (snake_case) is not emphasis. */
function parseEmphasisAt(text: string, start: number): { node: Inline; end: number } | undefined {
  const ch = text[start]
  const double = text[start + 1] === ch
  const delimiter = double ? ch + ch : ch
  const after = text[start + delimiter.length]
  if (after === undefined || /\s/.test(after)) return undefined
  if (ch === '_' && isWordChar(text[start - 1])) return undefined
  for (let close = text.indexOf(delimiter, start + delimiter.length + 1); close >= 0; close = text.indexOf(delimiter, close + 1)) {
    if (/\s/.test(text[close - 1])) continue
    if (ch === '_' && isWordChar(text[close + delimiter.length])) continue
    // `**a*` is not `*a*` closing early: a single delimiter must not sit in a double run.
    if (!double && text[close + 1] === ch) {
      close++
      continue
    }
    const inner = parseInline(text.slice(start + delimiter.length, close))
    return { node: double ? { type: 'strong', children: inner } : { type: 'em', children: inner }, end: close + delimiter.length }
  }
  return undefined
}
