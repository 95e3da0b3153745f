import type { FlagSpec, ParsedArgs } from './args.ts'
import { flag } from './args.ts'
import { KubectlError } from './resolve.ts'

export type DryRun = 'none' | 'client' | 'server'

/** The --dry-run flag spec: a bare `--dry-run` is the deprecated spelling of `--dry-run=client`. */
export const DRY_RUN_FLAG: FlagSpec = { name: 'dry-run', takesValue: true, optionalValue: 'unchanged' }

/** GetDryRunStrategy (kubectl/pkg/cmd/util): none, client or server; the booleans are deprecated spellings. */
export function dryRunStrategy(args: ParsedArgs): DryRun {
  const value = flag(args, 'dry-run') ?? 'none'
  switch (value) {
    case 'unchanged':
    case 'client':
    case 'true':
      return 'client'
    case 'server':
      return 'server'
    case 'none':
    case 'false':
      return 'none'
    default:
      throw new KubectlError(`error: Invalid dry-run value (${value}). Must be "none", "server", or "client".`)
  }
}

/** What the name printer appends to `pod/web labeled`. */
export function dryRunSuffix(dryRun: DryRun): string {
  return dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''
}
