import { ApiError } from '../../api/errors.ts'
import type { Node } from '../../api/types.ts'
import { KubectlError } from '../resolve.ts'
import type { CommandContext, KubectlCommand } from './context.ts'

const UNSCHEDULABLE_TAINT = 'node.kubernetes.io/unschedulable'

/**
 * Cordons or uncordons one node: flips spec.unschedulable (the node controller mirrors it
 * as a taint) and returns kubectl's line (`node/x cordoned`, `already cordoned`, or the error).
 */
export function setNodeUnschedulable(ctx: CommandContext, name: string, unschedulable: boolean): string {
  const verb = unschedulable ? 'cordon' : 'uncordon'
  const node = ctx.sim.store.get<Node>('Node', undefined, name)
  if (!node) return `Error from server (NotFound): nodes "${name}" not found`
  if (!!node.spec.unschedulable === unschedulable) return `node/${name} already ${verb}ed`
  try {
    ctx.sim.ctx.api.mutate<Node>('Node', undefined, name, (draft) => {
      if (unschedulable) draft.spec.unschedulable = true
      else delete draft.spec.unschedulable
      const others = (draft.spec.taints ?? []).filter((t) => t.key !== UNSCHEDULABLE_TAINT)
      draft.spec.taints = unschedulable ? [...others, { key: UNSCHEDULABLE_TAINT, effect: 'NoSchedule', timeAdded: ctx.sim.ctx.clock.rfc3339() }] : others
      if (draft.spec.taints.length === 0) delete draft.spec.taints
    })
    return `node/${name} ${verb}ed`
  } catch (e) {
    if (!(e instanceof ApiError)) throw e
    return e.printed()
  }
}

function setUnschedulable(ctx: CommandContext, unschedulable: boolean, verb: string): string {
  const names = ctx.args.positional
  if (names.length === 0) throw new KubectlError(`error: USAGE: ${verb} NODE [flags]\nSee 'kubectl ${verb} -h' for help and examples`)
  const lines = names.map((name) => setNodeUnschedulable(ctx, name, unschedulable))
  ctx.sim.settle()
  return lines.map((l) => l + '\n').join('')
}

export const cordonCommand: KubectlCommand = { name: 'cordon', flags: [], run: (ctx) => setUnschedulable(ctx, true, 'cordon') }
export const uncordonCommand: KubectlCommand = { name: 'uncordon', flags: [], run: (ctx) => setUnschedulable(ctx, false, 'uncordon') }
