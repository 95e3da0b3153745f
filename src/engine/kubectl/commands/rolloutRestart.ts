import { ApiError } from '../../api/errors.ts'
import { qualifiedPlural, qualifiedSingular, type ResourceType } from '../../api/resources.ts'
import type { KubeObject, PodTemplateSpec } from '../../api/types.ts'
import { KubectlError, resolveResourceArgs } from '../resolve.ts'
import type { CommandContext } from './context.ts'
import { listObjects, notFound } from './get.ts'

const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt'
const RESTARTABLE = ['Deployment', 'DaemonSet', 'StatefulSet']

/**
 * `kubectl rollout restart (TYPE [NAME…] | TYPE/NAME… | TYPE -l SEL)` (rollout_restart.go,
 * polymorphichelpers/objectrestarter.go): stamps the pod template with restartedAt, so the
 * controller rolls every pod. A type with no name restarts every object of it.
 */
export function rolloutRestart(ctx: CommandContext, positional: string[]): string {
  if (positional.length === 0) throw new KubectlError('error: required resource not specified')
  const targets: { resource: ResourceType; obj: KubeObject }[] = []
  const errors: string[] = []
  for (const req of resolveResourceArgs(positional)) {
    if (req.names.length === 0) {
      for (const obj of listObjects(ctx, req.resource)) targets.push({ resource: req.resource, obj })
      continue
    }
    for (const name of req.names) {
      const obj = ctx.sim.store.get(req.resource.kind, req.resource.namespaced ? ctx.namespace : undefined, name)
      if (obj) targets.push({ resource: req.resource, obj })
      else errors.push(notFound(req.resource, name))
    }
  }
  if (targets.length === 0 && errors.length === 0) return `No resources found in ${ctx.namespace} namespace.\n`

  const now = ctx.sim.ctx.clock.rfc3339()
  const lines: string[] = []
  for (const { resource, obj } of targets) {
    const spec = obj.spec as { paused?: boolean; template?: PodTemplateSpec }
    const id = `${qualifiedPlural(resource)} "${obj.metadata.name}"`
    if (!RESTARTABLE.includes(obj.kind)) {
      errors.push(`error: ${id} restarting is not supported`)
      continue
    }
    if (obj.kind === 'Deployment' && spec.paused) {
      errors.push(`error: ${id} can't restart paused deployment (run rollout resume first)`)
      continue
    }
    // The stamp has second precision: a second restart within the same second changes nothing.
    if (spec.template?.metadata?.annotations?.[RESTARTED_AT] === now) {
      errors.push(`failed to create patch for ${obj.metadata.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`)
      continue
    }
    try {
      ctx.sim.ctx.api.mutate(obj.kind, obj.metadata.namespace, obj.metadata.name, (draft) => {
        const template = (draft.spec as { template: PodTemplateSpec }).template
        template.metadata = { ...template.metadata, annotations: { ...(template.metadata?.annotations ?? {}), [RESTARTED_AT]: now } }
      })
      lines.push(`${qualifiedSingular(resource)}/${obj.metadata.name} restarted`)
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      errors.push(`failed to patch: ${e.message}`)
    }
  }
  ctx.sim.settle()
  // One error prints as it is (with `error: ` added if missing); several, one per line.
  const shown = errors.length === 1 && !/^(error: |Error from server)/.test(errors[0]) ? [`error: ${errors[0]}`] : errors
  return [...lines, ...shown].map((l) => l + '\n').join('')
}
