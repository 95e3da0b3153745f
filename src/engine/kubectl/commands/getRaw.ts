import type { Node, Pod } from '../../api/types.ts'
import { METRIC_RESOLUTION_MS, metricsApi, nodeUsage, podUsage, usageQuantities, type PodUsage } from '../../metrics/resourceMetrics.ts'
import { KubectlError } from '../resolve.ts'
import type { CommandContext } from './context.ts'
import { versionInfo } from './version.ts'

/**
 * `kubectl get --raw PATH`: the API server's response body as it is, for the paths
 * kubesim serves: the resource metrics API (metrics.k8s.io/v1beta1 NodeMetrics and
 * PodMetrics, as metrics-server answers), /healthz, /livez, /readyz and /version.
 * The API server's JSON encoder ends a body with a newline.
 */

const NOT_FOUND = 'Error from server (NotFound): the server could not find the requested resource'
const METRICS = '/apis/metrics.k8s.io/v1beta1'
const API_VERSION = 'metrics.k8s.io/v1beta1'

/** metrics-server reports the window its CPU rate was measured over: the scrape interval. */
const WINDOW = `${METRIC_RESOLUTION_MS / 1000}s`

function nodeMetrics(ctx: CommandContext, node: Node, scrapedAt: number) {
  const u = nodeUsage(ctx.sim.ctx, node, scrapedAt)
  if (!u) return undefined
  const clock = ctx.sim.ctx.clock
  return { metadata: { name: u.name, creationTimestamp: clock.rfc3339(), labels: u.labels }, timestamp: clock.rfc3339(u.timestamp), window: WINDOW, usage: usageQuantities(u) }
}

function podMetrics(ctx: CommandContext, u: PodUsage) {
  const clock = ctx.sim.ctx.clock
  return {
    metadata: { name: u.name, namespace: u.namespace, creationTimestamp: clock.rfc3339(), labels: u.labels },
    timestamp: clock.rfc3339(u.timestamp),
    window: WINDOW,
    containers: u.containers.map((c) => ({ name: c.name, usage: usageQuantities(c) })),
  }
}

function metricsBody(ctx: CommandContext, rest: string): unknown {
  const api = metricsApi(ctx.sim.ctx)
  if (api.state === 'missing') throw new KubectlError(NOT_FOUND)
  if (api.state === 'unavailable') throw new KubectlError('Error from server (ServiceUnavailable): the server is currently unable to handle the request')
  const store = ctx.sim.store
  const at = api.scrapedAt
  let m: RegExpExecArray | null
  if (rest === '/nodes') {
    const items = store.list<Node>('Node').map((n) => nodeMetrics(ctx, n, at)).filter(Boolean)
    return { kind: 'NodeMetricsList', apiVersion: API_VERSION, metadata: {}, items }
  }
  if ((m = /^\/nodes\/([^/]+)$/.exec(rest))) {
    const node = store.get<Node>('Node', undefined, m[1])
    const item = node && nodeMetrics(ctx, node, at)
    if (!item) throw new KubectlError(`Error from server (NotFound): nodemetrics.metrics.k8s.io "${m[1]}" not found`)
    return { kind: 'NodeMetrics', apiVersion: API_VERSION, ...item }
  }
  if ((m = /^(?:\/namespaces\/([^/]+))?\/pods(?:\/([^/]+))?$/.exec(rest))) {
    const [, namespace, name] = m
    if (name) {
      const pod = store.get<Pod>('Pod', namespace, name)
      const u = pod && podUsage(ctx.sim.ctx, pod, at)
      if (!u) throw new KubectlError(`Error from server (NotFound): podmetrics.metrics.k8s.io "${namespace}/${name}" not found`)
      return { kind: 'PodMetrics', apiVersion: API_VERSION, ...podMetrics(ctx, u) }
    }
    const items = store
      .list<Pod>('Pod', namespace)
      .map((p) => podUsage(ctx.sim.ctx, p, at))
      .filter((u): u is PodUsage => !!u)
      .map((u) => podMetrics(ctx, u))
    return { kind: 'PodMetricsList', apiVersion: API_VERSION, metadata: {}, items }
  }
  throw new KubectlError(NOT_FOUND)
}

export function rawGet(ctx: CommandContext, path: string): string {
  const clean = path.split('?')[0].replace(/\/+$/, '')
  if (clean === '/healthz' || clean === '/livez' || clean === '/readyz') return 'ok'
  if (clean === '/version') return JSON.stringify(versionInfo(true), null, 2) + '\n'
  if (clean.startsWith(METRICS + '/')) return JSON.stringify(metricsBody(ctx, clean.slice(METRICS.length))) + '\n'
  throw new KubectlError(NOT_FOUND)
}
