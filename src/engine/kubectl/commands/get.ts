import { stringify } from 'yaml'
import { qualifiedPlural, qualifiedSingular, type ResourceType } from '../../api/resources.ts'
import type { KubeObject } from '../../api/types.ts'
import { formatLabels, parseSelectorExpression } from '../../util/labels.ts'
import { boolFlag, flag, flagList } from '../args.ts'
import { parseFieldSelector } from '../fieldSelector.ts'
import { kindModule } from '../../kinds/registry.ts'
import { genericTable } from '../printers/genericTable.ts'
import { customColumnLines, parseCustomColumns, type CustomColumn } from '../printers/customColumns.ts'
import { GoTemplate, GoTemplateError } from '../printers/goTemplate.ts'
import { JsonPath, JsonPathError, jsonPathExecutionError } from '../printers/jsonpath.ts'
import { sortByField } from '../printers/sortBy.ts'
import { KubectlError, resolveResourceArgs } from '../resolve.ts'
import { GET_TABWRITER, tabwrite } from '../tabwriter.ts'
import type { CommandContext, KubectlCommand } from './context.ts'
import { startWatch } from './getWatch.ts'
import { rawGet } from './getRaw.ts'
import { sortedKeys } from '../../util/goJson.ts'

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


const ALLOWED_FORMATS =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml'

/** How `-o` asked for the objects to be printed. */
type Printer =
  | { kind: 'table'; wide: boolean }
  | { kind: 'yaml' | 'json' | 'name' }
  | { kind: 'jsonpath'; template: string; path: JsonPath }
  | { kind: 'custom-columns'; columns: CustomColumn[] }
  | { kind: 'go-template'; template: string; program: GoTemplate }

function choosePrinter(ctx: CommandContext): Printer {
  const output = flag(ctx.args, 'output') ?? ''
  if (output === '' || output === 'wide') return { kind: 'table', wide: output === 'wide' }
  if (output === 'yaml' || output === 'json' || output === 'name') return { kind: output }
  const eq = output.indexOf('=')
  const format = eq < 0 ? output : output.slice(0, eq)
  const argument = eq < 0 ? (flag(ctx.args, 'template') ?? '') : output.slice(eq + 1)
  if (format === 'jsonpath' || format === 'jsonpath-as-json') {
    if (argument === '') throw new KubectlError('error: template format specified but no template given')
    const allowMissingKeys = flag(ctx.args, 'allow-missing-template-keys') !== 'false'
    try {
      return { kind: 'jsonpath', template: argument, path: new JsonPath(argument, { allowMissingKeys, outputJson: format === 'jsonpath-as-json' }) }
    } catch (e) {
      if (e instanceof JsonPathError) throw new KubectlError(`error: error parsing jsonpath ${argument}, ${e.message}`)
      throw e
    }
  }
  if (format === 'go-template' || format === 'template') {
    if (argument === '') throw new KubectlError('error: template format specified but no template given')
    try {
      const program = new GoTemplate(argument, { allowMissingKeys: flag(ctx.args, 'allow-missing-template-keys') !== 'false' })
      return { kind: 'go-template', template: argument, program }
    } catch (e) {
      if (e instanceof GoTemplateError) throw new KubectlError(`error: error parsing template ${argument}, ${e.message}`)
      throw e
    }
  }
  if (format === 'custom-columns') {
    try {
      const columns = parseCustomColumns(argument)
      for (const c of columns) new JsonPath(c.template, { allowMissingKeys: true })
      return { kind: 'custom-columns', columns }
    } catch (e) {
      if (e instanceof JsonPathError) throw new KubectlError(`error: ${e.message}`)
      throw e
    }
  }
  if (ALLOWED_FORMATS.split(',').includes(format)) throw new KubectlError(`error: kubesim does not support -o ${format} yet`)
  throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED_FORMATS}`)
}

interface Found {
  resource: ResourceType
  objects: KubeObject[]
}

/** Applies --sort-by to objects (each with its resource); JsonPathError becomes kubectl's error. */
function sortObjects<T extends { obj: KubeObject }>(ctx: CommandContext, entries: T[]): T[] {
  const field = flag(ctx.args, 'sort-by')
  if (!field) return entries
  try {
    return sortByField(field, entries.map((e) => sortedKeys(e.obj)), entries)
  } catch (e) {
    if (e instanceof JsonPathError) throw new KubectlError(`error: ${e.message}`)
    throw e
  }
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
    { name: 'template', takesValue: true },
    { name: 'allow-missing-template-keys', takesValue: false },
    { name: 'sort-by', takesValue: true },
    { name: 'label-columns', short: 'L', takesValue: true, repeatable: true },
    { name: 'raw', takesValue: true },
  ],
  run(ctx) {
    const raw = flag(ctx.args, 'raw')
    if (raw !== undefined) return rawGet(ctx, raw)
    const requests = resolveResourceArgs(ctx.args.positional)
    if (requests.length === 0) {
      throw new KubectlError(
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
      )
    }
    const printer = choosePrinter(ctx)
    // The server's warnings come with its responses, ahead of what kubectl prints from them.
    const warnings = [...new Set(requests.map((r) => kindModule(r.resource.kind)?.deprecationWarning).filter(Boolean))].map((w) => `Warning: ${w}\n`).join('')
    return warnings + getOutput(ctx, requests, printer)
  },
}

/** What `get` prints for the resources asked for. */
function getOutput(ctx: CommandContext, requests: ReturnType<typeof resolveResourceArgs>, printer: Printer): string {
  if (boolFlag(ctx.args, 'watch')) return startWatch(ctx, requests, printer.kind === 'table' ? printer.wide : undefined)
  const errors: string[] = []
  const found: Found[] = []
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
  const errorText = errors.map((e) => e + '\n').join('')
  // `get pod web` (or pod/web) prints the object itself; anything else prints a List.
  const singleItemImplied = requests.length === 1 && requests[0].names.length === 1
  if (printer.kind !== 'table') {
    if (singleItemImplied && errors.length > 0) return errorText
    const entries = sortObjects(
      ctx,
      found.flatMap((f) => f.objects.map((obj) => ({ resource: f.resource, obj }))),
    )
    return printGeneric(printer, entries, singleItemImplied, ctx) + errorText
  }

  const nonEmpty = found.filter((f) => f.objects.length > 0)
  let out = ''
  const prefixNames = requests.length > 1 || ctx.args.positional[0].includes('/')
  out += nonEmpty
    .map((f) => {
      const objects = f.objects.length > 1 ? sortObjects(ctx, f.objects.map((obj) => ({ obj }))).map((e) => e.obj) : f.objects
      return renderTable(ctx, f.resource, objects, ctx.sim.now, printer.wide, prefixNames && requests.length > 1)
    })
    // A blank line between tables, unless --no-headers (get.go: `!o.NoHeaders && nonEmptyObjCount > 0`).
    .join(boolFlag(ctx.args, 'no-headers') ? '' : '\n')
  if (nonEmpty.length === 0 && errors.length === 0) {
    out += noResourcesMessage(ctx, requests.every((r) => r.resource.namespaced)) + '\n'
  }
  return out + errorText
}

/** yaml, json, name, jsonpath and custom-columns (kubectl get's printGeneric). */
function printGeneric(printer: Exclude<Printer, { kind: 'table' }>, entries: { resource: ResourceType; obj: KubeObject }[], singleItemImplied: boolean, ctx: CommandContext): string {
  const items = entries.map((e) => sortedKeys(e.obj))
  const single = singleItemImplied && items.length === 1
  const data = single ? items[0] : { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }
  switch (printer.kind) {
    case 'yaml':
      return stringify(data, { lineWidth: 0, indentSeq: false, version: '1.1' })
    case 'json':
      return JSON.stringify(data, null, 4) + '\n'
    case 'name':
      return entries.map((e) => `${qualifiedSingular(e.resource)}/${e.obj.metadata.name}\n`).join('')
    case 'jsonpath':
      try {
        return printer.path.execute(data)
      } catch (e) {
        if (e instanceof JsonPathError) throw new KubectlError(`error: ${jsonPathExecutionError(printer.template, e.message, data).replace(/\n$/, '')}`)
        throw e
      }
    case 'go-template':
      try {
        return printer.program.execute(data)
      } catch (e) {
        if (e instanceof GoTemplateError) throw new KubectlError(`error: error executing template "${printer.template}": ${e.message}`)
        throw e
      }
    case 'custom-columns': {
      let lines: string[]
      try {
        lines = customColumnLines(printer.columns, single ? [data] : items, boolFlag(ctx.args, 'no-headers'))
      } catch (e) {
        if (e instanceof JsonPathError) throw new KubectlError(`error: ${e.message}`)
        throw e
      }
      return lines.length === 0 ? '' : tabwrite(lines.join('\n') + '\n', GET_TABWRITER)
    }
  }
}

/** `-L app,tier`: one upper-cased column per label key (its last path segment). */
function labelColumns(ctx: CommandContext): string[] {
  return flagList(ctx.args, 'label-columns')
    .flatMap((v) => v.split(','))
    .map((l) => l.trim())
    .filter(Boolean)
}

function renderTable(ctx: CommandContext, resource: ResourceType, objects: KubeObject[], now: number, wide: boolean, prefixNames: boolean): string {
  const { headers, rows } = tableCells(ctx, resource, objects, now, wide, prefixNames)
  const lines = boolFlag(ctx.args, 'no-headers') ? rows : [headers, ...rows]
  return tabwrite(lines.map((cells) => cells.join('\t')).join('\n') + '\n', GET_TABWRITER)
}

/** The table's header and row cells, before the tabwriter aligns them (`get -w` aligns row by row). */
export function tableCells(ctx: CommandContext, resource: ResourceType, objects: KubeObject[], now: number, wide: boolean, prefixNames: boolean): { headers: string[]; rows: string[][] } {
  const table = kindModule(resource.kind)?.table ?? genericTable
  const showLabels = boolFlag(ctx.args, 'show-labels')
  const labelKeys = labelColumns(ctx)
  const headers = [
    ...(ctx.allNamespaces && resource.namespaced ? ['NAMESPACE'] : []),
    ...(wide && table.wideTable ? table.wideTable.columns : [...table.columns, ...(wide ? table.wideColumns : [])]),
    ...labelKeys.map((k) => k.split('/').at(-1)!.toUpperCase()),
    ...(showLabels ? ['LABELS'] : []),
  ]
  const rows = objects.map((o) => {
    const cells = wide && table.wideTable ? table.wideTable.row(o, now) : [...table.row(o, now), ...(wide ? table.wideRow(o, now) : [])]
    if (prefixNames && cells[0] === o.metadata.name) cells[0] = `${qualifiedSingular(resource)}/${o.metadata.name}`
    return [
      ...(ctx.allNamespaces && resource.namespaced ? [o.metadata.namespace ?? ''] : []),
      ...cells,
      ...labelKeys.map((k) => o.metadata.labels?.[k] ?? ''),
      ...(showLabels ? [formatLabels(o.metadata.labels)] : []),
    ]
  })
  return { headers, rows }
}
