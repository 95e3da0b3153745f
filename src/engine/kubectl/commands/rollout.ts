import { qualifiedPlural } from '../../api/resources.ts'
import { kindModule } from '../../kinds/registry.ts'
import type { Deployment, ReplicaSet } from '../../api/types.ts'
import { flag } from '../args.ts'
import { KubectlError, resolveResourceArgs } from '../resolve.ts'
import { tabwrite } from '../tabwriter.ts'
import type { CommandContext, KubectlCommand } from './context.ts'
import { notFound } from './get.ts'
import { rolloutRestart } from './rolloutRestart.ts'
import { undoWorkload, workloadHistory, type RevisionedWorkload } from './rolloutRevisions.ts'

const REVISION = 'deployment.kubernetes.io/revision'
const CHANGE_CAUSE = 'kubernetes.io/change-cause'
/** How long `rollout status` waits in a script before giving up, as with --timeout. */
const STATUS_TIMEOUT_MS = 10 * 60_000

function targetDeployment(ctx: CommandContext, positional: string[]): Deployment {
  const [req] = resolveResourceArgs(positional)
  if (!req || req.names.length === 0) throw new KubectlError('error: required resource not specified')
  if (req.resource.kind !== 'Deployment') throw new KubectlError(`error: no status viewer has been implemented for ${req.resource.kind}`)
  const d = ctx.sim.store.get<Deployment>('Deployment', ctx.namespace, req.names[0])
  if (!d) throw new KubectlError(notFound(req.resource, req.names[0]))
  return d
}

/** The DaemonSet or StatefulSet named in the arguments, when they name one: their history lives in ControllerRevisions. */
function targetRevisioned(ctx: CommandContext): RevisionedWorkload | undefined {
  const [req] = resolveResourceArgs(ctx.args.positional.slice(1))
  if ((req?.resource.kind !== 'DaemonSet' && req?.resource.kind !== 'StatefulSet') || req.names.length === 0) return undefined
  const w = ctx.sim.store.get<RevisionedWorkload>(req.resource.kind, ctx.namespace, req.names[0])
  if (!w) throw new KubectlError(notFound(req.resource, req.names[0]))
  return w
}

function ownedReplicaSets(ctx: CommandContext, d: Deployment): ReplicaSet[] {
  return ctx.sim.store.dependents<ReplicaSet>(d.metadata.uid, 'ReplicaSet')
}

/** `rollout status` works on any kind with a status viewer (Deployment, DaemonSet, StatefulSet). */
function status(ctx: CommandContext): string {
  const [req] = resolveResourceArgs(ctx.args.positional.slice(1))
  if (!req || req.names.length === 0) throw new KubectlError('error: required resource not specified')
  const viewer = kindModule(req.resource.kind)?.rolloutStatus
  if (!viewer) throw new KubectlError(`error: no status viewer has been implemented for ${req.resource.kind}`)
  const obj = ctx.sim.store.get(req.resource.kind, ctx.namespace, req.names[0])
  if (!obj) throw new KubectlError(notFound(req.resource, req.names[0]))
  const key = [obj.kind, obj.metadata.namespace, obj.metadata.name] as const
  const lines: string[] = []
  let current = viewer(obj)
  lines.push(current.text)
  // Like `kubectl rollout status` (which watches), a script waits and prints each change.
  if (ctx.io.waitAdvancesTime && flag(ctx.args, 'watch') !== 'false') {
    const deadline = ctx.sim.now + STATUS_TIMEOUT_MS
    while (!current.done && ctx.sim.now < deadline) {
      ctx.sim.advance(100)
      const live = ctx.sim.store.get(...key)
      if (!live) throw new KubectlError(notFound(req.resource, key[2]))
      const next = viewer(live)
      if (next.text !== current.text) lines.push(next.text)
      current = next
    }
    if (!current.done) lines.push('error: timed out waiting for the condition')
  }
  return lines.map((l) => l + '\n').join('')
}

function history(ctx: CommandContext): string {
  const w = targetRevisioned(ctx)
  if (w) return workloadHistory(ctx, w)
  const d = targetDeployment(ctx, ctx.args.positional.slice(1))
  const byRevision = new Map<number, ReplicaSet>()
  for (const rs of ownedReplicaSets(ctx, d)) byRevision.set(Number(rs.metadata.annotations?.[REVISION] ?? 0), rs)
  const wanted = flag(ctx.args, 'revision')
  if (wanted !== undefined) {
    const rs = byRevision.get(Number(wanted))
    if (!rs) throw new KubectlError(`error: unable to find the specified revision`)
    return `deployment.apps/${d.metadata.name} with revision #${wanted}\nPod Template:\n  Labels:\t${Object.entries(rs.spec.template.metadata?.labels ?? {}).map(([k, v]) => `${k}=${v}`).join('\n\t')}\n  Containers:\n${rs.spec.template.spec.containers.map((c) => `   ${c.name}:\n    Image:\t${c.image}\n`).join('')}`
  }
  const rows = [...byRevision.keys()].sort((a, b) => a - b).map((r) => `${r}\t${byRevision.get(r)!.metadata.annotations?.[CHANGE_CAUSE] ?? '<none>'}\n`)
  return `deployment.apps/${d.metadata.name} \n` + tabwrite(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`, { minwidth: 0, padding: 2 }) + '\n'
}

function undo(ctx: CommandContext): string {
  const w = targetRevisioned(ctx)
  if (w) return undoWorkload(ctx, w)
  const d = targetDeployment(ctx, ctx.args.positional.slice(1))
  if (d.spec.paused) throw new KubectlError(`error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again`)
  const replicaSets = ownedReplicaSets(ctx, d)
  const revisions = replicaSets.map((rs) => Number(rs.metadata.annotations?.[REVISION] ?? 0)).sort((a, b) => b - a)
  const current = Number(d.metadata.annotations?.[REVISION] ?? revisions[0] ?? 0)
  const toFlag = Number(flag(ctx.args, 'to-revision') ?? 0)
  const target = toFlag || revisions.find((r) => r < current)
  const rs = replicaSets.find((x) => Number(x.metadata.annotations?.[REVISION]) === target)
  if (!rs) throw new KubectlError(toFlag ? `error: unable to find specified revision ${toFlag} in history` : 'error: no rollout history found for deployment "' + d.metadata.name + '"')
  if (target === current) return `deployment.apps/${d.metadata.name} skipped rollback (current template already matches revision ${target})\n`
  const template = structuredClone(rs.spec.template)
  if (template.metadata?.labels) delete template.metadata.labels['pod-template-hash']
  ctx.sim.ctx.api.mutate<Deployment>('Deployment', d.metadata.namespace, d.metadata.name, (draft) => {
    draft.spec.template = template
  })
  ctx.sim.settle()
  return `deployment.apps/${d.metadata.name} rolled back\n`
}

function setPaused(ctx: CommandContext, paused: boolean): string {
  // Only Deployments pause (polymorphichelpers objectpauser/objectresumer).
  const [req] = resolveResourceArgs(ctx.args.positional.slice(1))
  if (req && req.names.length > 0 && req.resource.kind !== 'Deployment') {
    if (!ctx.sim.store.get(req.resource.kind, req.resource.namespaced ? ctx.namespace : undefined, req.names[0])) throw new KubectlError(notFound(req.resource, req.names[0]))
    throw new KubectlError(`error: ${qualifiedPlural(req.resource)} "${req.names[0]}" ${paused ? 'pausing' : 'resuming'} is not supported`)
  }
  const d = targetDeployment(ctx, ctx.args.positional.slice(1))
  const verb = paused ? 'paused' : 'resumed'
  // ObjectPauserFn / ObjectResumerFn: `is already paused`, and `is not paused` for a resume.
  if (!!d.spec.paused === paused) throw new KubectlError(`error: deployments.apps "${d.metadata.name}" ${paused ? 'is already paused' : 'is not paused'}`)
  ctx.sim.ctx.api.mutate<Deployment>('Deployment', d.metadata.namespace, d.metadata.name, (draft) => {
    if (paused) draft.spec.paused = true
    else delete draft.spec.paused
  })
  ctx.sim.settle()
  return `deployment.apps/${d.metadata.name} ${verb}\n`
}

/** `kubectl rollout status|history|undo|restart|pause|resume deployment/NAME`. */
export const rolloutCommand: KubectlCommand = {
  name: 'rollout',
  flags: [
    { name: 'to-revision', takesValue: true },
    { name: 'revision', takesValue: true },
    { name: 'watch', short: 'w', takesValue: false },
    { name: 'timeout', takesValue: true },
    { name: 'selector', short: 'l', takesValue: true },
  ],
  run(ctx) {
    const sub = ctx.args.positional[0]
    switch (sub) {
      case 'status':
        return status(ctx)
      case 'history':
        return history(ctx)
      case 'undo':
        return undo(ctx)
      case 'restart':
        return rolloutRestart(ctx, ctx.args.positional.slice(1))
      case 'pause':
        return setPaused(ctx, true)
      case 'resume':
        return setPaused(ctx, false)
      default:
        throw new KubectlError(sub ? `error: unknown command "${sub}" for "kubectl rollout"` : "error: Required resource not specified.\nSee 'kubectl rollout -h' for help and examples")
    }
  },
}
