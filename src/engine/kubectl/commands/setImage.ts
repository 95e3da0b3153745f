import type { Deployment } from '../../api/types.ts'
import { KubectlError, resolveResourceArgs } from '../resolve.ts'
import type { KubectlCommand } from './context.ts'
import { notFound } from './get.ts'

/** `kubectl set image deployment/NAME CONTAINER=IMAGE ...`: changes the template, which starts a rollout. */
export const setCommand: KubectlCommand = {
  name: 'set',
  flags: [],
  run(ctx) {
    const [what, ...rest] = ctx.args.positional
    if (what !== 'image') throw new KubectlError(what ? `error: kubesim supports "kubectl set image" only, not "set ${what}"` : "error: Required resource not specified.\nSee 'kubectl set -h' for help and examples")
    const assignments = rest.filter((a) => a.includes('='))
    const resources = rest.filter((a) => !a.includes('='))
    if (assignments.length === 0) throw new KubectlError('error: at least one image update is required')
    const [req] = resolveResourceArgs(resources)
    if (!req || req.names.length === 0) throw new KubectlError("error: one or more resources must be specified as <resource> <name> or <resource>/<name>")
    if (req.resource.kind !== 'Deployment') throw new KubectlError(`error: kubesim supports "kubectl set image" on deployments only`)
    const lines: string[] = []
    for (const name of req.names) {
      const d = ctx.sim.store.get<Deployment>('Deployment', ctx.namespace, name)
      if (!d) {
        lines.push(notFound(req.resource, name))
        continue
      }
      ctx.sim.ctx.api.mutate<Deployment>('Deployment', ctx.namespace, name, (draft) => {
        for (const a of assignments) {
          const [container, image] = a.split('=', 2)
          const target = draft.spec.template.spec.containers.filter((c) => container === '*' || c.name === container)
          if (target.length === 0) throw new KubectlError(`error: unable to find container named "${container}"`)
          for (const c of target) c.image = image
        }
      })
      lines.push(`deployment.apps/${name} image updated`)
    }
    ctx.sim.settle()
    return lines.map((l) => l + '\n').join('')
  },
}
