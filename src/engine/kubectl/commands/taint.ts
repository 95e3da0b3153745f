import { ApiError } from '../../api/errors.ts'
import { resolveResourceName } from '../../api/resources.ts'
import type { Node, Taint } from '../../api/types.ts'
import { labelValueErrors, qualifiedNameErrors } from '../../admission/labelValidation.ts'
import { boolFlag, flag } from '../args.ts'
import { DRY_RUN_FLAG, dryRunStrategy, dryRunSuffix } from '../dryRunFlag.ts'
import { chooseObjectOutput, printObject } from '../printers/objectPrinter.ts'
import { collectedErrorsText, resourceTargets } from '../resourceTargets.ts'
import { KubectlError } from '../resolve.ts'
import type { KubectlCommand } from './context.ts'

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute']

/** A taint parse error: kubectl reports it as a usage error. */
function usage(message: string): KubectlError {
  return new KubectlError(`error: ${message}\nSee 'kubectl taint -h' for help and examples`)
}

/** parseTaint (kubectl/pkg/cmd/taint/utils.go): `key=value:Effect`, `key:Effect` or `key`. */
function parseTaint(spec: string): Taint {
  const parts = spec.split(':')
  let key: string
  let value = ''
  let effect = ''
  if (parts.length === 1) key = parts[0]
  else if (parts.length === 2) {
    effect = parts[1]
    if (!EFFECTS.includes(effect)) throw usage(`invalid taint effect: ${effect}, unsupported taint effect`)
    const kv = parts[0].split('=')
    if (kv.length > 2) throw usage(`invalid taint spec: ${spec}`)
    key = kv[0]
    if (kv.length === 2) {
      value = kv[1]
      const errs = labelValueErrors(value)
      if (errs.length) throw usage(`invalid taint spec: ${spec}, ${errs.join('; ')}`)
    }
  } else throw usage(`invalid taint spec: ${spec}`)
  const errs = qualifiedNameErrors(key)
  if (errs.length) throw usage(`invalid taint spec: ${spec}, ${errs.join('; ')}`)
  return { key, ...(value ? { value } : {}), effect } as Taint
}

/** Taint.ToString: `key=value:Effect`, `key:Effect`, `key`. */
function taintText(t: Taint): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`
}

/** parseTaints: new taints must have an effect and be unique by key and effect; `…-` removes. */
function parseTaints(specs: string[]): { add: Taint[]; remove: Taint[] } {
  const add: Taint[] = []
  const remove: Taint[] = []
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      remove.push(parseTaint(spec.slice(0, -1)))
      continue
    }
    const taint = parseTaint(spec)
    if (!taint.effect) throw usage(`invalid taint spec: ${spec}`)
    // Go prints the struct with %v: {key value effect <nil>}.
    if (add.some((t) => t.key === taint.key && t.effect === taint.effect)) throw usage(`duplicated taints with the same key and effect: {${taint.key} ${taint.value ?? ''} ${taint.effect} <nil>}`)
    add.push(taint)
  }
  return { add, remove }
}

/**
 * reorganizeTaints: the new taints first, then the old ones they do not replace, less
 * the removed ones. Says `tainted`, `untainted`, or `modified` (with --overwrite, or
 * when taints were both added and removed); a removal that matches nothing is an error.
 */
function reorganize(old: Taint[], add: Taint[], remove: Taint[], overwrite: boolean): { operation: string; taints: Taint[] } | string[] {
  let taints = [...add]
  for (const o of old) if (!taints.some((t) => t.key === o.key && t.effect === o.effect)) taints.push(o)
  const added = old.length !== taints.length
  const errors: string[] = []
  let deleted = false
  for (const r of remove) {
    const before = taints.length
    taints = taints.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)))
    deleted = taints.length !== before
    if (!deleted) errors.push(`taint ${JSON.stringify(taintText(r))} not found`)
  }
  if (errors.length) return errors
  return { operation: (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : 'untainted', taints }
}

/** `kubectl taint nodes NAME… key=value:Effect key:Effect-` (pkg/cmd/taint), with -l, --all, --overwrite, --dry-run and -o. */
export const taintCommand: KubectlCommand = {
  name: 'taint',
  flags: [
    { name: 'overwrite', takesValue: false },
    { name: 'all', takesValue: false },
    { name: 'selector', short: 'l', takesValue: true },
    { name: 'output', short: 'o', takesValue: true },
    { name: 'field-manager', takesValue: true },
    { name: 'validate', takesValue: true, optionalValue: 'strict' },
    { name: 'allow-missing-template-keys', takesValue: false },
    { name: 'show-managed-fields', takesValue: false },
    DRY_RUN_FLAG,
  ],
  run(ctx) {
    const dryRun = dryRunStrategy(ctx.args)
    const resources: string[] = []
    const specs: string[] = []
    for (const s of ctx.args.positional) {
      const isTaint = s.includes('=') || s.includes(':') || s.endsWith('-')
      if (isTaint) specs.push(s)
      else if (specs.length === 0) resources.push(s)
      else throw new KubectlError(`error: all resources must be specified before taint changes: ${s}`)
    }
    if (resources.length === 0) throw new KubectlError('error: one or more resources must be specified as <resource> <name>')
    if (specs.length === 0) throw new KubectlError('error: at least one taint update is required')
    const { add, remove } = parseTaints(specs)
    const typed = resources[0].toLowerCase()
    const resource = resolveResourceName(typed)
    if (!resource) throw new KubectlError(`the server doesn't have a resource type ${JSON.stringify(typed)}`)
    if (resource.kind !== 'Node') throw new KubectlError(`error: invalid resource type ${typed}, only node types are supported`)
    const conflicts = add.flatMap((a) => remove.filter((r) => r.key === a.key && (!r.effect || r.effect === a.effect)).map((r) => `${r.key}=${r.effect}`))
    if (conflicts.length) throw new KubectlError(`error: can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`)
    const all = boolFlag(ctx.args, 'all')
    const selector = flag(ctx.args, 'selector')
    if (all && selector) throw new KubectlError("error: setting 'all' parameter with a non empty selector is prohibited")
    if (!all && !selector && resources.length < 2) throw new KubectlError("error: at least one resource name must be specified since 'all' parameter is not set")
    const printer = chooseObjectOutput(flag(ctx.args, 'output'))
    const overwrite = boolFlag(ctx.args, 'overwrite')
    // With -l or --all the names are ignored: every matching node is visited.
    const targets = resourceTargets(ctx, all || selector ? ['nodes'] : ['nodes', ...resources.slice(1)], all)

    let out = ''
    const errors: (ApiError | string[])[] = []
    for (const visit of targets.visits) {
      if ('error' in visit) {
        errors.push(visit.error)
        continue
      }
      const node = visit.obj as Node
      const old = node.spec.taints ?? []
      if (!overwrite) {
        const existing = add.filter((a) => old.some((o) => o.key === a.key && o.effect === a.effect)).map((a) => a.key)
        if (existing.length) {
          errors.push([`node ${node.metadata.name} already has ${existing.join(',')} taint(s) with same effect(s) and --overwrite is false`])
          continue
        }
      }
      const result = reorganize(old, add, remove, overwrite)
      if (Array.isArray(result)) {
        errors.push(result)
        continue
      }
      let shown: Node = { ...structuredClone(node), spec: { ...structuredClone(node.spec), taints: result.taints } }
      if (!shown.spec.taints?.length) delete shown.spec.taints
      if (dryRun !== 'client') {
        try {
          shown = ctx.sim.ctx.api.update(structuredClone(shown), { dryRun: dryRun === 'server' })
        } catch (e) {
          if (!(e instanceof ApiError)) throw e
          errors.push(e)
          continue
        }
      }
      out += printObject(printer, visit.resource, shown, result.operation + dryRunSuffix(dryRun))
    }
    ctx.sim.settle()
    return out + collectedErrorsText(errors)
  },
}
