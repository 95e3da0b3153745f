import { ApiError } from '../../api/errors.ts'
import { qualifiedSingular, type ResourceType } from '../../api/resources.ts'
import type { KubeObject } from '../../api/types.ts'
import { kindModule } from '../../kinds/registry.ts'
import { boolFlag, flag } from '../args.ts'
import { KubectlError, resolveResourceArgs } from '../resolve.ts'
import type { KubectlCommand } from './context.ts'
import { listObjects, notFound } from './get.ts'

function intFlag(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback
  if (!/^[-+]?\d+$/.test(text)) {
    throw new KubectlError(`error: invalid argument "${text}" for "--${name}" flag: strconv.ParseInt: parsing "${text}": invalid syntax\nSee 'kubectl scale --help' for usage.`)
  }
  return Number(text)
}

/**
 * `kubectl scale (TYPE NAME… | TYPE/NAME… | TYPE -l SEL | TYPE --all) --replicas=N
 * [--current-replicas=M]` (pkg/cmd/scale): a write of each object's scale subresource,
 * through the API, with the --current-replicas precondition checked first.
 */
export const scaleCommand: KubectlCommand = {
  name: 'scale',
  flags: [
    { name: 'replicas', takesValue: true },
    { name: 'current-replicas', takesValue: true },
    { name: 'selector', short: 'l', takesValue: true },
    { name: 'all', takesValue: false },
    { name: 'resource-version', takesValue: true },
    { name: 'timeout', takesValue: true },
    { name: 'filename', short: 'f', takesValue: true, repeatable: true },
  ],
  run(ctx) {
    const replicasText = flag(ctx.args, 'replicas')
    const replicas = intFlag('replicas', replicasText, 0)
    const current = intFlag('current-replicas', flag(ctx.args, 'current-replicas'), -1)
    if (replicasText === undefined) throw new KubectlError('error: required flag(s) "replicas" not set')
    if (replicas < 0) throw new KubectlError('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0')
    if (current < -1) throw new KubectlError('error: The --current-replicas must specify an integer of -1 or greater')

    const targets: { resource: ResourceType; obj: KubeObject }[] = []
    const missing: string[] = []
    const requests = resolveResourceArgs(ctx.args.positional)
    if (requests.length === 0) {
      throw new KubectlError("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'")
    }
    for (const req of requests) {
      if (req.names.length > 0) {
        for (const name of req.names) {
          const obj = ctx.sim.store.get(req.resource.kind, req.resource.namespaced ? ctx.namespace : undefined, name)
          if (obj) targets.push({ resource: req.resource, obj })
          else missing.push(notFound(req.resource, name))
        }
      } else if (boolFlag(ctx.args, 'all') || flag(ctx.args, 'selector')) {
        for (const obj of listObjects(ctx, req.resource)) targets.push({ resource: req.resource, obj })
      } else {
        throw new KubectlError('error: resource(s) were provided, but no name was specified')
      }
    }
    if (targets.length === 0) {
      if (missing.length > 0) return missing.map((l) => l + '\n').join('')
      throw new KubectlError('error: no objects passed to scale')
    }

    const lines: string[] = []
    for (const { resource, obj } of targets) {
      const scale = kindModule(resource.kind)?.scale
      try {
        if (!scale) throw new ApiError('NotFound', 'the server could not find the requested resource')
        const live = scale.get(obj)
        if (current !== -1 && live !== current) throw new KubectlError(`error: Expected replicas to be ${current}, was ${live}`)
        ctx.sim.ctx.api.mutate(resource.kind, obj.metadata.namespace, obj.metadata.name, (draft) => scale.set(draft, replicas))
        lines.push(`${qualifiedSingular(resource)}/${obj.metadata.name} scaled`)
      } catch (e) {
        // The first failure ends the command, as RunScale returns it.
        if (e instanceof ApiError) lines.push(e.printed())
        else if (e instanceof KubectlError) lines.push(e.message)
        else throw e
        ctx.sim.settle()
        return lines.map((l) => l + '\n').join('')
      }
    }
    ctx.sim.settle()
    return [...lines, ...missing].map((l) => l + '\n').join('')
  },
}
