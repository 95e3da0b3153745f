import { flagList } from '../args.ts'
import { KubectlError } from '../resolve.ts'
import type { CommandContext } from './context.ts'
import { WELL_KNOWN_MANIFESTS } from './wellKnownManifests.ts'

/** The texts named by `-f` (files, folders, or `-` for standard input), with display names. */
export function readManifestInputs(ctx: CommandContext, verb: string): { name: string; text: string }[] {
  const paths = flagList(ctx.args, 'filename')
  if (paths.length === 0) throw new KubectlError(verb === 'apply' ? 'error: must specify one of -f and -k' : `error: must specify one of -f and -k`)
  const out: { name: string; text: string }[] = []
  for (const path of paths) {
    if (path === '-') {
      if (ctx.io.stdin === undefined) throw new KubectlError('error: no objects passed to ' + verb)
      out.push({ name: 'STDIN', text: ctx.io.stdin })
      continue
    }
    const known = WELL_KNOWN_MANIFESTS[path]
    if (known !== undefined) {
      out.push({ name: path, text: known })
      continue
    }
    const read = ctx.io.readPath?.(path)
    if (read === undefined) throw new KubectlError(`error: the path "${path}" does not exist`)
    if (typeof read === 'string') throw new KubectlError(read)
    out.push(...read)
  }
  return out
}
