import type { CronJob } from '../../../api/types.ts'
import { resolveResourceName } from '../../../api/resources.ts'
import { kindModule } from '../../../kinds/registry.ts'
import { flag } from '../../args.ts'
import { KubectlError } from '../../resolve.ts'
import { objectMeta } from '../objectOutput.ts'
import type { CreateGenerator } from './generator.ts'

function container(name: string, image: string, command: string[]) {
  return { name, image, ...(command.length ? { command } : {}), resources: {} }
}

/** `kubectl create job NAME --image=IMAGE [-- COMMAND…]` or `--from=cronjob/NAME` (create_job.go). */
export const createJob: CreateGenerator = {
  path: ['job'],
  flags: [
    { name: 'image', takesValue: true },
    { name: 'from', takesValue: true },
  ],
  failurePrefix: 'failed to create job',
  build({ ctx, args, name, namespace }) {
    const image = flag(args, 'image') ?? ''
    const from = flag(args, 'from') ?? ''
    const command = args.afterDash
    if ((!image && !from) || (image && from)) throw new KubectlError('error: either --image or --from must be specified')
    if (from && command.length) throw new KubectlError('error: cannot specify --from and command')
    if (image) {
      return {
        kind: 'Job',
        apiVersion: 'batch/v1',
        metadata: objectMeta({ name, namespace }),
        spec: { template: { metadata: {}, spec: { containers: [container(name, image, command)], restartPolicy: 'Never' } } },
        status: {},
      }
    }
    const slash = from.indexOf('/')
    const resource = resolveResourceName(slash < 0 ? from : from.slice(0, slash))
    if (slash < 0 || !resource) throw new KubectlError(slash < 0 ? 'error: from must be an existing cronjob' : `error: the server doesn't have a resource type "${from.slice(0, slash)}"`)
    const sourceName = from.slice(slash + 1)
    const source = ctx.sim.store.get(resource.kind, resource.namespaced ? ctx.namespace : undefined, sourceName)
    if (!source) throw new KubectlError(`Error from server (NotFound): ${resource.group ? `${resource.plural}.${resource.group}` : resource.plural} "${sourceName}" not found`)
    if (resource.kind !== 'CronJob') throw new KubectlError(`error: unknown object type *${kindModule(resource.kind)?.names.version ?? 'v1'}.${resource.kind}`)
    const cj = source as CronJob
    const template = structuredClone(cj.spec.jobTemplate)
    return {
      kind: 'Job',
      apiVersion: 'batch/v1',
      metadata: objectMeta({
        name,
        namespace,
        labels: template.metadata?.labels,
        annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', ...(template.metadata?.annotations ?? {}) },
        ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata.name, uid: cj.metadata.uid, controller: true }],
      }),
      // A typed PodTemplateSpec always prints its metadata, empty or not.
      spec: { ...template.spec, template: { metadata: {}, ...template.spec.template } },
      status: {},
    }
  },
}

/** `kubectl create cronjob NAME --image=IMAGE --schedule='0/5 * * * ?' [--restart=…] [-- COMMAND…]` (create_cronjob.go). */
export const createCronJob: CreateGenerator = {
  path: ['cronjob'],
  aliases: ['cj'],
  flags: [
    { name: 'image', takesValue: true },
    { name: 'schedule', takesValue: true },
    { name: 'restart', takesValue: true },
  ],
  required: ['image', 'schedule'],
  failurePrefix: 'failed to create cronjob',
  build({ args, name, namespace }) {
    const restart = flag(args, 'restart') ?? 'OnFailure'
    return {
      kind: 'CronJob',
      apiVersion: 'batch/v1',
      metadata: objectMeta({ name, namespace }),
      spec: {
        schedule: flag(args, 'schedule'),
        jobTemplate: {
          metadata: { name },
          spec: { template: { metadata: {}, spec: { containers: [container(name, flag(args, 'image')!, args.afterDash)], restartPolicy: restart } } },
        },
      },
      status: {},
    }
  },
}
