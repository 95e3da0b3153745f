import type { Node, Pod } from '../../api/types.ts'
import { parseSimTime } from '../../clock.ts'
import { metricsApi, nodeUsage, podUsage, type PodUsage } from '../../metrics/resourceMetrics.ts'
import { goDuration } from '../../util/duration.ts'
import { parseSelectorExpression } from '../../util/labels.ts'
import { cpuMillis, quantityValue } from '../../util/quantity.ts'
import { boolFlag, flag } from '../args.ts'
import { KubectlError } from '../resolve.ts'
import { GET_TABWRITER, tabwrite } from '../tabwriter.ts'
import type { CommandContext, KubectlCommand } from './context.ts'

/** kubectl refuses to wait for metrics of a pod older than this (metricsCreationDelay). */
const METRICS_CREATION_DELAY_MS = 2 * 60_000
const MI = 1024 * 1024

/** Every cell ends with a tab, the last one too (metricsutil printValue): lines carry trailing padding. */
const cells = (values: string[]) => values.map((v) => `${v}\t`).join('') + '\n'
const cpu = (milli: number) => `${milli}m`
const memory = (bytes: number) => `${Math.floor(bytes / MI)}Mi`
const percent = (used: number, available: number) => `${available > 0 ? Math.trunc((used / available) * 100) : 0}%`

function sortBy(ctx: CommandContext): 'cpu' | 'memory' | '' {
  const by = flag(ctx.args, 'sort-by') ?? ''
  if (by !== '' && by !== 'cpu' && by !== 'memory') throw new KubectlError(`error: --sort-by accepts only cpu or memory`)
  return by
}

function selectorOf(ctx: CommandContext): (labels: Record<string, string> | undefined) => boolean {
  const text = flag(ctx.args, 'selector')
  if (!text) return () => true
  const match = parseSelectorExpression(text)
  if (typeof match === 'string') throw new KubectlError(`error: ${match}`)
  return match
}

/** The API's state as kubectl meets it: not registered, or registered but its backend not ready. */
function scrapeTime(ctx: CommandContext, resource: 'pods' | 'nodes'): number {
  const api = metricsApi(ctx.sim.ctx)
  if (api.state === 'missing') throw new KubectlError('error: Metrics API not available')
  if (api.state === 'unavailable') throw new KubectlError(`Error from server (ServiceUnavailable): the server is currently unable to handle the request (get ${resource}.metrics.k8s.io)`)
  return api.scrapedAt
}

/** `kubectl top node [NAME]` (top_node.go): usage against allocatable. */
function topNodes(ctx: CommandContext, name: string | undefined): string {
  const by = sortBy(ctx)
  const match = selectorOf(ctx)
  const store = ctx.sim.store
  let nodes: Node[]
  if (name) {
    const node = store.get<Node>('Node', undefined, name)
    if (!node) throw new KubectlError(`Error from server (NotFound): nodes "${name}" not found`)
    nodes = [node]
  } else nodes = store.list<Node>('Node').filter((n) => match(n.metadata.labels))
  const at = scrapeTime(ctx, 'nodes')
  const capacity = boolFlag(ctx.args, 'show-capacity')
  const rows = nodes.map((n) => ({ node: n, usage: nodeUsage(ctx.sim.ctx, n, at) }))
  if (name && !rows[0].usage) throw new KubectlError(`Error from server (NotFound): nodemetrics.metrics.k8s.io "${name}" not found`)
  const measured = rows.filter((r) => r.usage).map((r) => ({ ...r, usage: r.usage! }))
  if (by === 'cpu') measured.sort((a, b) => b.usage.cpuMilli - a.usage.cpuMilli)
  else if (by === 'memory') measured.sort((a, b) => b.usage.memoryBytes - a.usage.memoryBytes)
  let out = boolFlag(ctx.args, 'no-headers') ? '' : cells(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)'])
  for (const { node, usage } of measured) {
    const available = capacity ? node.status.capacity : node.status.allocatable
    out += cells([node.metadata.name, cpu(usage.cpuMilli), percent(usage.cpuMilli, cpuMillis(available.cpu)), memory(usage.memoryBytes), percent(usage.memoryBytes, quantityValue(available.memory))])
  }
  // Nodes whose kubelet is not reporting come last, unknown.
  for (const { node, usage } of rows) if (!usage) out += cells([node.metadata.name, '<unknown>', '<unknown>', '<unknown>', '<unknown>'])
  return tabwrite(out, GET_TABWRITER)
}

const podCpu = (p: PodUsage) => p.containers.reduce((n, c) => n + c.cpuMilli, 0)
const podMemory = (p: PodUsage) => p.containers.reduce((n, c) => n + c.memoryBytes, 0)

/** `kubectl top pod [NAME]` (top_pod.go). */
function topPods(ctx: CommandContext, name: string | undefined): string {
  const by = sortBy(ctx)
  const match = selectorOf(ctx)
  const all = ctx.allNamespaces
  const containers = boolFlag(ctx.args, 'containers')
  const at = scrapeTime(ctx, 'pods')
  const store = ctx.sim.store
  const pods: Pod[] = name ? [store.get<Pod>('Pod', ctx.namespace, name)].filter((p): p is Pod => !!p) : store.list<Pod>('Pod', all ? undefined : ctx.namespace).filter((p) => match(p.metadata.labels))
  const metrics = pods.map((p) => podUsage(ctx.sim.ctx, p, at)).filter((m): m is PodUsage => !!m)
  if (name && metrics.length === 0) throw new KubectlError(`Error from server (NotFound): podmetrics.metrics.k8s.io "${ctx.namespace}/${name}" not found`)
  if (metrics.length === 0) {
    if (pods.length === 0) return all ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`
    // All pods new: their metrics are probably on the way (verifyEmptyMetrics).
    for (const pod of pods) {
      const age = ctx.sim.now - parseSimTime(pod.metadata.creationTimestamp)
      if (age > METRICS_CREATION_DELAY_MS) throw new KubectlError(`error: Metrics not available for pod ${pod.metadata.namespace}/${pod.metadata.name}, age: ${goDuration(age)}`)
    }
    throw new KubectlError('error: metrics not available yet')
  }
  if (by === 'cpu') metrics.sort((a, b) => podCpu(b) - podCpu(a))
  else if (by === 'memory') metrics.sort((a, b) => podMemory(b) - podMemory(a))
  else if (all) metrics.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name))
  let out = ''
  if (!boolFlag(ctx.args, 'no-headers')) out += cells([...(all ? ['NAMESPACE'] : []), ...(containers ? ['POD'] : []), 'NAME', 'CPU(cores)', 'MEMORY(bytes)'])
  const ns = (m: PodUsage) => (all ? [m.namespace] : [])
  for (const m of metrics) {
    if (!containers) {
      out += cells([...ns(m), m.name, cpu(podCpu(m)), memory(podMemory(m))])
      continue
    }
    const list = [...m.containers]
    if (by === 'cpu') list.sort((a, b) => b.cpuMilli - a.cpuMilli)
    else if (by === 'memory') list.sort((a, b) => b.memoryBytes - a.memoryBytes)
    else list.sort((a, b) => a.name.localeCompare(b.name))
    for (const c of list) out += cells([...ns(m), m.name, c.name, cpu(c.cpuMilli), memory(c.memoryBytes)])
  }
  return tabwrite(out, GET_TABWRITER)
}

/**
 * `kubectl top node|pod [NAME]` (pkg/cmd/top, v1.35): CPU and memory from the resource
 * metrics API, which metrics-server serves from its last scrape.
 */
export const topCommand: KubectlCommand = {
  name: 'top',
  flags: [
    { name: 'selector', short: 'l', takesValue: true },
    { name: 'sort-by', takesValue: true },
    { name: 'no-headers', takesValue: false },
    { name: 'containers', takesValue: false },
    { name: 'show-capacity', takesValue: false },
  ],
  commandPath: (argv) => (['node', 'nodes', 'no'].includes(argv[0]) ? 'top node' : ['pod', 'pods', 'po'].includes(argv[0]) ? 'top pod' : 'top'),
  run(ctx) {
    const [resource, name, extra] = ctx.args.positional
    if (extra !== undefined) throw new KubectlError(`error: ${['node', 'nodes', 'no'].includes(resource) ? 'top node' : 'top pod'} accepts at most one argument`)
    if (['node', 'nodes', 'no'].includes(resource)) return topNodes(ctx, name)
    if (['pod', 'pods', 'po'].includes(resource)) return topPods(ctx, name)
    if (resource === undefined) throw new KubectlError('error: You must specify a resource type: node or pod\nSee \'kubectl top -h\' for help and examples')
    throw new KubectlError(`error: unknown command "${resource}" for "kubectl top"`)
  },
}
