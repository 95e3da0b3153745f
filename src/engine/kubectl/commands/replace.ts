import { looseShape } from '../../admission/decodeShapes.ts'
import { dropNulls, strictDecode } from '../../admission/strictDecoding.ts'
import { ApiError } from '../../api/errors.ts'
import { qualifiedPlural, qualifiedSingular } from '../../api/resources.ts'
import type { KubeObject } from '../../api/types.ts'
import { kindModule } from '../../kinds/registry.ts'
import { boolFlag, flag, flagList } from '../args.ts'
import { DRY_RUN_FLAG, dryRunStrategy } from '../dryRunFlag.ts'
import { checkOutputFormat, printWritten } from '../printers/objectOutput.ts'
import { KubectlError } from '../resolve.ts'
import type { CommandContext, KubectlCommand } from './context.ts'
import { resourceTargets, type Target } from './resourceTargets.ts'

const WAIT_STEP_MS = 1000
const FORCE_WAIT_LIMIT_MS = 5 * 60 * 1000

/**
 * `kubectl replace -f FILE`: a PUT of the whole object from the file, which must
 * exist. Fields the file leaves out are gone afterwards (status excepted). `--force`
 * deletes the object, waits until it is gone, and creates it from the file.
 */
export const replaceCommand: KubectlCommand = {
  name: 'replace',
  flags: [
    { name: 'filename', short: 'f', takesValue: true, repeatable: true },
    { name: 'output', short: 'o', takesValue: true },
    { name: 'force', takesValue: false },
    { name: 'grace-period', takesValue: true },
    { name: 'timeout', takesValue: true },
    { name: 'save-config', takesValue: false },
    { name: 'validate', takesValue: true, optionalValue: 'strict' },
    { name: 'recursive', short: 'R', takesValue: false },
    { name: 'field-manager', takesValue: true },
    DRY_RUN_FLAG,
  ],
  run(ctx) {
    const output = flag(ctx.args, 'output')
    checkOutputFormat(output)
    const dryRun = dryRunStrategy(ctx.args)
    const force = boolFlag(ctx.args, 'force')
    if (flag(ctx.args, 'grace-period') !== undefined && !force) throw new KubectlError('error: --grace-period must have --force specified')
    if (flag(ctx.args, 'timeout') !== undefined && !force) throw new KubectlError('error: --timeout must have --force specified')
    if (force && dryRun !== 'none') throw new KubectlError('error: --dry-run can not be used when --force is set')
    if (flagList(ctx.args, 'filename').length === 0) throw new KubectlError('error: must specify one of -f and -k')
    const targets = resourceTargets(ctx, 'replace', [])
    const sources = sourceNames(ctx)
    return force ? forceReplace(ctx, targets, output) : replaceAll(ctx, targets, sources, output, dryRun)
  },
}

/** The display name of each target's file (`STDIN` for `-f -`), in target order. */
function sourceNames(ctx: CommandContext): string[] {
  const names: string[] = []
  for (const path of flagList(ctx.args, 'filename')) {
    if (path === '-') names.push('STDIN')
    else {
      const read = ctx.io.readPath?.(path)
      if (Array.isArray(read)) for (const f of read) names.push(f.name)
    }
  }
  return names
}

function replaceAll(ctx: CommandContext, targets: Target[], sources: string[], output: string | undefined, dryRun: 'none' | 'client' | 'server'): string {
  let out = ''
  const errors: ApiError[] = []
  // Targets come file by file; a file with several documents repeats its name.
  const sourceOf = (i: number) => sources[Math.min(i, sources.length - 1)] ?? 'STDIN'
  targets.forEach((target, i) => {
    const source = sourceOf(i)
    const candidate = decoded(target, source)
    if (candidate instanceof ApiError) {
      errors.push(candidate)
      return
    }
    if (dryRun === 'client') {
      out += printWritten(candidate, target.resource, output, 'replaced (dry run)')
      return
    }
    try {
      const live = ctx.sim.store.get(target.resource.kind, target.namespace, target.name)
      if (!live) throw new ApiError('NotFound', `${qualifiedPlural(target.resource)} "${target.name}" not found`)
      // Replace(overwrite=true): without a resourceVersion, kubectl sends the live one.
      candidate.metadata.resourceVersion ??= live.metadata.resourceVersion
      const written = ctx.sim.ctx.api.update(candidate, { dryRun: dryRun === 'server' })
      out += printWritten(written, target.resource, output, dryRun === 'server' ? 'replaced (server dry run)' : 'replaced')
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      errors.push(withSource(e, source))
    }
  })
  ctx.sim.settle()
  if (errors.length === 1) return out + errors[0].kubectlText() + '\n'
  return out + errors.map((e) => e.printed() + '\n').join('')
}

/** The file's object, decoded strictly as the server decodes a PUT body (field validation Strict). */
function decoded(target: Target, source: string): KubeObject | ApiError {
  const m = target.fromFile!
  const module = kindModule(target.resource.kind)!
  const problems = strictDecode(m, module.shape ?? looseShape(target.resource.kind))
  if (problems.length > 0) {
    const kind = target.resource.kind
    return new ApiError('BadRequest', `error when replacing "${source}": ${kind} in version "${target.resource.version}" cannot be handled as a ${kind}: ${problems[0].message}`)
  }
  const obj = (module.shape ? dropNulls(m) : structuredClone(m)) as unknown as KubeObject
  obj.metadata = { ...obj.metadata, ...(target.namespace ? { namespace: target.namespace } : {}) }
  return obj
}

/** cmdutil.AddSourceToErr: the file is named in the message; the details stay, so Invalid still prints as kubectl's. */
function withSource(e: ApiError, source: string): ApiError {
  return new ApiError(e.reason, `error when replacing "${source}": ${e.message}`, e.path, e.causeType, e.details)
}

function forceReplace(ctx: CommandContext, targets: Target[], output: string | undefined): string {
  let out = ''
  const graceFlag = flag(ctx.args, 'grace-period')
  let grace = graceFlag === undefined ? undefined : Number(graceFlag)
  // kubectl turns --grace-period=0 into 1 and waits, so that nothing is lost by accident.
  if (grace === 0) grace = 1
  if (grace !== undefined && grace < 0) grace = undefined
  const deleted: KubeObject[] = []
  for (const target of targets) {
    const live = ctx.sim.store.get(target.resource.kind, target.namespace, target.name)
    if (!live) continue // replace --force creates what does not exist
    ctx.sim.ctx.api.delete(live.kind, live.metadata.namespace, live.metadata.name, { gracePeriodSeconds: grace })
    deleted.push(live)
    const where = target.resource.namespaced ? ` from ${live.metadata.namespace} namespace` : ''
    out += `${qualifiedSingular(target.resource)} "${live.metadata.name}" deleted${where}\n`
  }
  ctx.sim.settle()
  const store = ctx.sim.store
  const gone = () => deleted.every((o) => store.get(o.kind, o.metadata.namespace, o.metadata.name)?.metadata.uid !== o.metadata.uid)
  const deadline = ctx.sim.now + FORCE_WAIT_LIMIT_MS
  if (ctx.io.waitAdvancesTime) while (!gone() && ctx.sim.now < deadline) ctx.sim.advance(WAIT_STEP_MS)
  if (!gone()) throw new KubectlError('error: timed out waiting for the condition')
  for (const target of targets) {
    const candidate = decoded(target, 'STDIN')
    if (candidate instanceof ApiError) throw candidate
    const created = ctx.sim.ctx.api.create(candidate)
    out += printWritten(created, target.resource, output, 'replaced')
  }
  ctx.sim.settle()
  return out
}
