import { isValidQuantity, QUANTITY_ERROR } from '../../util/quantity.ts'
import { flag } from '../args.ts'
import { KubectlError } from '../resolve.ts'
import type { CommandContext } from './context.ts'
import { runSetChange, selectString } from './setWorkload.ts'

/**
 * `kubectl set resources RESOURCE --limits=cpu=200m,memory=512Mi --requests=… [-c NAME]`:
 * sets those entries of each selected container's requests and limits, keeping the others.
 */
export function setResources(ctx: CommandContext, resources: string[]): string {
  const limitsText = flag(ctx.args, 'limits') ?? ''
  const requestsText = flag(ctx.args, 'requests') ?? ''
  if (!limitsText && !requestsText) throw new KubectlError('error: you must specify an update to requests or limits (in the form of --requests/--limits)')
  const limits = parseResourceList(limitsText)
  const requests = parseResourceList(requestsText)
  const selector = flag(ctx.args, 'containers') ?? '*'
  return runSetChange(
    ctx,
    resources,
    'resource requirements updated',
    (_draft, spec) => {
      const containers = [...spec.containers, ...(spec.initContainers ?? [])].filter((c) => selectString(c.name, selector))
      if (containers.length === 0) return `error: unable to find container named ${selector}`
      for (const c of containers) {
        const r = (c.resources ??= {})
        if (limitsText) r.limits = { ...(r.limits ?? {}), ...limits }
        if (requestsText) r.requests = { ...(r.requests ?? {}), ...requests }
      }
    },
    { failurePrefix: 'failed to patch resources update to pod template' },
  )
}

/** `cpu=200m,memory=512Mi` (generateversioned.HandleResourceRequirementsV1). */
function parseResourceList(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  if (!text) return out
  for (const pair of text.split(',')) {
    const [name, value] = pair.split('=')
    if (value === undefined || pair.split('=').length !== 2) throw new KubectlError(`error: Invalid argument syntax ${pair}, expected <resource>=<value>`)
    if (!isValidQuantity(value)) throw new KubectlError(`error: ${QUANTITY_ERROR}`)
    out[name] = value
  }
  return out
}
