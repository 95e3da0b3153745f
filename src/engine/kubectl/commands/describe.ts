import type { Deployment, KubeEvent, KubeObject, Node, Pod, ReplicaSet } from '../../api/types.ts'
import { describeDeployment } from '../describe/describeDeployment.ts'
import { describeNode } from '../describe/describeNode.ts'
import { describePod } from '../describe/describePod.ts'
import { describeReplicaSet } from '../describe/describeReplicaSet.ts'
import { DescribeWriter, rfc1123z } from '../describeWriter.ts'
import { describeEvents, eventsFor, printAnnotationsMultiline, printLabelsMultiline } from '../describe/common.ts'
import { KubectlError, resolveResourceArgs } from '../resolve.ts'
import type { CommandContext, KubectlCommand } from './context.ts'
import { listObjects, noResourcesMessage, notFound } from './get.ts'

function describeOne(ctx: CommandContext, obj: KubeObject): string {
  const store = ctx.sim.store
  const now = ctx.sim.now
  const events = store.list<KubeEvent>('Event')
  switch (obj.kind) {
    case 'Pod':
      return describePod(obj as Pod, events, now)
    case 'Deployment': {
      const d = obj as Deployment
      const owned = store.list<ReplicaSet>('ReplicaSet', d.metadata.namespace).filter((rs) => rs.metadata.ownerReferences?.some((r) => r.uid === d.metadata.uid))
      return describeDeployment(d, owned, events, now)
    }
    case 'ReplicaSet':
      return describeReplicaSet(obj as ReplicaSet, store.list<Pod>('Pod', obj.metadata.namespace), events, now)
    case 'Node':
      return describeNode(obj as Node, store.list<Pod>('Pod'), events, now)
    default:
      return describeGeneric(obj, events, now)
  }
}

/** Kinds without a dedicated describer get the generic one: metadata and events. */
function describeGeneric(obj: KubeObject, events: KubeEvent[], now: number): string {
  const w = new DescribeWriter()
  w.write(0, `Name:\t${obj.metadata.name}\n`)
  if (obj.metadata.namespace) w.write(0, `Namespace:\t${obj.metadata.namespace}\n`)
  printLabelsMultiline(w, 'Labels', obj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
  w.write(0, `API Version:\t${obj.apiVersion}\n`)
  w.write(0, `Kind:\t${obj.kind}\n`)
  w.write(0, `CreationTimestamp:\t${rfc1123z(obj.metadata.creationTimestamp)}\n`)
  describeEvents(w, eventsFor(events, obj), now)
  return w.toString()
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
