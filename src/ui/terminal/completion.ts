/**
 * Tab completion for the app's kubectl terminal: verbs, subcommands, flags, resource types
 * and object names, from the engine's vocabulary and the UI's mirror of the cluster.
 * Pure: the terminal component calls it with the text left of the caret.
 */
import type { KubeObject } from '../../engine/api/types.ts'
import type { KubectlVocabulary } from '../../engine/kubectl/vocabulary.ts'

type Resource = KubectlVocabulary['resources'][number]

export interface CompletionSources {
  vocabulary: KubectlVocabulary
  /** Objects by kind, any map of them (the store's ObjectsByKind). */
  objects: Record<string, Record<string, KubeObject>>
  /** Files `-f` can read: the editor's. */
  files: string[]
  /** Namespace when the line has no -n. */
  namespace?: string
}

export interface Completion {
  /** The text left of the caret after completing. */
  text: string
  /** Every match, when there was more than one (shown to the user as bash lists them). */
  candidates: string[]
}

/** Words the terminal itself answers, besides kubectl's verbs. */
export const TERMINAL_WORDS = ['help', 'clear']

/** Verbs whose first argument is a resource type (or TYPE/NAME). */
const RESOURCE_VERBS = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'scale', 'expose', 'autoscale', 'wait', 'taint', 'explain', 'rollout', 'set'])
/** Verbs whose arguments are pods by name. */
const POD_VERBS = new Set(['logs', 'exec', 'attach', 'port-forward', 'cp', 'debug'])
/** Verbs whose arguments are nodes by name. */
const NODE_VERBS = new Set(['cordon', 'uncordon', 'drain'])
const OUTPUT_FORMATS = ['custom-columns=', 'go-template=', 'json', 'jsonpath=', 'name', 'wide', 'yaml']

/** Words before the caret as a shell splits them (quotes kept simple: completion never crosses one). */
function words(text: string): string[] {
  const out = text.trimStart().split(/\s+/)
  return out.length === 1 && out[0] === '' ? [''] : out
}

function commonPrefix(items: string[]): string {
  if (items.length === 0) return ''
  let prefix = items[0]
  for (const item of items) while (!item.startsWith(prefix)) prefix = prefix.slice(0, -1)
  return prefix
}

/** The namespace the line names with -n/--namespace, `*` for -A, else the default. */
function lineNamespace(ws: string[], fallback: string): string {
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]
    if (w === '-A' || w === '--all-namespaces') return '*'
    if ((w === '-n' || w === '--namespace') && ws[i + 1]) return ws[i + 1]
    if (w.startsWith('--namespace=')) return w.slice('--namespace='.length)
  }
  return fallback
}

function findResource(vocabulary: KubectlVocabulary, word: string): Resource | undefined {
  const name = word.toLowerCase().split('.')[0]
  return vocabulary.resources.find((r) => r.plural === name || r.singular === name || r.shortNames.includes(name) || r.kind.toLowerCase() === name)
}

function objectNames(src: CompletionSources, resource: Resource, namespace: string): string[] {
  const objects = Object.values(src.objects[resource.kind] ?? {})
  return objects.filter((o) => !resource.namespaced || namespace === '*' || (o.metadata.namespace ?? 'default') === namespace).map((o) => o.metadata.name)
}

/** Resource types for a partial word: a short name or singular said exactly means its plural (`po` → `pods`). */
function resourceTypes(vocabulary: KubectlVocabulary, partial: string): string[] {
  const exact = vocabulary.resources.find((r) => r.shortNames.includes(partial) || r.singular === partial)
  if (exact && partial) return [exact.plural]
  const plurals = vocabulary.resources.map((r) => r.plural).filter((p) => p.startsWith(partial))
  return [...new Set(plurals)]
}

/** Candidates for the last word of the line, given the words before it. */
function candidatesFor(src: CompletionSources, before: string[], partial: string): { items: string[]; prefix?: string } {
  const { vocabulary } = src
  const verbs = [...vocabulary.verbs.map((v) => v.name), ...TERMINAL_WORDS]
  if (before.length === 0) return { items: verbs }
  const verb = vocabulary.verbs.find((v) => v.name === before[0])
  if (!verb) return { items: [] }
  const previous = before[before.length - 1]
  const namespace = lineNamespace([...before, partial], src.namespace ?? 'default')
  const namespaces = () => Object.values(src.objects.Namespace ?? {}).map((o) => o.metadata.name)

  // A flag's value.
  if (previous === '-n' || previous === '--namespace') return { items: namespaces() }
  if (previous === '-o' || previous === '--output') return { items: OUTPUT_FORMATS }
  if (previous === '-f' || previous === '--filename') return { items: src.files }
  if (partial.startsWith('--namespace=')) return { items: namespaces(), prefix: '--namespace=' }
  // `-oyaml`, `-o=json`, `--output=wide`: the format glued to its flag.
  const glued = /^(-o=?|--output=)(?=.)/.exec(partial)
  if (glued) return { items: OUTPUT_FORMATS, prefix: glued[1] }
  if (partial.startsWith('-')) return { items: verb.flags }

  // Positional words, flags and their values set aside.
  const positional = before.slice(1).filter((w, i, all) => !w.startsWith('-') && !/^-(n|o|f|l|c)$|^--(namespace|output|filename|selector|container)$/.test(all[i - 1] ?? ''))
  let args = positional
  if (verb.subcommands.length > 0) {
    if (args.length === 0) return { items: verb.subcommands }
    args = args.slice(1)
  }
  if (verb.name === 'top') {
    const resource = findResource(vocabulary, positional[0] ?? '')
    return { items: resource ? objectNames(src, resource, namespace) : [] }
  }
  if (POD_VERBS.has(verb.name)) {
    const pods = findResource(vocabulary, 'pods')
    return { items: args.length === 0 && pods ? objectNames(src, pods, namespace) : [] }
  }
  if (NODE_VERBS.has(verb.name)) {
    const nodes = findResource(vocabulary, 'nodes')
    return { items: nodes ? objectNames(src, nodes, namespace) : [] }
  }
  if (!RESOURCE_VERBS.has(verb.name)) return { items: [] }

  // TYPE/NAME in one word.
  const slash = partial.indexOf('/')
  if (slash >= 0) {
    const resource = findResource(vocabulary, partial.slice(0, slash))
    return { items: resource ? objectNames(src, resource, namespace) : [], prefix: partial.slice(0, slash + 1) }
  }
  if (args.length === 0) {
    // `get pods,svc`: complete the type after the last comma.
    const comma = partial.lastIndexOf(',')
    return comma >= 0 ? { items: resourceTypes(vocabulary, partial.slice(comma + 1)), prefix: partial.slice(0, comma + 1) } : { items: resourceTypes(vocabulary, partial) }
  }
  if (verb.name === 'explain' || args[0].includes('/') || args[0].includes(',')) return { items: [] }
  const resource = findResource(vocabulary, args[0])
  return { items: resource ? objectNames(src, resource, namespace) : [] }
}

/** Completes the word left of the caret. Nothing to complete leaves the text as it was. */
export function complete(text: string, src: CompletionSources): Completion {
  const ws = words(text)
  // A typed `kubectl ` in front is allowed, as in the output log.
  const offset = ws[0] === 'kubectl' && ws.length > 1 ? 1 : 0
  const partial = ws[ws.length - 1]
  const before = ws.slice(offset, -1)
  const { items, prefix = '' } = candidatesFor(src, before, partial)
  const rest = partial.slice(prefix.length)
  const matches = [...new Set(items.filter((i) => i.startsWith(rest)))].sort()
  const head = text.slice(0, text.length - partial.length)
  // A short name or singular typed exactly expands to the plural even though it is no prefix of it.
  const direct = items.length === 1 && !items[0].startsWith(rest) && before.length > 0 ? items : []
  const all = matches.length > 0 ? matches : direct
  if (all.length === 0) return { text, candidates: [] }
  if (all.length === 1) {
    const done = all[0]
    // A value that wants more after it (`-o jsonpath=`, `deploy/`) gets no space.
    return { text: `${head}${prefix}${done}${done.endsWith('=') ? '' : ' '}`, candidates: [] }
  }
  const common = commonPrefix(all)
  return { text: `${head}${prefix}${common.length > rest.length ? common : rest}`, candidates: all }
}
