import type { FlagSpec, ParsedArgs } from '../../args.ts'
import type { CommandContext } from '../context.ts'

/** What a generator gets: the command, the NAME, and the namespace kubectl writes into the object. */
export interface GeneratorInput {
  ctx: CommandContext
  args: ParsedArgs
  name: string
  /** `-n` when given on the command line (kubectl's EnforceNamespace), else undefined. */
  namespace: string | undefined
  /** Lines kubectl prints on stderr before the object (`Warning: 'frob' is not a standard resource verb`). */
  warn(line: string): void
}

/**
 * One `kubectl create <what>` subcommand (pkg/cmd/create/create_*.go): its words, its own
 * flags, and how it builds the object. `build` returns the object with keys in Go's
 * struct order (kind, apiVersion, metadata…), which `-o json` keeps and `-o yaml` sorts.
 */
export interface CreateGenerator {
  /** The words after `create`: `['deployment']`, `['secret', 'generic']`. */
  path: string[]
  /** Other spellings of the first word (`deploy`, `cm`, `svc`). */
  aliases?: string[]
  flags: FlagSpec[]
  /** Flags cobra requires, checked before anything else (`required flag(s) "image" not set`). */
  required?: string[]
  /** How kubectl wraps the server's refusal (`failed to create deployment`); none means printed bare. */
  failurePrefix?: string
  build(input: GeneratorInput): Record<string, unknown>
}
