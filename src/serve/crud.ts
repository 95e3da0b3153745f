import type { ServerResponse } from 'node:http'
import { looseShape } from '../engine/admission/decodeShapes.ts'
import { strictDecode } from '../engine/admission/strictDecoding.ts'
import { ApiError } from '../engine/api/errors.ts'
import { patchResource, type PatchType } from '../engine/api/patch/patchResource.ts'
import { strategicMergePatch } from '../engine/api/patch/strategicMergePatch.ts'
import type { PropagationPolicy } from '../engine/api/server.ts'
import type { KubeObject } from '../engine/api/types.ts'
import type { ServeContext } from './context.ts'
import { decodeBody, decodeObject, sendJson } from './http.ts'
import type { ServedResource } from './resources.ts'
import { objectFilter } from './selectors.ts'
import { ServeError, success } from './status.ts'
import { toTable, wantsTable } from './table.ts'

/**
 * Create, read, list, replace, patch and delete, through the engine's API layer only
 * (admission, validation and graceful deletion are the engine's). After a write the
 * controllers react at the same instant (`settle`), as after the engine's own kubectl.
 */

export interface Target {
  resource: ServedResource
  /** The URL's namespace (undefined for cluster-scoped resources and all-namespace lists). */
  namespace: string | undefined
  name?: string
}

function apiVersionOf(r: ServedResource): string {
  return r.group ? `${r.group}/${r.version}` : r.version
}

function notFound(t: Target): ApiError {
  return new ApiError('NotFound', `${t.resource.group ? `${t.resource.plural}.${t.resource.group}` : t.resource.plural} "${t.name}" not found`)
}

export function stored(ctx: ServeContext, t: Target): KubeObject {
  const obj = ctx.sim.store.get(t.resource.kind, t.namespace, t.name!)
  if (!obj) throw notFound(t)
  return obj
}

export function isDryRun(q: URLSearchParams, body?: Record<string, unknown>): boolean {
  const values = [...q.getAll('dryRun'), ...((body?.dryRun as string[] | undefined) ?? [])]
  for (const v of values) if (v !== 'All') throw new ServeError('BadRequest', `Invalid dryRun value: "${v}"; supported values: "All"`)
  return values.length > 0
}

/** Continue tokens: where the next page starts, opaque to clients. */
function continueToken(start: number, rv: string): string {
  return Buffer.from(JSON.stringify({ start, rv })).toString('base64')
}

function readContinue(token: string | null): { start: number; rv?: string } {
  if (!token) return { start: 0 }
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { start: number; rv: string }
    if (Number.isInteger(parsed.start) && parsed.start >= 0) return parsed
  } catch {
    // fall through
  }
  throw new ServeError('BadRequest', 'continue key is not valid: illegal base64 data at input byte 0')
}

export function list(ctx: ServeContext, res: ServerResponse, t: Target, q: URLSearchParams, accept: string | undefined): void {
  const filter = objectFilter(t.resource, q.get('labelSelector'), q.get('fieldSelector'))
  const all = ctx.sim.store.list(t.resource.kind, t.namespace).filter(filter)
  const page = readContinue(q.get('continue'))
  const limit = Number(q.get('limit') ?? 0)
  const end = limit > 0 ? page.start + limit : all.length
  const items = all.slice(page.start, end)
  const rv = page.rv ?? ctx.hub.listRevision()
  const next = end < all.length ? continueToken(end, rv) : undefined
  const meta = { resourceVersion: rv, ...(next ? { continue: next, remainingItemCount: all.length - end } : {}) }
  if (wantsTable(accept)) {
    sendJson(res, 200, toTable(t.resource.kind, items, ctx.sim.now, { resourceVersion: rv, continue: next }), 'application/json;as=Table;v=v1;g=meta.k8s.io')
    return
  }
  sendJson(res, 200, { kind: `${t.resource.kind}List`, apiVersion: apiVersionOf(t.resource), metadata: meta, items })
}

export function get(ctx: ServeContext, res: ServerResponse, t: Target, accept: string | undefined): void {
  const obj = stored(ctx, t)
  if (wantsTable(accept)) sendJson(res, 200, toTable(t.resource.kind, [obj], ctx.sim.now, { resourceVersion: obj.metadata.resourceVersion }), 'application/json;as=Table;v=v1;g=meta.k8s.io')
  else sendJson(res, 200, obj)
}

/** Strict decoding of a body into the kind; unknown fields are refused (Strict) or answered with warnings (Warn, the default). */
function decodeInto(t: Target, body: Record<string, unknown>, q: URLSearchParams, res: ServerResponse): void {
  const module = t.resource.module
  const errors = strictDecode(body, module.shape ?? looseShape(t.resource.kind))
  if (errors.length === 0) return
  const message = errors[0].message
  const unknownOnly = message.startsWith('strict decoding error: ')
  const validation = q.get('fieldValidation') ?? 'Warn'
  if (unknownOnly && validation === 'Ignore') return
  if (unknownOnly && validation !== 'Strict') {
    const fields = message.slice('strict decoding error: '.length).split(', ')
    res.setHeader('Warning', fields.map((f) => `299 - ${JSON.stringify(f)}`))
    return
  }
  throw new ServeError('BadRequest', `${t.resource.kind} in version "${t.resource.version}" cannot be handled as a ${t.resource.kind}: ${message}`)
}

/** The body's identity checked against the URL, and filled in from it where missing. */
function objectForUrl(t: Target, body: Record<string, unknown>): KubeObject {
  const r = t.resource
  if (body.kind !== undefined && body.kind !== r.kind) {
    throw new ServeError('BadRequest', `the object provided is unrecognized (must be of type ${r.kind}): couldn't get version/kind; json parse error: kind ${String(body.kind)} does not match ${r.kind}`)
  }
  body.kind = r.kind
  body.apiVersion ??= apiVersionOf(r)
  const meta = ((body.metadata ??= {}) as Record<string, unknown>)
  if (r.namespaced) {
    if (meta.namespace !== undefined && meta.namespace !== '' && meta.namespace !== t.namespace) {
      throw new ServeError('BadRequest', 'the namespace of the provided object does not match the namespace sent on the request')
    }
    meta.namespace = t.namespace
  }
  if (t.name !== undefined && meta.name !== undefined && meta.name !== t.name) {
    throw new ServeError('BadRequest', `the name of the object (${String(meta.name)}) does not match the name on the URL (${t.name})`)
  }
  if (t.name !== undefined) meta.name = t.name
  return body as unknown as KubeObject
}

export function create(ctx: ServeContext, res: ServerResponse, t: Target, text: string, contentType: string | undefined, q: URLSearchParams): void {
  const body = decodeObject(text, contentType)
  decodeInto(t, body, q, res)
  const obj = objectForUrl({ ...t, name: undefined }, body)
  const meta = obj.metadata as unknown as Record<string, unknown>
  if (!meta.name && !meta.generateName) throw new ApiError('Invalid', `${t.resource.kind} "" is invalid: metadata.name: Required value: name or generateName is required`, 'metadata.name', undefined, {
    kind: t.resource.kind, group: t.resource.group, name: '', causes: [{ field: 'metadata.name', message: 'Required value: name or generateName is required' }],
  })
  const created = ctx.sim.ctx.api.create(obj, { dryRun: isDryRun(q) })
  ctx.sim.settle()
  sendJson(res, 201, created)
}

export function replace(ctx: ServeContext, res: ServerResponse, t: Target, text: string, contentType: string | undefined, q: URLSearchParams, subresource?: 'status' | 'finalize'): void {
  const body = decodeObject(text, contentType)
  if (!subresource) decodeInto(t, body, q, res)
  const obj = objectForUrl(t, body)
  stored(ctx, t)
  const written = ctx.sim.ctx.api.update(obj, { subresource, dryRun: isDryRun(q) })
  ctx.sim.settle()
  sendJson(res, 200, written)
}

const PATCH_TYPES: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
}

export function patch(ctx: ServeContext, res: ServerResponse, t: Target, text: string, contentType: string | undefined, q: URLSearchParams, subresource?: 'status' | 'scale'): void {
  const mediaType = (contentType ?? '').split(';')[0].trim()
  if (mediaType === 'application/apply-patch+yaml') return serverSideApply(ctx, res, t, text, contentType, q, subresource)
  const type = PATCH_TYPES[mediaType]
  if (!type) {
    throw new ServeError('UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`)
  }
  const result = patchResource(ctx.sim.ctx, { kind: t.resource.kind, namespace: t.namespace, name: t.name!, type, patch: decodeBody(text, contentType), subresource, dryRun: isDryRun(q) })
  if (result.warnings.length) res.setHeader('Warning', result.warnings.map((w) => `299 - ${JSON.stringify(w.replace(/^Warning: /, ''))}`))
  ctx.sim.settle()
  sendJson(res, 200, result.object)
}

/**
 * Server-side apply, without field ownership: the applied configuration is created, or
 * merged into the live object as a strategic merge patch. managedFields, conflicts
 * between managers and removal of fields a manager stopped applying are not simulated.
 */
function serverSideApply(ctx: ServeContext, res: ServerResponse, t: Target, text: string, contentType: string | undefined, q: URLSearchParams, subresource?: 'status' | 'scale'): void {
  if (!q.get('fieldManager')) throw new ApiError('Invalid', 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch', undefined, undefined, {
    kind: 'PatchOptions', group: 'meta.k8s.io', name: '', causes: [{ field: 'fieldManager', message: 'Required value: is required for apply patch' }],
  })
  const body = decodeObject(text, contentType)
  const config = objectForUrl(t, body)
  const dryRun = isDryRun(q)
  const live = ctx.sim.store.get(t.resource.kind, t.namespace, t.name!)
  if (!live) {
    if (subresource) throw notFound(t)
    decodeInto(t, body, q, res)
    const created = ctx.sim.ctx.api.create(config, { dryRun })
    ctx.sim.settle()
    return sendJson(res, 201, created)
  }
  const { resourceVersion, ...configMeta } = config.metadata as unknown as Record<string, unknown>
  if (resourceVersion !== undefined && resourceVersion !== live.metadata.resourceVersion) {
    throw new ApiError('Conflict', `Operation cannot be fulfilled on ${t.resource.group ? `${t.resource.plural}.${t.resource.group}` : t.resource.plural} "${t.name}": the object has been modified; please apply your changes to the latest version and try again`)
  }
  const merged = strategicMergePatch(structuredClone(live) as unknown as Record<string, unknown>, { ...config, metadata: configMeta }, t.resource.kind) as unknown as KubeObject
  const written = ctx.sim.ctx.api.update(merged, { subresource: subresource === 'status' ? 'status' : undefined, dryRun })
  ctx.sim.settle()
  sendJson(res, 200, written)
}

interface DeleteBody {
  propagationPolicy?: PropagationPolicy
  gracePeriodSeconds?: number
  preconditions?: { uid?: string; resourceVersion?: string }
  dryRun?: string[]
  orphanDependents?: boolean
}

const POLICIES = ['Background', 'Foreground', 'Orphan']

function deleteOptions(text: string, q: URLSearchParams): DeleteBody {
  const body = text.trim() ? (decodeObject(text, 'application/json') as DeleteBody) : {}
  const policy = q.get('propagationPolicy') ?? body.propagationPolicy ?? (body.orphanDependents === true || q.get('orphanDependents') === 'true' ? 'Orphan' : undefined)
  if (policy !== undefined && !POLICIES.includes(policy)) {
    throw new ApiError('Invalid', `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan", "nil"`)
  }
  const graceText = q.get('gracePeriodSeconds')
  const grace = graceText !== null ? Number(graceText) : body.gracePeriodSeconds
  return { ...body, propagationPolicy: policy as PropagationPolicy | undefined, gracePeriodSeconds: grace }
}

/** DELETE one object: the object as the delete left it while it goes (grace period, finalizers), else a Success Status. */
export function remove(ctx: ServeContext, res: ServerResponse, t: Target, text: string, q: URLSearchParams): void {
  const opts = deleteOptions(text, q)
  const obj = stored(ctx, t)
  if (opts.preconditions?.uid && opts.preconditions.uid !== obj.metadata.uid) {
    throw new ApiError('Conflict', `Operation cannot be fulfilled on ${t.resource.plural} "${t.name}": Precondition failed: UID in precondition: ${opts.preconditions.uid}, UID in object meta: ${obj.metadata.uid}`)
  }
  if (isDryRun(q, opts as Record<string, unknown>)) return sendJson(res, 200, obj)
  const result = ctx.sim.ctx.api.delete(t.resource.kind, t.namespace, t.name!, { gracePeriodSeconds: opts.gracePeriodSeconds, propagationPolicy: opts.propagationPolicy })
  ctx.sim.settle()
  if (result.gone) return sendJson(res, 200, deletedStatus(t, result.object))
  sendJson(res, result.object.metadata.finalizers?.length ? 202 : 200, result.object)
}

function deletedStatus(t: Target, obj: KubeObject) {
  return success(200, { name: obj.metadata.name, ...(t.resource.group ? { group: t.resource.group } : {}), kind: t.resource.plural, uid: obj.metadata.uid })
}

/** DELETE on a collection: every object the selectors match, each as a DELETE would; answers the list of what was deleted. */
export function removeCollection(ctx: ServeContext, res: ServerResponse, t: Target, text: string, q: URLSearchParams): void {
  const opts = deleteOptions(text, q)
  const filter = objectFilter(t.resource, q.get('labelSelector'), q.get('fieldSelector'))
  const targets = [...ctx.sim.store.list(t.resource.kind, t.namespace)].filter(filter)
  const dryRun = isDryRun(q, opts as Record<string, unknown>)
  const items: KubeObject[] = []
  for (const obj of targets) {
    if (dryRun) {
      items.push(obj)
      continue
    }
    try {
      items.push(ctx.sim.ctx.api.delete(t.resource.kind, obj.metadata.namespace, obj.metadata.name, { gracePeriodSeconds: opts.gracePeriodSeconds, propagationPolicy: opts.propagationPolicy }).object)
    } catch (e) {
      // Gone meanwhile (a controller deleted it in reaction to an earlier one).
      if (!(e instanceof ApiError && e.reason === 'NotFound')) throw e
    }
  }
  ctx.sim.settle()
  sendJson(res, 200, { kind: `${t.resource.kind}List`, apiVersion: apiVersionOf(t.resource), metadata: { resourceVersion: ctx.hub.listRevision() }, items })
}
