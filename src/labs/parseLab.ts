import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode } from 'yaml'
import { parseScript, ScriptError, type ScriptStep } from '../cli/scriptParser.ts'
import { parseAssertion, type Assertion } from './assertions.ts'
import { fileArgumentProblem } from './checkCommandPolicy.ts'
import { LabError, type Lab, type LabStep } from './lab.ts'

/** The fenced blocks a step is made of, besides its instructions. */
const SPECIAL_BLOCKS = ['hint', 'solution', 'check'] as const
type SpecialBlock = (typeof SPECIAL_BLOCKS)[number]

const LEVELS = ['beginner', 'intermediate', 'advanced'] as const

const scriptReason = (e: ScriptError) => e.message.replace(/^line \d+: /, '')

/**
 * Parses scenario-script lines found inside the lab, whose first line is file line
 * `firstLine`, and refuses what a lab may not do: a `cluster` line (the front matter's
 * job) and `-f PATH`.
 */
function parseLabScript(source: string, firstLine: number, where: string): ScriptStep[] {
  let steps: ScriptStep[]
  try {
    steps = parseScript(source)
  } catch (e) {
    if (e instanceof ScriptError) throw new LabError(firstLine - 1 + e.line, scriptReason(e))
    throw e
  }
  return steps.map((step) => {
    const line = firstLine - 1 + step.line
    if (step.kind === 'cluster') throw new LabError(line, `a cluster line cannot be in ${where}: the front matter's \`cluster\` key builds the cluster`)
    if (step.kind === 'kubectl') {
      const problem = fileArgumentProblem(step.argv)
      if (problem) throw new LabError(line, problem)
    }
    return { ...step, line }
  })
}

interface FrontMatter {
  lab: Omit<Lab, 'intro' | 'steps'>
  /** The first line of the body. */
  bodyLine: number
}

function parseFrontMatter(lines: string[]): FrontMatter {
  if (!/^---\s*$/.test(lines[0] ?? '')) throw new LabError(1, 'a lab starts with YAML front matter between --- lines, with at least a title')
  // Only an unindented --- ends it: an indented one separates documents in a setup heredoc.
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l))
  if (end < 0) throw new LabError(1, 'the front matter has no closing --- line')
  const text = lines.slice(1, end).join('\n')
  const counter = new LineCounter()
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false })
  // File line of an offset into the front matter (which starts on line 2).
  const lineAt = (offset: number) => counter.linePos(offset).line + 1
  if (doc.errors.length > 0) {
    const error = doc.errors[0]
    throw new LabError(lineAt(error.pos[0]), `front matter is not valid YAML: ${error.message.split('\n')[0]}`)
  }
  if (doc.contents !== null && !isMap(doc.contents)) throw new LabError(2, 'the front matter must be a YAML mapping (title: …)')
  const keyLine = new Map<string, number>()
  const valueNode = new Map<string, YamlNode>()
  for (const pair of isMap(doc.contents) ? doc.contents.items : []) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined
    if (key === undefined) continue
    keyLine.set(key, lineAt((pair.key as YamlNode).range?.[0] ?? 0))
    if (pair.value) valueNode.set(key, pair.value as YamlNode)
  }
  const data = (doc.toJS() ?? {}) as Record<string, unknown>
  const at = (key: string) => keyLine.get(key) ?? 1

  const title = data.title
  if (typeof title !== 'string' || title.trim() === '') throw new LabError(keyLine.get('title') ?? 1, 'the front matter needs a title')
  const level = data.level
  if (level !== undefined && !LEVELS.includes(level as (typeof LEVELS)[number])) throw new LabError(at('level'), `level must be one of ${LEVELS.join(', ')}`)
  const minutes = data.minutes
  if (minutes !== undefined && (typeof minutes !== 'number' || !(minutes > 0))) throw new LabError(at('minutes'), 'minutes must be a positive number')
  const topics = data.topics ?? []
  if (!Array.isArray(topics) || topics.some((t) => typeof t !== 'string')) throw new LabError(at('topics'), 'topics must be a list of words, like [pods, services]')

  let cluster: Lab['cluster']
  if (data.cluster !== undefined) {
    if (typeof data.cluster !== 'string') throw new LabError(at('cluster'), 'cluster must be the arguments of a cluster line, like --workers 2 --cpu 4 --memory 8Gi')
    try {
      const [step] = parseScript(`cluster ${data.cluster}`)
      cluster = step.kind === 'cluster' ? step.spec : undefined
    } catch (e) {
      if (e instanceof ScriptError) throw new LabError(at('cluster'), scriptReason(e))
      throw e
    }
  }

  let setup: ScriptStep[] = []
  if (data.setup !== undefined) {
    if (typeof data.setup !== 'string') throw new LabError(at('setup'), 'setup must be scenario-script lines (use `setup: |`)')
    const node = valueNode.get('setup')
    // A block scalar's content starts on the line after its `|`.
    const block = isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')
    const first = node?.range ? lineAt(node.range[0]) + (block ? 1 : 0) : at('setup')
    setup = parseLabScript(data.setup, first, 'setup')
  }
  return {
    lab: {
      title: title.trim(),
      ...(level !== undefined ? { level: level as Lab['level'] } : {}),
      ...(minutes !== undefined ? { minutes: minutes as number } : {}),
      topics: topics as string[],
      ...(cluster ? { cluster } : {}),
      setup,
    },
    bodyLine: end + 2,
  }
}

/** A fence line: its character run and the info word. CommonMark allows up to 3 spaces of indent. */
const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/

function closesFence(line: string, fence: string): boolean {
  const m = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line)
  return !!m && m[1][0] === fence[0] && m[1].length >= fence.length
}

/** The lines joined, without the blank lines at either end. */
function trimBlankLines(lines: string[]): string {
  let from = 0
  let to = lines.length
  while (from < to && lines[from].trim() === '') from++
  while (to > from && lines[to - 1].trim() === '') to--
  return lines.slice(from, to).join('\n')
}

interface StepDraft {
  title: string
  line: number
  markdown: string[]
  hints: string[]
  solution?: { steps: ScriptStep[]; text: string }
  checks: Assertion[]
  hasCheckBlock: boolean
}

/** Parses a lab file (see shared/spec/labs.md). Throws LabError naming the line when it is malformed. */
export function parseLab(source: string): Lab {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/)
  const { lab, bodyLine } = parseFrontMatter(lines)
  const intro: string[] = []
  const steps: StepDraft[] = []
  for (let i = bodyLine - 1; i < lines.length; i++) {
    const line = lines[i]
    const lineNo = i + 1
    const current = steps.at(-1)
    const heading = /^## (.*)$/.exec(line) ?? (line.trim() === '##' ? ['##', ''] : null)
    if (heading) {
      const title = heading[1].replace(/\s+#+\s*$/, '').trim()
      if (!title) throw new LabError(lineNo, 'a step heading needs a title after ## ')
      steps.push({ title, line: lineNo, markdown: [], hints: [], checks: [], hasCheckBlock: false })
      continue
    }
    const fence = FENCE.exec(line)
    if (!fence) {
      ;(current?.markdown ?? intro).push(line)
      continue
    }
    const [, marks, info] = fence
    let end = i + 1
    while (end < lines.length && !closesFence(lines[end], marks)) end++
    const kind = SPECIAL_BLOCKS.find((k) => k === info)
    if (!kind) {
      // An ordinary code block belongs to the Markdown, `## ` lines inside it included.
      ;(current?.markdown ?? intro).push(...lines.slice(i, end + 1))
      i = end
      continue
    }
    if (end >= lines.length) throw new LabError(lineNo, `the ${kind} block has no closing ${marks}`)
    if (!current) throw new LabError(lineNo, `a ${kind} block belongs to a step: put it after a ## heading`)
    addBlock(current, kind, lines.slice(i + 1, end), lineNo)
    i = end
  }
  if (steps.length === 0) throw new LabError(lines.length, 'a lab needs at least one step: a ## heading with a check block')
  return {
    ...lab,
    intro: trimBlankLines(intro),
    steps: steps.map((s): LabStep => {
      if (!s.hasCheckBlock) throw new LabError(s.line, `step "${s.title}" has no check block`)
      return {
        title: s.title,
        line: s.line,
        instructions: trimBlankLines(s.markdown),
        hints: s.hints,
        ...(s.solution ? { solution: s.solution.steps, solutionText: s.solution.text } : {}),
        checks: s.checks,
      }
    }),
  }
}

function addBlock(step: StepDraft, kind: SpecialBlock, body: string[], openLine: number): void {
  if (kind === 'hint') {
    step.hints.push(trimBlankLines(body))
  } else if (kind === 'solution') {
    if (step.solution) throw new LabError(openLine, `step "${step.title}" has a second solution block; a step has at most one`)
    step.solution = { steps: parseLabScript(body.join('\n'), openLine + 1, 'a solution'), text: trimBlankLines(body) }
  } else {
    const before = step.checks.length
    body.forEach((raw, k) => {
      const text = raw.trim()
      if (text === '' || text.startsWith('#')) return
      step.checks.push(parseAssertion(text, openLine + 1 + k))
    })
    if (step.checks.length === before) throw new LabError(openLine, 'the check block has no assertion')
    step.hasCheckBlock = true
  }
}
