import { applyManifest, describeApplyResult } from '../../api/apply.ts'
import type { CronJob } from '../../api/types.ts'
import { resolveResourceName } from '../../api/resources.ts'
import { flag } from '../args.ts'
import { KubectlError } from '../resolve.ts'
import type { CommandContext } from './context.ts'

function create(ctx: CommandContext, manifest: Record<string, unknown>): string {
  const result = applyManifest(ctx.sim.ctx, { manifest, source: 'STDIN', namespace: ctx.namespace, mode: 'create' })
  ctx.sim.settle()
  if (!result.ok) return result.error.replace(/error when creating "STDIN": /, '') + '\n'
  return describeApplyResult(result.resource, result.name, 'created') + '\n'
}

/** `kubectl create job NAME --image=IMAGE [-- COMMAND...]` or `kubectl create job NAME --from=cronjob/X` (create_job.go). */
export function createJob(ctx: CommandContext, name: string | undefined): string {
  if (!name) throw new KubectlError('error: exactly one NAME is required, got 0')
  const image = flag(ctx.args, 'image')
  const from = flag(ctx.args, 'from')
  const command = ctx.args.afterDash
  if (!image && !from) throw new KubectlError('error: either --image or --from must be specified')
  if (image && from) throw new KubectlError('error: either --image or --from must be specified')
  if (from && command.length) throw new KubectlError('error: cannot specify --from and command')
  if (image) {
    const container = { name, image, ...(command.length ? { command } : {}), resources: {} }
    return create(ctx, { apiVersion: 'batch/v1', kind: 'Job', metadata: { name }, spec: { template: { metadata: {}, spec: { containers: [container], restartPolicy: 'Never' } } } })
  }
  const [type, source] = from!.split('/', 2)
  if (!source || resolveResourceName(type)?.kind !== 'CronJob') throw new KubectlError('error: from must be an existing cronjob')
  const cj = ctx.sim.store.get<CronJob>('CronJob', ctx.namespace, source)
  if (!cj) throw new KubectlError(`Error from server (NotFound): cronjobs.batch "${source}" not found`)
  const template = cj.spec.jobTemplate
  const manifest = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', ...(template.metadata?.annotations ?? {}) },
      ...(template.metadata?.labels ? { labels: { ...template.metadata.labels } } : {}),
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata.name, uid: cj.metadata.uid, controller: true }],
    },
    spec: structuredClone(template.spec),
  }
  return create(ctx, manifest)
}

/** `kubectl create cronjob NAME --image=IMAGE --schedule=SCHEDULE [--restart=…] [-- COMMAND...]` (create_cronjob.go). */
export function createCronJob(ctx: CommandContext, name: string | undefined): string {
  const image = flag(ctx.args, 'image')
  const schedule = flag(ctx.args, 'schedule')
  const missing = [...(image ? [] : ['"image"']), ...(schedule ? [] : ['"schedule"'])]
  if (missing.length) throw new KubectlError(`error: required flag(s) ${missing.join(', ')} not set`)
  if (!name) throw new KubectlError('error: exactly one NAME is required, got 0')
  const restart = flag(ctx.args, 'restart') ?? 'OnFailure'
  if (restart !== 'OnFailure' && restart !== 'Never') throw new KubectlError(`error: restart policy must be one of [OnFailure Never], got ${restart}`)
  const command = ctx.args.afterDash
  const container = { name, image, ...(command.length ? { command } : {}), resources: {} }
  return create(ctx, {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name },
    spec: { schedule, jobTemplate: { metadata: { name }, spec: { template: { metadata: {}, spec: { containers: [container], restartPolicy: restart } } } } },
  })
}
