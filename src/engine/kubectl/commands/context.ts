import type { Simulation } from '../../simulation.ts'
import type { FlagSpec, ParsedArgs } from '../args.ts'
import type { KubectlIO } from '../runKubectl.ts'

/** What a kubectl subcommand gets: the cluster, its parsed arguments, and I/O. */
export interface CommandContext {
  sim: Simulation
  args: ParsedArgs
  io: KubectlIO
  /** Namespace from -n, or `default`. */
  namespace: string
  allNamespaces: boolean
}

/** One kubectl subcommand: a name, the flags it accepts, and what it prints. */
export interface KubectlCommand {
  name: string
  flags: FlagSpec[]
  run(ctx: CommandContext): string
  /** The command path kubectl names in flag errors (`create deployment`), for verbs with subcommands. */
  commandPath?(argv: string[]): string
}
