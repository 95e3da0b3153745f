import { ApiError } from '../../api/errors.ts'
import type { KubeObject } from '../../api/types.ts'
import { boolFlag, flag } from '../args.ts'
import { dryRunStrategy, dryRunSuffix } from '../dryRunFlag.ts'
import { type PairChanges, splitResourcesAndPairs } from '../pairArgs.ts'
import { chooseObjectOutput, printObject } from '../printers/objectPrinter.ts'
import { collectedErrorsText, refuseAllWithSelectors, resourceTargets } from '../resourceTargets.ts'
import { KubectlError } from '../resolve.ts'
import type { KubectlCommand } from './context.ts'
import { listingHeading, METADATA_CHANGE_FLAGS } from './metadataChange.ts'

/** kubectl rollout history's CHANGE-CAUSE: annotate may always overwrite it. */
const CHANGE_CAUSE = 'kubernetes.io/change-cause'

/** ParsePairs (kubectl/pkg/cmd/util) and validateAnnotations: `k=v` (the value may hold `=`), `k-`. */
function parseAnnotations(pairs: string[]): PairChanges {
  const add = new Map<string, string>()
  const remove: string[] = []
  for (const spec of pairs) {
    const eq = spec.indexOf('=')
    if (eq > 0) add.set(spec.slice(0, eq), spec.slice(eq + 1))
    else remove.push(spec.slice(0, -1))
  }
  const both = remove.filter((k) => add.has(k))
  if (both.length) throw new KubectlError(`error: can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`)
  return { add, remove }
}

/** `kubectl annotate TYPE NAME… k=v k2-` (pkg/cmd/annotate): says `annotated` whether or not anything changed. */
export const annotateCommand: KubectlCommand = {
  name: 'annotate',
  flags: METADATA_CHANGE_FLAGS,
  run(ctx) {
    const dryRun = dryRunStrategy(ctx.args)
    const output = flag(ctx.args, 'output')
    const printer = chooseObjectOutput(output)
    const { resources, pairs } = splitResourcesAndPairs(ctx.args.positional, 'annotation')
    const { add, remove } = parseAnnotations(pairs)
    const list = boolFlag(ctx.args, 'list')
    const overwrite = boolFlag(ctx.args, 'overwrite')
    if (list && output) throw new KubectlError('error: --list and --output may not be specified together')
    refuseAllWithSelectors(ctx)
    if (resources.length === 0) throw new KubectlError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>')
    if (add.size === 0 && remove.length === 0 && !list) throw new KubectlError('error: at least one annotation update is required')
    const { visits, singleItemImplied } = resourceTargets(ctx, resources, boolFlag(ctx.args, 'all'))

    let out = ''
    const errors: (ApiError | string[])[] = []
    for (const visit of visits) {
      if ('error' in visit) {
        errors.push(visit.error)
        continue
      }
      const { resource, obj } = visit
      const annotations = obj.metadata.annotations ?? {}
      if (!overwrite) {
        const conflicts = [...add].filter(([k, v]) => k !== CHANGE_CAUSE && k in annotations && annotations[k] !== v).map(([k]) => `'${k}' already has a value (${annotations[k]})`)
        if (conflicts.length) {
          errors.push([`--overwrite is false but found the following declared annotation(s): ${conflicts.join('; ')}`])
          continue
        }
      }
      const next: Record<string, string> = { ...annotations }
      for (const [k, v] of add) next[k] = v
      for (const k of remove) delete next[k]
      let result: KubeObject = structuredClone(obj)
      result.metadata.annotations = next
      if (dryRun !== 'client' && !list) {
        try {
          result = write(ctx.sim.ctx.api, obj, next, dryRun === 'server')
        } catch (e) {
          if (!(e instanceof ApiError)) throw e
          errors.push(e)
          continue
        }
      }
      if (list) {
        const indent = singleItemImplied ? '' : ' '
        if (!singleItemImplied) out += listingHeading('annotations', resource, obj)
        out += Object.keys(next).sort().map((k) => `${indent}${k}=${next[k]}\n`).join('')
        continue
      }
      out += printObject(printer, resource, result, 'annotated' + dryRunSuffix(dryRun))
    }
    ctx.sim.settle()
    return out + collectedErrorsText(errors)
  },
}

/** The merge patch, as an update of the stored object; returns what the server returns. */
function write(api: import('../../api/server.ts').ApiServer, obj: KubeObject, annotations: Record<string, string>, dryRun: boolean): KubeObject {
  if (JSON.stringify(obj.metadata.annotations ?? {}) === JSON.stringify(annotations)) return obj
  const stored = structuredClone(obj)
  if (Object.keys(annotations).length) stored.metadata.annotations = annotations
  else delete stored.metadata.annotations
  return api.update(stored, { dryRun })
}
