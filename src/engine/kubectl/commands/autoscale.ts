import { ApiError } from '../../api/errors.ts'
import { apiVersionOf } from '../../api/resources.ts'
import type { KubeObject } from '../../api/types.ts'
import { kindModule } from '../../kinds/registry.ts'
import { flag } from '../args.ts'
import { KubectlError, resolveResourceArgs } from '../resolve.ts'
import type { KubectlCommand } from './context.ts'
import { notFound } from './get.ts'

/** pflag's notice for --cpu-percent, deprecated in v1.33 in favour of --cpu. */
const CPU_PERCENT_DEPRECATED = "Flag --cpu-percent has been deprecated, Use --cpu with percentage or resource quantity format (e.g., '70%' for utilization or '500m' for milliCPU)."

function int32Flag(name: string, text: string | undefined): number {
  if (text === undefined) return -1
  if (!/^[-+]?\d+$/.test(text)) {
    throw new KubectlError(`error: invalid argument "${text}" for "--${name}" flag: strconv.ParseInt: parsing "${text}": invalid syntax\nSee 'kubectl autoscale --help' for usage.`)
  }
  return Number(text)
}

/** `--cpu=70%` targets utilization; `--cpu=500m` (or `500`, milliCPU) an average value. Memory likewise, in Mi. */
function metricTarget(input: string, resource: 'cpu' | 'memory'): Record<string, unknown> {
  const text = input.trim()
  const percent = /^(\d+)%$/.exec(text)
  if (percent) return { type: 'Utilization', averageUtilization: Number(percent[1]) }
  if (/^\d+(\.\d+)?$/.test(text)) return { type: 'AverageValue', averageValue: `${Number(text)}${resource === 'cpu' ? 'm' : 'Mi'}` }
  if (/^\d+(\.\d+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/.test(text)) return { type: 'AverageValue', averageValue: text }
  throw new KubectlError(`error: invalid resource ${resource} value: ${text}`)
}

/**
 * `kubectl autoscale (TYPE NAME | TYPE/NAME) --max=N [--min=M] [--cpu=70%|--cpu-percent=70]
 * [--memory=…] [--name=…]` (pkg/cmd/autoscale, v1.35): creates an autoscaling/v2
 * HorizontalPodAutoscaler for each scalable object named.
 */
export const autoscaleCommand: KubectlCommand = {
  name: 'autoscale',
  flags: [
    { name: 'min', takesValue: true },
    { name: 'max', takesValue: true },
    { name: 'cpu-percent', takesValue: true },
    { name: 'cpu', takesValue: true },
    { name: 'memory', takesValue: true },
    { name: 'name', takesValue: true },
    { name: 'filename', short: 'f', takesValue: true, repeatable: true },
  ],
  run(ctx) {
    const min = int32Flag('min', flag(ctx.args, 'min'))
    const maxText = flag(ctx.args, 'max')
    const max = int32Flag('max', maxText)
    const cpuPercent = int32Flag('cpu-percent', flag(ctx.args, 'cpu-percent'))
    const cpu = flag(ctx.args, 'cpu') ?? ''
    const memory = flag(ctx.args, 'memory') ?? ''
    const out: string[] = flag(ctx.args, 'cpu-percent') !== undefined ? [CPU_PERCENT_DEPRECATED] : []
    const finish = (lines: string[]) => [...out, ...lines].map((l) => l + '\n').join('')
    if (maxText === undefined) throw new KubectlError('error: required flag(s) "max" not set')
    if (max < 1) return finish([`error: --max=MAXPODS is required and must be at least 1, max: ${max}`])
    if (max < min) return finish([`error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`])
    if (cpuPercent > 0 && cpu !== '') return finish(['error: --cpu-percent and --cpu are mutually exclusive'])
    const metrics: Record<string, unknown>[] = []
    const resourceMetric = (name: 'cpu' | 'memory', target: Record<string, unknown>) => ({ type: 'Resource', resource: { name, target } })
    try {
      if (cpuPercent > 0) metrics.push(resourceMetric('cpu', { type: 'Utilization', averageUtilization: cpuPercent }))
      if (cpu) metrics.push(resourceMetric('cpu', metricTarget(cpu, 'cpu')))
      if (memory) metrics.push(resourceMetric('memory', metricTarget(memory, 'memory')))
    } catch (e) {
      if (e instanceof KubectlError) return finish([e.message])
      throw e
    }

    const requests = resolveResourceArgs(ctx.args.positional)
    if (requests.length === 0) {
      return finish(["error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'"])
    }
    const lines: string[] = []
    let count = 0
    for (const req of requests) {
      if (req.names.length === 0) return finish(['error: resource(s) were provided, but no name was specified'])
      for (const name of req.names) {
        const target = ctx.sim.store.get(req.resource.kind, req.resource.namespaced ? ctx.namespace : undefined, name)
        if (!target) return finish([...lines, notFound(req.resource, name)])
        if (!kindModule(req.resource.kind)?.scale) {
          return finish([...lines, `error: cannot autoscale a ${req.resource.kind}: could not find scale subresource for ${req.resource.group}/${req.resource.version}, Resource=${req.resource.plural} in discovery information`])
        }
        const hpaName = flag(ctx.args, 'name') || name
        const hpa = {
          apiVersion: 'autoscaling/v2',
          kind: 'HorizontalPodAutoscaler',
          metadata: { name: hpaName, namespace: ctx.namespace, uid: '', resourceVersion: '', creationTimestamp: '' },
          spec: {
            scaleTargetRef: { apiVersion: apiVersionOf(req.resource), kind: req.resource.kind, name },
            ...(min > 0 ? { minReplicas: min } : {}),
            maxReplicas: max,
            ...(metrics.length > 0 ? { metrics } : {}),
          },
        } as KubeObject
        try {
          ctx.sim.ctx.api.create(hpa)
        } catch (e) {
          if (e instanceof ApiError) return finish([...lines, e.printed()])
          throw e
        }
        count++
        lines.push(`horizontalpodautoscaler.autoscaling/${hpaName} autoscaled`)
      }
    }
    ctx.sim.settle()
    if (count === 0) lines.push('error: no objects passed to autoscale')
    return finish(lines)
  },
}
