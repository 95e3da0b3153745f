import { describe, expect, it } from 'vitest'
import { kubectlVocabulary } from '../../engine/kubectl/vocabulary.ts'
import { terminalHelp } from './terminalHelp.ts'

describe('terminal help', () => {
  const help = terminalHelp(kubectlVocabulary())

  it("lists every verb kubesim answers, with kubectl's own summary, in kubectl help's groups", () => {
    expect(help).toContain('Basic Commands (Intermediate):')
    expect(help).toContain('  get             Display one or many resources')
    expect(help).toContain('  delete          Delete resources by file names, stdin, resources and names, or by resources and label selector')
    for (const verb of kubectlVocabulary().verbs) expect(help.some((l) => l.startsWith(`  ${verb.name} `) || l === `  ${verb.name}`)).toBe(true)
  })

  it('names what is not simulated and what the terminal itself offers, never the script-only advance', () => {
    expect(help.find((l) => l.startsWith('Not simulated yet: '))).toBeDefined()
    expect(help).toContain('  Tab                complete verbs, resource types and object names')
    expect(help.join('\n')).not.toMatch(/advance/)
  })
})
