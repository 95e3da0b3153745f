import { ApiError } from '../../api/errors.ts'
import { qualifiedSingular } from '../../api/resources.ts'
import { kindModule } from '../../kinds/registry.ts'
import { flag } from '../args.ts'
import { KubectlError, resolveResourceArgs } from '../resolve.ts'
import type { KubectlCommand } from './context.ts'

/** `kubectl scale KIND NAME --replicas=N`: a write of the kind's replica count, through the API. */
export const scaleCommand: KubectlCommand = {
  name: 'scale',
  flags: [{ name: 'replicas', takesValue: true }, { name: 'filename', short: 'f', takesValue: true, repeatable: true }],
  run(ctx) {
    const replicasText = flag(ctx.args, 'replicas')
    if (replicasText === undefined) throw new KubectlError('error: required flag(s) "replicas" not set')
    const replicas = Number(replicasText)
    if (!Number.isInteger(replicas) || replicas < 0) throw new KubectlError('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0')
    const lines: string[] = []
    for (const req of resolveResourceArgs(ctx.args.positional)) {
      const scale = kindModule(req.resource.kind)?.scale
      if (!scale) throw new KubectlError(`error: no scaler has been implemented for {"${req.resource.group}" "${req.resource.kind}"}`)
      if (req.names.length === 0) throw new KubectlError('error: resource(s) were provided, but no name was specified')
      for (const name of req.names) {
        try {
          ctx.sim.ctx.api.mutate(req.resource.kind, ctx.namespace, name, (obj) => scale.set(obj, replicas))
          lines.push(`${qualifiedSingular(req.resource)}/${name} scaled`)
        } catch (e) {
          if (!(e instanceof ApiError)) throw e
          lines.push(e.printed())
        }
      }
    }
    ctx.sim.settle()
    return lines.map((l) => l + '\n').join('')
  },
}
