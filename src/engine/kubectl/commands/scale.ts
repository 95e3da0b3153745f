import { qualifiedSingular } from '../../api/resources.ts'
import type { Deployment, ReplicaSet } from '../../api/types.ts'
import { flag } from '../args.ts'
import { KubectlError, resolveResourceArgs } from '../resolve.ts'
import type { KubectlCommand } from './context.ts'
import { notFound } from './get.ts'

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
      if (req.resource.kind !== 'Deployment' && req.resource.kind !== 'ReplicaSet') {
        throw new KubectlError(`error: no scaler has been implemented for {"${req.resource.group}" "${req.resource.kind}"}`)
      }
      if (req.names.length === 0) throw new KubectlError('error: resource(s) were provided, but no name was specified')
      for (const name of req.names) {
        const obj = ctx.sim.store.get<Deployment | ReplicaSet>(req.resource.kind, ctx.namespace, name)
        if (!obj) {
          lines.push(notFound(req.resource, name))
          continue
        }
        obj.spec.replicas = replicas
        ctx.sim.store.update(obj, { specChanged: true })
        lines.push(`${qualifiedSingular(req.resource)}/${name} scaled`)
      }
    }
    ctx.sim.settle()
    return lines.map((l) => l + '\n').join('')
  },
}
