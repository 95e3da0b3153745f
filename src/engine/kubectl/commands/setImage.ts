import type { KubeObject, PodTemplateSpec } from '../../api/types.ts'
import { qualifiedSingular } from '../../api/resources.ts'
import { KubectlError, resolveResourceArgs } from '../resolve.ts'
import type { KubectlCommand } from './context.ts'
import { notFound } from './get.ts'

type Templated = KubeObject & { spec: { template: PodTemplateSpec } }

/** Workloads with a pod template (Deployment, StatefulSet, …): where `set image` writes. */
const hasTemplate = (obj: KubeObject): obj is Templated => !!(obj.spec as { template?: PodTemplateSpec } | undefined)?.template?.spec

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
    const kind = req.resource.kind
    const lines: string[] = []
    for (const name of req.names) {
      const obj = ctx.sim.store.get(kind, ctx.namespace, name)
      if (!obj) {
        lines.push(notFound(req.resource, name))
        continue
      }
      if (!hasTemplate(obj)) throw new KubectlError(`error: kubesim supports "kubectl set image" on workloads with a pod template only`)
      ctx.sim.ctx.api.mutate<Templated>(kind, ctx.namespace, name, (draft) => {
        for (const a of assignments) {
          const [container, image] = a.split('=', 2)
          const target = draft.spec.template.spec.containers.filter((c) => container === '*' || c.name === container)
          if (target.length === 0) throw new KubectlError(`error: unable to find container named "${container}"`)
          for (const c of target) c.image = image
        }
      })
      lines.push(`${qualifiedSingular(req.resource)}/${name} image updated`)
    }
    ctx.sim.settle()
    return lines.map((l) => l + '\n').join('')
  },
}
