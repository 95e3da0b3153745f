import type { FlagSpec, ParsedArgs } from './args.ts'
import { flag } from './args.ts'
import { KubectlError } from './resolve.ts'

export type DryRun = 'none' | 'client' | 'server'

/** kubectl's `--dry-run[=none|client|server]`; a bare `--dry-run` is the deprecated spelling of client. */
export const DRY_RUN_FLAG: FlagSpec = { name: 'dry-run', takesValue: true, optionalValue: 'unchanged' }

/** cmdutil.GetDryRunStrategy. */
export function dryRunStrategy(args: ParsedArgs): DryRun {
  const value = flag(args, 'dry-run') ?? 'none'
  if (value === 'client' || value === 'unchanged') return 'client'
  if (value === 'server' || value === 'none') return value
  throw new KubectlError(`error: Invalid dry-run value (${value}). Must be "none", "server", or "client".`)
}
