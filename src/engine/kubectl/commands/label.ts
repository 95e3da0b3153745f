import { ApiError } from '../../api/errors.ts'
import type { KubeObject } from '../../api/types.ts'
import { labelValueErrors } from '../../admission/labelValidation.ts'
import { boolFlag, flag } from '../args.ts'
import { dryRunStrategy, dryRunSuffix } from '../dryRunFlag.ts'
import { type PairChanges, splitResourcesAndPairs } from '../pairArgs.ts'
import { chooseObjectOutput, printObject } from '../printers/objectPrinter.ts'
import { collectedErrorsText, refuseAllWithSelectors, resourceTargets } from '../resourceTargets.ts'
import { KubectlError } from '../resolve.ts'
import type { KubectlCommand } from './context.ts'
import { listingHeading, METADATA_CHANGE_FLAGS } from './metadataChange.ts'

/** parseLabels (kubectl/pkg/cmd/label): `k=v` with a valid value, `k-`; nothing else. */
function parseLabels(pairs: string[]): PairChanges {
  const add = new Map<string, string>()
  const remove: string[] = []
  for (const spec of pairs) {
    if (spec.includes('=')) {
      const parts = spec.split('=')
      if (parts.length !== 2) throw new KubectlError(`error: invalid label spec: ${spec}`)
      const errs = labelValueErrors(parts[1])
      if (errs.length) throw new KubectlError(`error: invalid label value: ${JSON.stringify(spec)}: ${errs.join(';')}`)
      add.set(parts[0], parts[1])
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1))
    else throw new KubectlError(`error: unknown label spec: ${spec}`)
  }
  if (remove.some((k) => add.has(k))) throw new KubectlError('error: can not both modify and remove a label in the same command')
  return { add, remove }
}

/**
 * What kubectl v1.35 says it did. It compares the object's JSON before and after:
 * unchanged is `not labeled`, shorter without --overwrite is `unlabeled`, and anything
 * else `labeled` (so removing with --overwrite also says `labeled`).
 */
function changeMessage(before: KubeObject, after: KubeObject, overwrite: boolean): string {
  const a = JSON.stringify(before.metadata)
  const b = JSON.stringify(after.metadata)
  if (a === b) return 'not labeled'
  return !overwrite && b.length < a.length ? 'unlabeled' : 'labeled'
}

/** `kubectl label TYPE NAME… k=v k2-` (pkg/cmd/label), with -l, --all, -A, --list, --overwrite, --dry-run and -o. */
export const labelCommand: KubectlCommand = {
  name: 'label',
  flags: METADATA_CHANGE_FLAGS,
  run(ctx) {
    const dryRun = dryRunStrategy(ctx.args)
    const { resources, pairs } = splitResourcesAndPairs(ctx.args.positional, 'label')
    const { add, remove } = parseLabels(pairs)
    const list = boolFlag(ctx.args, 'list')
    const overwrite = boolFlag(ctx.args, 'overwrite')
    const output = flag(ctx.args, 'output')
    if (list && output) throw new KubectlError('error: --list and --output may not be specified together')
    refuseAllWithSelectors(ctx)
    if (resources.length === 0) throw new KubectlError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>')
    if (add.size === 0 && remove.length === 0 && !list) throw new KubectlError('error: at least one label update is required')
    const { visits, singleItemImplied } = resourceTargets(ctx, resources, boolFlag(ctx.args, 'all'))

    let out = ''
    const errors: (ApiError | string[])[] = []
    for (const visit of visits) {
      if ('error' in visit) {
        errors.push(visit.error)
        continue
      }
      const { resource, obj } = visit
      const labels = obj.metadata.labels ?? {}
      const writes = dryRun !== 'client' && !list
      if (writes) for (const k of remove) if (!(k in labels)) out += `label ${JSON.stringify(k)} not found.\n`
      const conflicts = overwrite ? [] : [...add].filter(([k, v]) => k in labels && labels[k] !== v).map(([k]) => `'${k}' already has a value (${labels[k]}), and --overwrite is false`)
      if (conflicts.length) {
        errors.push(conflicts)
        continue
      }
      const next: Record<string, string> = { ...labels }
      for (const [k, v] of add) next[k] = v
      for (const k of remove) delete next[k]
      const changed = structuredClone(obj)
      changed.metadata.labels = next
      const message = changeMessage(obj, changed, overwrite)
      if (writes) {
        try {
          write(ctx.sim.ctx.api, obj, next, dryRun === 'server')
        } catch (e) {
          if (!(e instanceof ApiError)) throw e
          errors.push(e)
          continue
        }
      }
      if (list) {
        const indent = singleItemImplied ? '' : ' '
        if (!singleItemImplied) out += listingHeading('labels', resource, obj)
        out += Object.keys(next).sort().map((k) => `${indent}${k}=${next[k]}\n`).join('')
        continue
      }
      // kubectl builds the printer for each object, after the write: a bad -o fails late.
      try {
        out += printObject(chooseObjectOutput(output), resource, changed, message + dryRunSuffix(dryRun))
      } catch (e) {
        if (!(e instanceof KubectlError)) throw e
        errors.push([e.message.replace(/^error: /, '')])
      }
    }
    ctx.sim.settle()
    return out + collectedErrorsText(errors)
  },
}

/** The merge patch kubectl sends, as an update of the stored object; an empty map is stored as none. */
function write(api: import('../../api/server.ts').ApiServer, obj: KubeObject, labels: Record<string, string>, dryRun: boolean): void {
  const stored = structuredClone(obj)
  if (JSON.stringify(stored.metadata.labels ?? {}) === JSON.stringify(labels)) return
  if (Object.keys(labels).length) stored.metadata.labels = labels
  else delete stored.metadata.labels
  api.update(stored, { dryRun })
}
