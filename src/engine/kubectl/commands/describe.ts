import type { KubeEvent, KubeObject } from '../../api/types.ts'
import type { DescribeContext } from '../../kinds/kindModule.ts'
import { kindModule } from '../../kinds/registry.ts'
import { describeGeneric } from '../describe/describeGeneric.ts'
import { KubectlError, resolveResourceArgs } from '../resolve.ts'
import type { CommandContext, KubectlCommand } from './context.ts'
import { listObjects, noResourcesMessage, notFound } from './get.ts'

function describeOne(ctx: CommandContext, obj: KubeObject): string {
  const store = ctx.sim.store
  const describeContext: DescribeContext = {
    store,
    now: ctx.sim.now,
    eventsFor: (o) => store.list<KubeEvent>('Event', o.metadata.namespace ?? 'default').filter((e) => e.involvedObject.uid === o.metadata.uid),
  }
  const describe = kindModule(obj.kind)?.describe
  return describe ? describe(obj, describeContext) : describeGeneric(obj, describeContext.eventsFor(obj), ctx.sim.now)
}

export const describeCommand: KubectlCommand = {
  name: 'describe',
  flags: [{ name: 'selector', short: 'l', takesValue: true }],
  run(ctx) {
    const requests = resolveResourceArgs(ctx.args.positional)
    if (requests.length === 0) {
      throw new KubectlError('error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.')
    }
    const outputs: string[] = []
    const errors: string[] = []
    for (const req of requests) {
      const all = listObjects(ctx, req.resource)
      if (req.names.length === 0) outputs.push(...all.map((o) => describeOne(ctx, o)))
      for (const name of req.names) {
        const exact = all.find((o) => o.metadata.name === name)
        // kubectl describe falls back to every object whose name starts with the argument.
        const matches = exact ? [exact] : all.filter((o) => o.metadata.name.startsWith(name))
        if (matches.length === 0) errors.push(notFound(req.resource, name))
        outputs.push(...matches.map((o) => describeOne(ctx, o)))
      }
    }
    if (outputs.length === 0 && errors.length === 0) return noResourcesMessage(ctx, requests[0].resource.namespaced) + '\n'
    return outputs.join('\n\n') + errors.map((e) => e + '\n').join('')
  },
}
