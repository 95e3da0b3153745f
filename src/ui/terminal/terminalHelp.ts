import type { KubectlVocabulary } from '../../engine/kubectl/vocabulary.ts'
import { KUBECTL_HELP_GROUPS } from '../../engine/kubectl/verbSummaries.ts'

/**
 * What `help` prints in the app's terminal: the kubectl verbs kubesim answers, in
 * `kubectl help`'s groups and words, then what the terminal itself offers.
 */
export function terminalHelp(vocabulary: KubectlVocabulary | null): string[] {
  const supported = new Set(vocabulary?.verbs.map((v) => v.name) ?? [])
  const lines = ['kubesim answers these kubectl commands:', '']
  const listed = new Set<string>()
  const row = (verb: string, summary: string, width = 16) => `  ${verb.padEnd(width)}${summary}`.trimEnd()
  for (const group of KUBECTL_HELP_GROUPS) {
    const verbs = group.verbs.filter(([verb]) => supported.has(verb))
    if (verbs.length === 0) continue
    lines.push(`${group.title}:`, ...verbs.map(([verb, summary]) => row(verb, summary)), '')
    verbs.forEach(([verb]) => listed.add(verb))
  }
  const others = [...supported].filter((v) => !listed.has(v)).sort()
  if (others.length > 0) lines.push('Other Commands:', ...others.map((v) => row(v, '')), '')
  const missing = KUBECTL_HELP_GROUPS.flatMap((g) => g.verbs.map(([verb]) => verb)).filter((v) => !supported.has(v))
  if (vocabulary === null) lines.push('(The cluster is still starting; try again in a moment.)', '')
  else if (missing.length > 0) lines.push(`Not simulated yet: ${missing.join(', ')}`, '')
  lines.push(
    'In this terminal:',
    row('↑ / ↓', 'previous / next command (kept while this tab is open)', 19),
    row('Tab', 'complete verbs, resource types and object names', 19),
    row('Ctrl+C', 'stop a running get -w or logs -f, or clear the line', 19),
    row('-f manifest.yaml', "an editor tab's text, by the tab's name, as Apply sends it", 19),
    row('edit TYPE NAME', 'opens the object in an editor tab; Save edit (Ctrl+S) applies it', 19),
    row('clear', 'clear this output', 19),
    '',
    'Use "kubectl api-resources" for the resource types kubesim serves.',
  )
  return lines
}
