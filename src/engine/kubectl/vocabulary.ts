import { allKinds } from '../kinds/registry.ts'
import { GLOBAL_FLAGS } from './args.ts'
import { KUBECTL_COMMANDS } from './commands/registry.ts'
import { KUBECTL_SUBCOMMANDS } from './verbSummaries.ts'

/** What the app's terminal needs to complete and explain commands, sent once by the engine worker. */
export interface KubectlVocabulary {
  verbs: { name: string; subcommands: string[]; flags: string[] }[]
  resources: { kind: string; plural: string; singular: string; shortNames: string[]; namespaced: boolean }[]
}

/** The verbs kubesim answers (from the command registry) and the resources it serves (from the kind registry). */
export function kubectlVocabulary(): KubectlVocabulary {
  const global = GLOBAL_FLAGS.filter((f) => f.name.length > 1).map((f) => `--${f.name}`)
  return {
    verbs: KUBECTL_COMMANDS.map((c) => ({
      name: c.name,
      subcommands: [...(KUBECTL_SUBCOMMANDS[c.name] ?? [])],
      flags: [...new Set([...c.flags.map((f) => `--${f.name}`), ...global])].sort(),
    })),
    resources: allKinds().map(({ names }) => ({
      kind: names.kind,
      plural: names.plural,
      singular: names.singular,
      shortNames: [...names.shortNames],
      namespaced: names.namespaced,
    })),
  }
}
