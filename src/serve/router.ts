import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ServeContext } from './context.ts'
import * as crud from './crud.ts'
import { aggregatedDiscovery, AGGREGATED_DISCOVERY, apiGroupBody, apiGroupList, apiResourceList, apiVersions, versionBody, wantsAggregated } from './discovery.ts'
import { readBody, sendJson, sendStatus } from './http.ts'
import { podLogs } from './logs.ts'
import { openApiV3Document, openApiV3Root } from './openapi.ts'
import { findResource, hasStatus, type ServedResource } from './resources.ts'
import { failure, isRefusal, NOT_FOUND_RESOURCE, ServeError, statusOf } from './status.ts'
import * as sub from './subresources.ts'
import { advance, currentTime } from './time.ts'
import { watch } from './watch.ts'

const METHOD_NOT_ALLOWED = 'the server does not allow this method on the requested resource'

/** A resource URL taken apart: `/apis/apps/v1/namespaces/dev/deployments/web/scale`. */
interface ResourcePath {
  resource: ServedResource
  namespace?: string
  name?: string
  subresource?: string
}

function notFound(): ServeError {
  return new ServeError('NotFound', NOT_FOUND_RESOURCE, {})
}

function parseResourcePath(segments: string[]): ResourcePath | undefined {
  let group: string
  let version: string
  let rest: string[]
  if (segments[0] === 'api') [group, version, rest] = ['', segments[1], segments.slice(2)]
  else [group, version, rest] = [segments[1], segments[2], segments.slice(3)]
  let namespace: string | undefined
  if (rest[0] === 'namespaces' && rest.length >= 3 && !(rest.length === 3 && (rest[2] === 'status' || rest[2] === 'finalize'))) {
    namespace = rest[1]
    rest = rest.slice(2)
  }
  if (rest.length === 0 || rest.length > 3) return undefined
  const resource = findResource(group, version, rest[0])
  if (!resource) return undefined
  if (namespace !== undefined && !resource.namespaced) return undefined
  if (resource.namespaced && namespace === undefined && rest.length > 1) return undefined
  return { resource, namespace, name: rest[1], subresource: rest[2] }
}

/** Answers one request; every refusal is a Status, and anything unexpected a 500 that the server reports. */
export async function route(ctx: ServeContext, req: IncomingMessage, res: ServerResponse, report: (line: string) => void): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost')
  const method = req.method ?? 'GET'
  let path: ResourcePath | undefined
  try {
    await dispatch(ctx, req, res, url, method, (p) => (path = p))
  } catch (err) {
    if (res.headersSent) {
      res.end()
      if (!isRefusal(err)) report(`kubesim: ${method} ${url.pathname}: ${(err as Error).message}`)
      return
    }
    if (isRefusal(err)) {
      const status = statusOf(err, path?.resource, path?.name)
      if (status.code >= 500) report(`kubesim: ${status.code} ${method} ${url.pathname}: ${status.message}`)
      return sendStatus(res, status)
    }
    report(`kubesim: 500 ${method} ${url.pathname}: ${(err as Error).stack ?? String(err)}`)
    sendStatus(res, failure('InternalError', `Internal error occurred: ${(err as Error).message}`))
  }
}

async function dispatch(ctx: ServeContext, req: IncomingMessage, res: ServerResponse, url: URL, method: string, found: (p: ResourcePath) => void): Promise<void> {
  const segments = url.pathname.split('/').filter(Boolean)
  const q = url.searchParams
  const accept = req.headers.accept
  const p = url.pathname.replace(/\/+$/, '') || '/'
  const aggregated = wantsAggregated(accept)

  // Everything but resource URLs: discovery, version, health and simulated time.
  switch (p) {
    case '/version':
      return sendJson(res, 200, versionBody())
    case '/api':
      return aggregated ? sendJson(res, 200, aggregatedDiscovery(true), AGGREGATED_DISCOVERY) : sendJson(res, 200, apiVersions(ctx.serverAddress))
    case '/apis':
      return aggregated ? sendJson(res, 200, aggregatedDiscovery(false), AGGREGATED_DISCOVERY) : sendJson(res, 200, apiGroupList())
    case '/healthz':
    case '/livez':
    case '/readyz':
      res.writeHead(200, { 'Content-Type': 'text/plain' })
      return void res.end('ok')
    case '/kubesim/v1/time':
      if (method !== 'GET') throw new ServeError('MethodNotAllowed', METHOD_NOT_ALLOWED)
      return currentTime(ctx, res)
    case '/kubesim/v1/advance':
      if (method !== 'POST') throw new ServeError('MethodNotAllowed', METHOD_NOT_ALLOWED)
      return advance(ctx, res, q)
  }
  if (p === '/openapi/v3') return sendJson(res, 200, openApiV3Root())
  if (p.startsWith('/openapi/v3/')) {
    const doc = openApiV3Document(p.slice('/openapi/v3/'.length))
    if (!doc) throw notFound()
    return sendJson(res, 200, doc)
  }
  if (segments[0] === 'apis' && segments.length === 2) {
    const group = apiGroupBody(segments[1])
    if (!group) throw notFound()
    return sendJson(res, 200, group)
  }
  if ((segments[0] === 'api' && segments.length === 2) || (segments[0] === 'apis' && segments.length === 3)) {
    const list = segments[0] === 'api' ? apiResourceList('', segments[1]) : apiResourceList(segments[1], segments[2])
    if (!list) throw notFound()
    return sendJson(res, 200, list)
  }
  if (segments[0] !== 'api' && segments[0] !== 'apis') throw notFound()

  const path = parseResourcePath(segments)
  if (!path) throw notFound()
  found(path)
  const t: crud.Target = { resource: path.resource, namespace: path.namespace, name: path.name }
  const contentType = req.headers['content-type']
  const body = method === 'GET' ? '' : await readBody(req)

  if (path.name === undefined) {
    if (method === 'GET') return q.get('watch') === 'true' || q.get('watch') === '1' ? watch(ctx, res, t, q, accept) : crud.list(ctx, res, t, q, accept)
    if (method === 'POST') {
      if (path.namespace === undefined && path.resource.namespaced) throw new ServeError('MethodNotAllowed', METHOD_NOT_ALLOWED)
      return crud.create(ctx, res, t, body, contentType, q)
    }
    if (method === 'DELETE') return crud.removeCollection(ctx, res, t, body, q)
    throw new ServeError('MethodNotAllowed', METHOD_NOT_ALLOWED)
  }
  if (path.subresource === undefined) {
    switch (method) {
      case 'GET':
        return q.get('watch') === 'true' ? watch(ctx, res, t, q, accept) : crud.get(ctx, res, t, accept)
      case 'PUT':
        return crud.replace(ctx, res, t, body, contentType, q)
      case 'PATCH':
        return crud.patch(ctx, res, t, body, contentType, q)
      case 'DELETE':
        return crud.remove(ctx, res, t, body, q)
    }
    throw new ServeError('MethodNotAllowed', METHOD_NOT_ALLOWED)
  }
  return subresource(ctx, res, t, path.subresource, method, body, contentType, q, accept)
}

function subresource(ctx: ServeContext, res: ServerResponse, t: crud.Target, name: string, method: string, body: string, contentType: string | undefined, q: URLSearchParams, accept: string | undefined): void {
  const kind = t.resource.kind
  const allow = (...methods: string[]) => {
    if (!methods.includes(method)) throw new ServeError('MethodNotAllowed', METHOD_NOT_ALLOWED)
  }
  if (name === 'status' && hasStatus(kind)) {
    allow('GET', 'PUT', 'PATCH')
    if (method === 'GET') return crud.get(ctx, res, t, accept)
    if (method === 'PUT') return crud.replace(ctx, res, t, body, contentType, q, 'status')
    return crud.patch(ctx, res, t, body, contentType, q, 'status')
  }
  if (name === 'scale' && t.resource.module.scale) {
    allow('GET', 'PUT', 'PATCH')
    if (method === 'GET') return sub.getScale(ctx, res, t)
    if (method === 'PUT') return sub.replaceScale(ctx, res, t, body, q)
    return crud.patch(ctx, res, t, body, contentType, q, 'scale')
  }
  if (kind === 'Namespace' && name === 'finalize') {
    allow('PUT')
    return crud.replace(ctx, res, t, body, contentType, q, 'finalize')
  }
  if (kind === 'Pod') {
    switch (name) {
      case 'log':
        allow('GET')
        return podLogs(ctx, res, t, q)
      case 'eviction':
        allow('POST')
        return sub.evict(ctx, res, t, body, q)
      case 'binding':
        allow('POST')
        return sub.bind(ctx, res, t, body)
      case 'exec':
      case 'attach':
      case 'portforward':
        crud.stored(ctx, t)
        return sub.notSimulated(t, name)
    }
  }
  throw notFound()
}
