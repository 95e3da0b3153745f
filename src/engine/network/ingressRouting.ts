import type { ApiStore } from '../api/store.ts'
import type { KubeObject } from '../api/types.ts'
import type { ServiceSpec } from '../admission/serviceDefaults.ts'
import type { HTTPIngressPath, Ingress, IngressBackend, PathType } from './ingressTypes.ts'
import { SERVICE_NAME_LABEL } from './serviceEndpoints.ts'

/**
 * How an ingress controller (ingress-nginx) picks a backend for an HTTP request, as a
 * pure function of the Ingresses of its class. ingress-nginx merges every Ingress of
 * its class into nginx servers, one per host: an exact host first, then a `*.foo.com`
 * wildcard (which stands for exactly one DNS label), then the catch-all server that
 * holds the rules without a host. Within a server the longest matching path wins, and
 * Exact beats Prefix at equal length. Unmatched requests go to a defaultBackend, or to
 * the controller's own default backend, which answers 404.
 */

export interface IngressRequest {
  /** The Host header; a port (`foo.com:80`) is ignored. */
  host: string
  /** The request path; a query string is ignored. */
  path: string
}

export interface IngressRoute {
  ingress: Ingress
  backend: IngressBackend
  /** The rule's host, `*` for the catch-all server. */
  host: string
  /** The matched path, or undefined when a defaultBackend answered. */
  path?: string
  pathType?: PathType
}

/** nginx's error pages as ingress-nginx serves them (server_tokens off: no version). */
const nginxPage = (status: string) =>
  `<html>\r\n<head><title>${status}</title></head>\r\n<body>\r\n<center><h1>${status}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
export const NOT_FOUND_PAGE = nginxPage('404 Not Found')
export const SERVICE_UNAVAILABLE_PAGE = nginxPage('503 Service Temporarily Unavailable')

interface Candidate {
  ingress: Ingress
  host: string
  path: HTTPIngressPath
}

function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '')
}

/** `*.foo.com` matches `bar.foo.com`, not `foo.com` nor `baz.bar.foo.com`. */
export function hostMatches(ruleHost: string, host: string): boolean {
  if (!ruleHost.startsWith('*.')) return ruleHost === host
  const suffix = ruleHost.slice(1)
  if (!host.endsWith(suffix)) return false
  const label = host.slice(0, host.length - suffix.length)
  return label.length > 0 && !label.includes('.')
}

/** A Prefix path without its trailing slashes (`/` stays `/`). */
function prefixOf(path: string): string {
  const trimmed = path.replace(/\/+$/, '')
  return trimmed === '' ? '/' : trimmed
}

/**
 * Whether a rule's path matches a request path. Prefix is element-wise: `/foo` matches
 * `/foo`, `/foo/` and `/foo/bar`, never `/foobar`. ImplementationSpecific is read as
 * Prefix, as ingress-nginx does without regex annotations.
 */
export function pathMatches(pathType: PathType | undefined, rulePath: string | undefined, requestPath: string): boolean {
  if (pathType === 'Exact') return rulePath === requestPath
  const prefix = prefixOf(rulePath || '/')
  if (prefix === '/') return true
  return requestPath === prefix || requestPath.startsWith(prefix + '/')
}

/** The length a match counts with: Prefix paths without their trailing slash. */
function matchLength(p: HTTPIngressPath): number {
  return p.pathType === 'Exact' ? (p.path ?? '').length : prefixOf(p.path || '/').length
}

/** Oldest first, as ingress-nginx orders Ingresses when their rules overlap. */
function byAge(ingresses: readonly Ingress[]): Ingress[] {
  return [...ingresses].sort((a, b) => {
    const ta = a.metadata.creationTimestamp ?? ''
    const tb = b.metadata.creationTimestamp ?? ''
    if (ta !== tb) return ta < tb ? -1 : 1
    const ka = `${a.metadata.namespace}/${a.metadata.name}`
    const kb = `${b.metadata.namespace}/${b.metadata.name}`
    return ka < kb ? -1 : ka > kb ? 1 : 0
  })
}

/**
 * The route for a request among the Ingresses one controller serves, or undefined when
 * the controller's own default backend answers (404).
 */
export function routeIngressRequest(ingresses: readonly Ingress[], request: IngressRequest): IngressRoute | undefined {
  const host = normalizeHost(request.host)
  const path = request.path.split('?')[0].split('#')[0] || '/'
  const ordered = byAge(ingresses)
  const rules = ordered.flatMap((ingress) => (ingress.spec?.rules ?? []).map((rule) => ({ ingress, rule, host: rule.host ? rule.host.toLowerCase() : '' })))

  // The server: an exact host, else a wildcard host, else the catch-all.
  let serverHost = rules.find((r) => r.host && !r.host.startsWith('*.') && r.host === host)?.host
  serverHost ??= rules.find((r) => r.host.startsWith('*.') && hostMatches(r.host, host))?.host
  serverHost ??= ''
  const serverRules = rules.filter((r) => r.host === serverHost)

  const candidates: Candidate[] = serverRules.flatMap((r) => (r.rule.http?.paths ?? []).map((p) => ({ ingress: r.ingress, host: serverHost || '*', path: p })))
  let best: Candidate | undefined
  for (const c of candidates) {
    if (!pathMatches(c.path.pathType, c.path.path, path)) continue
    if (!best) {
      best = c
      continue
    }
    const len = matchLength(c.path)
    const bestLen = matchLength(best.path)
    if (len > bestLen || (len === bestLen && c.path.pathType === 'Exact' && best.path.pathType !== 'Exact')) best = c
  }
  if (best) return { ingress: best.ingress, backend: best.path.backend, host: best.host, path: best.path.path, pathType: best.path.pathType }

  // No path matched: the server's defaultBackend (from an Ingress that made it), else any.
  const owners = serverHost ? serverRules.map((r) => r.ingress) : ordered
  const withDefault = owners.find((i) => i.spec?.defaultBackend)
  if (withDefault) return { ingress: withDefault, backend: withDefault.spec.defaultBackend!, host: serverHost || '*' }
  return undefined
}

/** Ready endpoints (`ip:port`) of a Service port, read from its EndpointSlices. */
export function readyEndpoints(store: ApiStore, namespace: string, serviceName: string, portName: string): string[] {
  const slices = store.select('EndpointSlice', namespace, { matchLabels: { [SERVICE_NAME_LABEL]: serviceName } }) as (KubeObject & {
    endpoints?: { addresses: string[]; conditions?: { ready?: boolean } }[]
    ports?: { name?: string; port?: number }[]
  })[]
  const out: string[] = []
  for (const slice of slices) {
    const port = (slice.ports ?? []).find((p) => (p.name ?? '') === portName)
    if (!port?.port) continue
    for (const e of slice.endpoints ?? []) if (e.conditions?.ready !== false && e.addresses[0]) out.push(`${e.addresses[0]}:${port.port}`)
  }
  return out
}

export type IngressAnswer =
  /** Routed to a Service with ready endpoints; the traffic layer picks one and lets its pod answer. */
  | { status: 200; route: IngressRoute; service: KubeObject; servicePort: number; endpoints: string[] }
  | { status: 404; body: string }
  | { status: 503; body: string; route: IngressRoute }

/**
 * What the controller answers: the route's Service and its ready endpoints, 404 from
 * its default backend when nothing matches, and 503 when the backend Service is
 * missing, lacks the port, or has no ready endpoint.
 */
export function answerIngressRequest(store: ApiStore, ingresses: readonly Ingress[], request: IngressRequest): IngressAnswer {
  const route = routeIngressRequest(ingresses, request)
  if (!route) return { status: 404, body: NOT_FOUND_PAGE }
  const unavailable = { status: 503 as const, body: SERVICE_UNAVAILABLE_PAGE, route }
  const backend = route.backend.service
  if (!backend) return unavailable
  const namespace = route.ingress.metadata.namespace ?? 'default'
  const service = store.get('Service', namespace, backend.name)
  if (!service) return unavailable
  const ports = ((service.spec ?? {}) as ServiceSpec).ports ?? []
  const port = ports.find((p) => (backend.port.number ? p.port === backend.port.number : p.name === backend.port.name))
  if (!port) return unavailable
  const endpoints = readyEndpoints(store, namespace, backend.name, port.name ?? '')
  if (endpoints.length === 0) return unavailable
  return { status: 200, route, service, servicePort: port.port, endpoints }
}
