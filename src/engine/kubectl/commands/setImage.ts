import { KubectlError } from '../resolve.ts'
import type { CommandContext } from './context.ts'
import { runSetChange, selectString } from './setWorkload.ts'

/**
 * `kubectl set image deployment/web CONTAINER=IMAGE …` (`*` for every container):
 * changes the pod template, which starts a rollout. An image already in use changes
 * nothing, and kubectl then prints nothing.
 */
export function setImage(ctx: CommandContext, args: string[]): string {
  const assignments = args.filter((a) => a.includes('='))
  const resources = args.filter((a) => !a.includes('='))
  if (resources.length === 0 && ctx.args.flags.get('filename') === undefined) {
    throw new KubectlError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>')
  }
  if (assignments.length === 0) throw new KubectlError('error: at least one image update is required')
  return runSetChange(
    ctx,
    resources,
    'image updated',
    (_draft, spec) => {
      for (const a of assignments) {
        const [container, image] = [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        const targets = [...(spec.initContainers ?? []), ...spec.containers].filter((c) => selectString(c.name, container))
        if (targets.length === 0) return `error: unable to find container named "${container}"`
        for (const c of targets) c.image = image
      }
    },
    { failurePrefix: 'failed to patch image update to pod template:' },
  )
}
