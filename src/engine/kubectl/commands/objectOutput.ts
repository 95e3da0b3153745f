import { ApiError } from '../../api/errors.ts'
import { qualifiedSingular, resourceForKind } from '../../api/resources.ts'
import type { KubeObject } from '../../api/types.ts'
import { flag, type FlagSpec, type ParsedArgs } from '../args.ts'
import { JsonPath, JsonPathError } from '../printers/jsonpath.ts'
import { typedObjectJson, typedObjectYaml } from '../printers/typedObject.ts'
import { KubectlError } from '../resolve.ts'
import type { CommandContext } from './context.ts'

/**
 * What kubectl's object-making verbs (`create <what>`, `run`, `expose`) share: the
 * --dry-run strategy, the -o printer, and sending the object to the API server.
 */
export const OBJECT_OUTPUT_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', takesValue: true },
  { name: 'dry-run', takesValue: true, optionalValue: 'unchanged' },
  { name: 'template', takesValue: true },
  { name: 'allow-missing-template-keys', takesValue: false },
  { name: 'show-managed-fields', takesValue: false },
  { name: 'save-config', takesValue: false },
  { name: 'validate', takesValue: true, optionalValue: 'strict' },
  { name: 'field-manager', takesValue: true },
]

export type DryRun = 'none' | 'client' | 'server'

/** cmdutil.GetDryRunStrategy; a bare `--dry-run` is the deprecated spelling of client. */
export function dryRunStrategy(args: ParsedArgs): DryRun {
  const value = flag(args, 'dry-run') ?? 'none'
  if (value === 'unchanged' || value === 'true' || value === 'client') return 'client'
  if (value === 'false' || value === 'none') return 'none'
  if (value === 'server') return 'server'
  throw new KubectlError(`error: Invalid dry-run value (${value}). Must be "none", "server", or "client".`)
}

const FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml'

type Format = { kind: 'default' | 'yaml' | 'json' | 'name' } | { kind: 'jsonpath'; path: JsonPath }

/** The -o printer, refused as kubectl's PrintFlags refuse an unknown one. */
export function outputFormat(args: ParsedArgs): Format {
  const output = flag(args, 'output') ?? ''
  if (output === '') return { kind: 'default' }
  if (output === 'yaml' || output === 'json' || output === 'name') return { kind: output }
  const eq = output.indexOf('=')
  const format = eq < 0 ? output : output.slice(0, eq)
  if (format === 'jsonpath' || format === 'jsonpath-as-json') {
    const template = eq < 0 ? (flag(args, 'template') ?? '') : output.slice(eq + 1)
    if (template === '') throw new KubectlError('error: template format specified but no template given')
    try {
      return { kind: 'jsonpath', path: new JsonPath(template, { allowMissingKeys: flag(args, 'allow-missing-template-keys') !== 'false', outputJson: format === 'jsonpath-as-json' }) }
    } catch (e) {
      if (e instanceof JsonPathError) throw new KubectlError(`error: error parsing jsonpath ${template}, ${e.message}`)
      throw e
    }
  }
  if (FORMATS.split(',').includes(format)) throw new KubectlError(`error: kubesim does not support -o ${format} yet`)
  throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${FORMATS}`)
}

/**
 * Sends a built object to the API server (unless --dry-run=client), as the generator's
 * typed client does: the server's refusal is printed bare, or wrapped as
 * `error: failed to create deployment: …` where kubectl wraps it.
 */
export function submitObject(ctx: CommandContext, obj: Record<string, unknown>, dryRun: DryRun, failurePrefix?: string): Record<string, unknown> {
  if (dryRun === 'client') return obj
  const sent = structuredClone(obj) as unknown as KubeObject
  sent.metadata ??= {} as KubeObject['metadata']
  if (resourceForKind(sent.kind)?.namespaced) sent.metadata.namespace ??= ctx.namespace
  let stored: KubeObject
  try {
    stored = ctx.sim.ctx.api.create(sent, { dryRun: dryRun === 'server' })
  } catch (e) {
    if (e instanceof ApiError) throw new KubectlError(failurePrefix ? `error: ${failurePrefix}: ${e.message}` : e.printed())
    throw e
  }
  if (dryRun === 'none') ctx.sim.settle()
  return structuredClone(stored) as unknown as Record<string, unknown>
}

/** Prints the object (-o) or kubectl's `kind/name created (dry run)` line. */
export function printObject(obj: Record<string, unknown>, format: Format, dryRun: DryRun, verb = 'created'): string {
  const kind = String(obj.kind)
  const name = String((obj.metadata as { name?: string } | undefined)?.name ?? '')
  const resource = resourceForKind(kind)
  const prefix = resource ? qualifiedSingular(resource) : kind.toLowerCase()
  switch (format.kind) {
    case 'yaml':
      return typedObjectYaml(obj)
    case 'json':
      return typedObjectJson(obj)
    case 'name':
      return `${prefix}/${name}\n`
    case 'jsonpath':
      try {
        return format.path.execute(JSON.parse(typedObjectJson(obj)))
      } catch (e) {
        if (e instanceof JsonPathError) throw new KubectlError(`error: ${e.message}`)
        throw e
      }
    case 'default':
      return `${prefix}/${name} ${verb}${dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''}\n`
  }
}

/** ObjectMeta's fields in Go's order, so `-o json` lists them as kubectl does. */
export function objectMeta(fields: {
  name: string
  namespace?: string
  labels?: Record<string, string>
  annotations?: Record<string, string>
  ownerReferences?: unknown[]
}): Record<string, unknown> {
  const meta: Record<string, unknown> = { name: fields.name }
  if (fields.namespace) meta.namespace = fields.namespace
  if (fields.labels && Object.keys(fields.labels).length) meta.labels = fields.labels
  if (fields.annotations && Object.keys(fields.annotations).length) meta.annotations = fields.annotations
  if (fields.ownerReferences?.length) meta.ownerReferences = fields.ownerReferences
  return meta
}

/** --save-config: the object itself, as compact JSON, in the last-applied annotation. */
export function withSaveConfig(obj: Record<string, unknown>, args: ParsedArgs): Record<string, unknown> {
  if (flag(args, 'save-config') === undefined || flag(args, 'save-config') === 'false') return obj
  const meta = obj.metadata as Parameters<typeof objectMeta>[0]
  const config = JSON.stringify(obj)
  const annotations = { ...(meta.annotations ?? {}), 'kubectl.kubernetes.io/last-applied-configuration': config + '\n' }
  return { ...obj, metadata: objectMeta({ ...meta, annotations }) }
}
