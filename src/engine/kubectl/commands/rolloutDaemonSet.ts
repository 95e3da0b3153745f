import type { DaemonSet } from '../../api/types.ts'
import { templateOf } from '../../controllers/controllerHistory.ts'
import { canonicalJson } from '../../controllers/podTemplateHash.ts'
import { controlledRevisions } from '../../controllers/daemonSetHistory.ts'
import { flag } from '../args.ts'
import { describePodTemplate } from '../describe/common.ts'
import { DescribeWriter } from '../describeWriter.ts'
import { KubectlError } from '../resolve.ts'
import { tabwrite } from '../tabwriter.ts'
import type { CommandContext } from './context.ts'

/**
 * `kubectl rollout history|undo|restart daemonset/NAME`: kubectl's DaemonSetHistoryViewer
 * and DaemonSetRollbacker, which read the DaemonSet's ControllerRevisions.
 */

const CHANGE_CAUSE = 'kubernetes.io/change-cause'

export function daemonSetHistory(ctx: CommandContext, ds: DaemonSet): string {
  const revisions = controlledRevisions(ctx.sim.ctx, ds)
  const wanted = flag(ctx.args, 'revision')
  if (wanted !== undefined && Number(wanted) > 0) {
    const cr = revisions.find((r) => r.revision === Number(wanted))
    if (!cr) throw new KubectlError('error: unable to find the specified revision')
    const w = new DescribeWriter()
    describePodTemplate(w, templateOf(cr))
    return `daemonset.apps/${ds.metadata.name} with revision #${wanted}\n${w.toString()}`
  }
  const rows = revisions.map((cr) => `${cr.revision}\t${cr.metadata.annotations?.[CHANGE_CAUSE] ?? '<none>'}\n`)
  return `daemonset.apps/${ds.metadata.name} \n` + tabwrite(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`, { minwidth: 0, padding: 2 }) + '\n'
}

export function undoDaemonSet(ctx: CommandContext, ds: DaemonSet): string {
  const toRevision = Number(flag(ctx.args, 'to-revision') ?? 0)
  const revisions = controlledRevisions(ctx.sim.ctx, ds)
  const target = toRevision === 0 ? (revisions.length > 1 ? revisions[revisions.length - 2] : undefined) : revisions.find((r) => r.revision === toRevision)
  if (toRevision < 0 || !target) throw new KubectlError(`error: unable to find specified revision ${toRevision} in history`)
  const template = templateOf(target)
  if (canonicalJson(template) === canonicalJson(ds.spec.template)) {
    return `daemonset.apps/${ds.metadata.name} skipped rollback (current template already matches revision ${target.revision})\n`
  }
  ctx.sim.ctx.api.mutate<DaemonSet>('DaemonSet', ds.metadata.namespace, ds.metadata.name, (draft) => {
    draft.spec.template = template
  })
  ctx.sim.settle()
  return `daemonset.apps/${ds.metadata.name} rolled back\n`
}

export function restartDaemonSet(ctx: CommandContext, ds: DaemonSet): string {
  ctx.sim.ctx.api.mutate<DaemonSet>('DaemonSet', ds.metadata.namespace, ds.metadata.name, (draft) => {
    draft.spec.template.metadata = {
      ...draft.spec.template.metadata,
      annotations: { ...(draft.spec.template.metadata?.annotations ?? {}), 'kubectl.kubernetes.io/restartedAt': ctx.sim.ctx.clock.rfc3339() },
    }
  })
  ctx.sim.settle()
  return `daemonset.apps/${ds.metadata.name} restarted\n`
}
