import type { DaemonSet, StatefulSet } from '../../api/types.ts'
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
 * `kubectl rollout history|undo daemonset/NAME` and `statefulset/NAME`: kubectl's
 * DaemonSetHistoryViewer/StatefulSetHistoryViewer and their rollbackers, which read the
 * workload's ControllerRevisions.
 */

/** A workload whose history is kept in ControllerRevisions. */
export type RevisionedWorkload = DaemonSet | StatefulSet

const CHANGE_CAUSE = 'kubernetes.io/change-cause'

const prefix = (w: RevisionedWorkload) => `${w.kind === 'DaemonSet' ? 'daemonset' : 'statefulset'}.apps/${w.metadata.name}`

export function workloadHistory(ctx: CommandContext, w: RevisionedWorkload): string {
  const revisions = controlledRevisions(ctx.sim.ctx, w as DaemonSet)
  const wanted = flag(ctx.args, 'revision')
  if (wanted !== undefined && Number(wanted) > 0) {
    const cr = revisions.find((r) => r.revision === Number(wanted))
    if (!cr) throw new KubectlError('error: unable to find the specified revision')
    const writer = new DescribeWriter()
    describePodTemplate(writer, templateOf(cr))
    return `${prefix(w)} with revision #${wanted}\n${writer.toString()}`
  }
  const rows = revisions.map((cr) => `${cr.revision}\t${cr.metadata.annotations?.[CHANGE_CAUSE] ?? '<none>'}\n`)
  return `${prefix(w)} \n` + tabwrite(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`, { minwidth: 0, padding: 2 }) + '\n'
}

export function undoWorkload(ctx: CommandContext, w: RevisionedWorkload): string {
  const toRevision = Number(flag(ctx.args, 'to-revision') ?? 0)
  const revisions = controlledRevisions(ctx.sim.ctx, w as DaemonSet)
  const target = toRevision === 0 ? (revisions.length > 1 ? revisions[revisions.length - 2] : undefined) : revisions.find((r) => r.revision === toRevision)
  if (toRevision < 0 || !target) throw new KubectlError(`error: unable to find specified revision ${toRevision} in history`)
  const template = templateOf(target)
  if (canonicalJson(template) === canonicalJson(w.spec.template)) {
    return `${prefix(w)} skipped rollback (current template already matches revision ${target.revision})\n`
  }
  ctx.sim.ctx.api.mutate<RevisionedWorkload>(w.kind, w.metadata.namespace, w.metadata.name, (draft) => {
    draft.spec.template = template
  })
  ctx.sim.settle()
  return `${prefix(w)} rolled back\n`
}
