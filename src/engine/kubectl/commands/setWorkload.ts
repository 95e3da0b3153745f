import { ApiError } from '../../api/errors.ts'
import { deepEqual } from '../../api/patch/jsonPatch.ts'
import { qualifiedSingular } from '../../api/resources.ts'
import type { KubeObject, PodSpec } from '../../api/types.ts'
import { parseSelectorExpression } from '../../util/labels.ts'
import { boolFlag, flag } from '../args.ts'
import { dryRunStrategy } from '../dryRunFlag.ts'
import { checkOutputFormat, printWritten } from '../printers/objectOutput.ts'
import { KubectlError, resolveResourceArgs } from '../resolve.ts'
import type { CommandContext } from './context.ts'
import { resourceTargets, type Target } from './resourceTargets.ts'

/**
 * The pod spec a `kubectl set` subcommand changes (polymorphichelpers
 * UpdatePodSpecForObjectFn): a Pod's own, or the template's of a workload.
 */
export function podSpecOf(obj: KubeObject): PodSpec | undefined {
  const spec = obj.spec as Record<string, unknown> | undefined
  if (!spec) return undefined
  if (obj.kind === 'Pod') return spec as unknown as PodSpec
  if (obj.kind === 'CronJob') {
    const job = spec.jobTemplate as { spec?: { template?: { spec?: PodSpec } } } | undefined
    return job?.spec?.template?.spec
  }
  if (['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ReplicationController', 'Job'].includes(obj.kind)) {
    return (spec.template as { spec?: PodSpec } | undefined)?.spec
  }
  return undefined
}

/** kubectl's `-c` container selector: a name, or a pattern with `*` wildcards (selectString). */
export function selectString(s: string, spec: string): boolean {
  if (spec === '*') return true
  if (!spec.includes('*')) return s === spec
  const pattern = spec
    .split('*')
    .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')
  return new RegExp(`^${pattern}$`).test(s)
}

/** The objects a `set` subcommand names: `TYPE NAME`, `TYPE/NAME`, `-f`, `--all` or `-l`, fetched before any change. */
export function setTargets(ctx: CommandContext, resources: string[]): { target: Target; live: KubeObject }[] {
  const all = boolFlag(ctx.args, 'all')
  const selector = flag(ctx.args, 'selector')
  if (all && selector) throw new KubectlError('error: cannot set --all and --selector at the same time')
  if ((all || selector) && resources.length === 1 && !resources[0].includes('/')) {
    const [{ resource }] = resolveResourceArgs(resources)
    let objects = ctx.sim.store.list(resource.kind, resource.namespaced ? ctx.namespace : undefined)
    if (selector) {
      const match = parseSelectorExpression(selector)
      if (typeof match === 'string') throw new KubectlError(`error: ${match}`)
      objects = objects.filter((o) => match(o.metadata.labels))
    }
    return objects.map((live) => ({ target: { resource, namespace: live.metadata.namespace, name: live.metadata.name }, live }))
  }
  return resourceTargets(ctx, 'set', resources).map((target) => {
    const live = ctx.sim.store.get(target.resource.kind, target.namespace, target.name)
    if (!live) throw new ApiError('NotFound', `${target.resource.group ? `${target.resource.plural}.${target.resource.group}` : target.resource.plural} "${target.name}" not found`)
    return { target, live }
  })
}

/** What a subcommand does to one object's copy: an error to report (or a `Warning: …` and the object is left alone), or nothing. */
export type Change = (draft: KubeObject, spec: PodSpec, name: string) => string | void

/**
 * The common run of `kubectl set image|env|resources|serviceaccount`: change a copy of
 * each object, skip it when nothing changed (unless `alwaysWrite`), write it through
 * the API server, and print `deployment.apps/web <operation>` (with ` (dry run)` or
 * ` (server dry run)`). Errors are printed after the results, as kubectl aggregates them.
 */
export function runSetChange(ctx: CommandContext, resources: string[], operation: string, change: Change, opts: { alwaysWrite?: boolean; failurePrefix: string }): string {
  const output = flag(ctx.args, 'output')
  checkOutputFormat(output)
  const dryRun = dryRunStrategy(ctx.args)
  if (boolFlag(ctx.args, 'local') && dryRun === 'server') throw new KubectlError('error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?')
  if (boolFlag(ctx.args, 'local')) throw new KubectlError('error: kubesim runs every kubectl command against its cluster; --local is not supported here')
  const found = setTargets(ctx, resources)
  let out = ''
  let warnings = ''
  const errors: string[] = []
  for (const { target, live } of found) {
    const name = `${qualifiedSingular(target.resource)}/${live.metadata.name}`
    const draft = structuredClone(live)
    const spec = podSpecOf(draft)
    if (!spec) {
      errors.push(`error: ${name} the object is not a pod or does not have a pod template: *v1.${live.kind}\n`)
      continue
    }
    const problem = change(draft, spec, name)
    if (problem?.startsWith('Warning: ')) {
      warnings += problem + '\n'
      continue
    }
    if (problem) {
      errors.push(problem)
      continue
    }
    if (!opts.alwaysWrite && deepEqual(draft, live)) continue
    const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''
    if (dryRun === 'client') {
      out += printWritten(draft, target.resource, output, operation + suffix)
      continue
    }
    try {
      const written = ctx.sim.ctx.api.update(draft, { dryRun: dryRun === 'server' })
      out += printWritten(written, target.resource, output, operation + suffix)
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      errors.push(`error: ${opts.failurePrefix} ${goErrorText(e)}`)
    }
  }
  ctx.sim.settle()
  return warnings + out + errors.map((e) => (e.endsWith('\n') ? e : e + '\n')).join('')
}

/** A server error as Go's err.Error() gives it (the Status message), for errors kubectl wraps. */
function goErrorText(e: ApiError): string {
  const d = e.details
  if (e.reason !== 'Invalid' || !d?.causes || !d.kind) return e.message
  const causes = [...new Set(d.causes.map((c) => `${c.field}: ${c.message}`))]
  return `${d.kind} "${d.name}" is invalid: ${causes.length === 1 ? causes[0] : `[${causes.join(', ')}]`}`
}
