import { ApiError } from '../api/errors.ts'
import { qualifiedPlural, type ResourceType } from '../api/resources.ts'
import type { KubeObject } from '../api/types.ts'
import { kindModule } from '../kinds/registry.ts'
import { parseSelectorExpression } from '../util/labels.ts'
import { boolFlag, flag } from './args.ts'
import type { CommandContext } from './commands/context.ts'
import { parseFieldSelector } from './fieldSelector.ts'
import { KubectlError, resolveResourceArgs } from './resolve.ts'

/** One object a command visits, or the error that stood in its place (a name not found). */
export type Visit = { resource: ResourceType; obj: KubeObject } | { error: ApiError }

export interface Targets {
  visits: Visit[]
  /** One object named (`pod web`, `pod/web`): kubectl then prints it bare, and label --list without a heading. */
  singleItemImplied: boolean
}

/**
 * What cli-runtime's resource Builder gives label, annotate and taint for
 * `TYPE NAME…`, `TYPE/NAME…`, `TYPE -l SELECTOR` or `TYPE --all`, in visiting order,
 * with the builder's own refusals thrown as kubectl prints them.
 */
export function resourceTargets(ctx: CommandContext, resourceArgs: string[], selectAll: boolean): Targets {
  const selector = flag(ctx.args, 'selector')
  const fieldSelector = flag(ctx.args, 'field-selector')
  const bySelector = selectAll || !!selector || !!fieldSelector
  const requests = resolveResourceArgs(resourceArgs)
  const slashForm = resourceArgs.some((a) => a.includes('/'))
  const named = requests.some((r) => r.names.length > 0)
  if (slashForm && bySelector) throw new KubectlError('error: selectors and the all flag cannot be used when passing resource/name arguments')
  if (named && bySelector) throw new KubectlError('error: name cannot be provided when a selector is specified')
  if (!named && !bySelector) throw new KubectlError('error: resource(s) were provided, but no name was specified')

  const visits: Visit[] = []
  if (named) {
    for (const req of requests) {
      if (req.resource.namespaced && ctx.allNamespaces) throw new KubectlError('error: a resource cannot be retrieved by name across all namespaces')
      const ns = req.resource.namespaced ? ctx.namespace : undefined
      for (const name of req.names) {
        const obj = ctx.sim.store.get(req.resource.kind, ns, name)
        visits.push(obj ? { resource: req.resource, obj } : { error: new ApiError('NotFound', `${qualifiedPlural(req.resource)} "${name}" not found`) })
      }
    }
    const count = requests.reduce((n, r) => n + r.names.length, 0)
    return { visits, singleItemImplied: count === 1 }
  }

  const match = selector ? parseSelectorExpression(selector) : undefined
  if (typeof match === 'string') throw new KubectlError(`error: ${match}`)
  for (const req of requests) {
    const ns = req.resource.namespaced && !ctx.allNamespaces ? ctx.namespace : undefined
    let objects = [...ctx.sim.store.list(req.resource.kind, ns)]
    if (match) objects = objects.filter((o) => match(o.metadata.labels))
    if (fieldSelector) objects = objects.filter(parseFieldSelector(fieldSelector, req.resource, kindModule(req.resource.kind)?.fieldLabels))
    for (const obj of objects) visits.push({ resource: req.resource, obj })
  }
  return { visits, singleItemImplied: false }
}

/** --all with -l or --field-selector is refused before anything is read. */
export function refuseAllWithSelectors(ctx: CommandContext): void {
  if (!boolFlag(ctx.args, 'all')) return
  if (flag(ctx.args, 'selector')) throw new KubectlError('error: cannot set --all and --selector at the same time')
  if (flag(ctx.args, 'field-selector')) throw new KubectlError('error: cannot set --all and --field-selector at the same time')
}

/**
 * How kubectl prints the errors a ContinueOnError visit collected: one error alone as
 * `error: …` (or `Error from server (…): …`), several one per line without the prefix.
 * An entry that is a list of messages is one aggregate error (several overwrite conflicts).
 */
export function collectedErrorsText(errors: (ApiError | string[])[]): string {
  const standard = (e: ApiError) => (e.reason === 'Invalid' ? e.message : e.printed())
  if (errors.length === 0) return ''
  if (errors.length === 1) {
    const only = errors[0]
    if (only instanceof ApiError) return standard(only) + '\n'
    if (only.length === 1) return `error: ${only[0]}\n`
    return only.map((m) => m + '\n').join('')
  }
  return errors.map((e) => (e instanceof ApiError ? e.printed() : aggregateText(e)) + '\n').join('')
}

function aggregateText(messages: string[]): string {
  const unique = [...new Set(messages)]
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`
}
