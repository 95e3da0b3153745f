import { stringify } from 'yaml'
import { qualifiedPlural, qualifiedSingular, type ResourceType } from '../../api/resources.ts'
import type { KubeObject } from '../../api/types.ts'
import { formatLabels, parseSelectorExpression } from '../../util/labels.ts'
import { boolFlag, flag } from '../args.ts'
import { parseFieldSelector } from '../fieldSelector.ts'
import { kindModule } from '../../kinds/registry.ts'
import { genericTable } from '../printers/genericTable.ts'
import { KubectlError, resolveResourceArgs } from '../resolve.ts'
import { GET_TABWRITER, tabwrite } from '../tabwriter.ts'
import type { CommandContext, KubectlCommand } from './context.ts'

/** Objects of one resource type visible to this command (namespace, -A, -l, --field-selector). */
export function listObjects(ctx: CommandContext, resource: ResourceType): KubeObject[] {
  const ns = resource.namespaced && !ctx.allNamespaces ? ctx.namespace : undefined
  let objects: readonly KubeObject[] = ctx.sim.store.list(resource.kind, ns)
  const selector = flag(ctx.args, 'selector')
  if (selector) {
    const match = parseSelectorExpression(selector)
    if (typeof match === 'string') throw new KubectlError(`error: ${match}`)
    objects = objects.filter((o) => match(o.metadata.labels))
  }
  const fieldSelector = flag(ctx.args, 'field-selector')
  if (fieldSelector) objects = objects.filter(parseFieldSelector(fieldSelector, resource, kindModule(resource.kind)?.fieldLabels))
  return [...objects]
}

export function notFound(resource: ResourceType, name: string): string {
  return `Error from server (NotFound): ${qualifiedPlural(resource)} "${name}" not found`
}

export function noResourcesMessage(ctx: CommandContext, namespaced: boolean): string {
  return namespaced && !ctx.allNamespaces ? `No resources found in ${ctx.namespace} namespace.` : 'No resources found'
}

/** kubectl prints objects as generic maps, whose keys encoding/json and sigs.k8s.io/yaml sort. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys)
  if (!value || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key]
    if (v !== undefined) out[key] = sortedKeys(v)
  }
  return out
}

function toListOutput(objects: KubeObject[], format: 'yaml' | 'json'): string {
  const value = sortedKeys(objects.length === 1 ? objects[0] : { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } })
  return format === 'json' ? JSON.stringify(value, null, 4) + '\n' : stringify(value, { lineWidth: 0, indentSeq: false, version: '1.1' })
}

export const getCommand: KubectlCommand = {
  name: 'get',
  flags: [
    { name: 'output', short: 'o', takesValue: true },
    { name: 'selector', short: 'l', takesValue: true },
    { name: 'field-selector', takesValue: true },
    { name: 'show-labels', takesValue: false },
    { name: 'no-headers', takesValue: false },
    { name: 'watch', short: 'w', takesValue: false },
  ],
  run(ctx) {
    const requests = resolveResourceArgs(ctx.args.positional)
    if (requests.length === 0) {
      throw new KubectlError(
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
      )
    }
    if (boolFlag(ctx.args, 'watch')) throw new KubectlError('error: kubesim scripts cannot watch; use `advance` and get again')
    const output = flag(ctx.args, 'output') ?? ''
    if (!['', 'wide', 'yaml', 'json', 'name'].includes(output)) {
      throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,wide,yaml`)
    }
    const now = ctx.sim.now
    const errors: string[] = []
    const found: { resource: ResourceType; objects: KubeObject[] }[] = []
    for (const req of requests) {
      if (req.names.length === 0) found.push({ resource: req.resource, objects: listObjects(ctx, req.resource) })
      else {
        const objects: KubeObject[] = []
        const ns = req.resource.namespaced ? ctx.namespace : undefined
        for (const name of req.names) {
          const obj = ctx.sim.store.get(req.resource.kind, ns, name)
          if (obj) objects.push(obj)
          else errors.push(notFound(req.resource, name))
        }
        found.push({ resource: req.resource, objects })
      }
    }

    const nonEmpty = found.filter((f) => f.objects.length > 0)
    let out = ''
    if (output === 'yaml' || output === 'json') {
      const all = nonEmpty.flatMap((f) => f.objects)
      if (all.length > 0) out += toListOutput(all, output)
    } else if (output === 'name') {
      for (const f of nonEmpty) for (const o of f.objects) out += `${qualifiedSingular(f.resource)}/${o.metadata.name}\n`
    } else {
      const prefixNames = requests.length > 1 || ctx.args.positional[0].includes('/')
      out += nonEmpty
        .map((f) => renderTable(ctx, f.resource, f.objects, now, output === 'wide', prefixNames && requests.length > 1))
        .join('\n')
    }
    if (nonEmpty.length === 0 && errors.length === 0) {
      out += noResourcesMessage(ctx, requests.every((r) => r.resource.namespaced)) + '\n'
    }
    return out + errors.map((e) => e + '\n').join('')
  },
}

function renderTable(ctx: CommandContext, resource: ResourceType, objects: KubeObject[], now: number, wide: boolean, prefixNames: boolean): string {
  const table = kindModule(resource.kind)?.table ?? genericTable
  const showLabels = boolFlag(ctx.args, 'show-labels')
  const headers = [...(ctx.allNamespaces && resource.namespaced ? ['NAMESPACE'] : []), ...table.columns, ...(wide ? table.wideColumns : []), ...(showLabels ? ['LABELS'] : [])]
  const rows = objects.map((o) => {
    const cells = table.row(o, now)
    if (prefixNames && cells[0] === o.metadata.name) cells[0] = `${qualifiedSingular(resource)}/${o.metadata.name}`
    return [
      ...(ctx.allNamespaces && resource.namespaced ? [o.metadata.namespace ?? ''] : []),
      ...cells,
      ...(wide ? table.wideRow(o, now) : []),
      ...(showLabels ? [formatLabels(o.metadata.labels)] : []),
    ]
  })
  const lines = boolFlag(ctx.args, 'no-headers') ? rows : [headers, ...rows]
  return tabwrite(lines.map((cells) => cells.join('\t')).join('\n') + '\n', GET_TABWRITER)
}
