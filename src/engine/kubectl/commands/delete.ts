import { ApiError } from '../../api/errors.ts'
import type { PropagationPolicy } from '../../api/server.ts'
import { qualifiedSingular, resourceForManifest, type ResourceType } from '../../api/resources.ts'
import type { KubeObject } from '../../api/types.ts'
import { parseManifests } from '../../manifest/parseManifests.ts'
import { yamlErrorText } from '../../manifest/yamlErrorText.ts'
import { boolFlag, flag, flagList } from '../args.ts'
import { KubectlError, resolveResourceArgs } from '../resolve.ts'
import type { CommandContext, KubectlCommand } from './context.ts'
import { listObjects, notFound } from './get.ts'
import { readManifestInputs } from './manifestInput.ts'

/** How long `kubectl delete` waits for objects to disappear before giving up. */
const WAIT_LIMIT_MS = 10 * 60_000
const WAIT_STEP_MS = 100

function targetsFromFiles(ctx: CommandContext): { resource: ResourceType; name: string; namespace?: string }[] {
  const out: { resource: ResourceType; name: string; namespace?: string }[] = []
  for (const input of readManifestInputs(ctx, 'delete')) {
    const { documents, errors } = parseManifests(input.text)
    if (errors.length > 0) throw new KubectlError(yamlErrorText(input.name, errors[0]))
    for (const doc of documents) {
      const o = doc.object as { apiVersion?: string; kind?: string; metadata?: { name?: string; namespace?: string } }
      const resource = resourceForManifest(o.apiVersion ?? '', o.kind ?? '')
      if (!resource) throw new KubectlError(`error: resource mapping not found for name: "${o.metadata?.name ?? ''}" namespace: "" from "${input.name}": no matches for kind "${o.kind}" in version "${o.apiVersion}"\nensure CRDs are installed first`)
      out.push({ resource, name: o.metadata?.name ?? '', namespace: resource.namespaced ? (o.metadata?.namespace ?? ctx.namespace) : undefined })
    }
  }
  return out
}

export const deleteCommand: KubectlCommand = {
  name: 'delete',
  flags: [
    { name: 'filename', short: 'f', takesValue: true, repeatable: true },
    { name: 'all', takesValue: false },
    { name: 'selector', short: 'l', takesValue: true },
    { name: 'field-selector', takesValue: true },
    { name: 'grace-period', takesValue: true },
    { name: 'force', takesValue: false },
    { name: 'now', takesValue: false },
    { name: 'wait', takesValue: false },
    { name: 'cascade', takesValue: true },
    { name: 'ignore-not-found', takesValue: false },
  ],
  run(ctx) {
    const graceText = flag(ctx.args, 'grace-period')
    if (boolFlag(ctx.args, 'now') && graceText !== undefined && Number(graceText) !== -1) throw new KubectlError('error: --now and --grace-period cannot be specified together')
    if (boolFlag(ctx.args, 'all') && flag(ctx.args, 'selector')) throw new KubectlError("error: setting 'all' parameter but found a non empty selector. ")
    if (ctx.allNamespaces && ctx.args.positional.length > 0 && (ctx.args.positional.length > 1 || ctx.args.positional[0].includes('/'))) {
      throw new KubectlError('error: a resource cannot be retrieved by name across all namespaces')
    }
    const lines: string[] = []
    const errors: string[] = []
    const targets: { resource: ResourceType; obj: KubeObject }[] = []
    if (flagList(ctx.args, 'filename').length > 0) {
      for (const t of targetsFromFiles(ctx)) {
        const obj = ctx.sim.store.get(t.resource.kind, t.namespace, t.name)
        if (obj) targets.push({ resource: t.resource, obj })
        else errors.push(notFound(t.resource, t.name))
      }
    } else {
      const requests = resolveResourceArgs(ctx.args.positional)
      if (requests.length === 0) throw new KubectlError('error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'')
      for (const req of requests) {
        if (req.names.length > 0) {
          for (const name of req.names) {
            const obj = ctx.sim.store.get(req.resource.kind, req.resource.namespaced ? ctx.namespace : undefined, name)
            if (obj) targets.push({ resource: req.resource, obj })
            else if (!boolFlag(ctx.args, 'ignore-not-found')) errors.push(notFound(req.resource, name))
          }
        } else if (boolFlag(ctx.args, 'all') || flag(ctx.args, 'selector') || flag(ctx.args, 'field-selector')) {
          for (const obj of listObjects(ctx, req.resource)) targets.push({ resource: req.resource, obj })
        } else {
          throw new KubectlError('error: resource(s) were provided, but no name was specified')
        }
      }
      if (targets.length === 0 && errors.length === 0) lines.push(`No resources found`)
    }

    const force = boolFlag(ctx.args, 'force')
    const graceFlag = flag(ctx.args, 'grace-period')
    let grace = graceFlag === undefined ? undefined : Number(graceFlag)
    if (boolFlag(ctx.args, 'now')) grace = 1
    // --grace-period=0 without --force means 1, so that nothing is lost by accident.
    if (grace === 0 && !force) grace = 1
    if (force && (grace === undefined || grace < 0)) grace = 0
    if (force && grace !== undefined && grace > 0) throw new KubectlError('error: --force and --grace-period greater than 0 cannot be specified together')
    const cascade = flag(ctx.args, 'cascade') ?? 'background'
    const policies: Record<string, PropagationPolicy> = { background: 'Background', foreground: 'Foreground', orphan: 'Orphan', true: 'Background', false: 'Orphan' }
    const propagationPolicy = policies[cascade]
    if (!propagationPolicy) throw new KubectlError(`error: invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan".`)
    if (force && grace === 0) {
      lines.push('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.')
    }
    const deleted: KubeObject[] = []
    for (const { resource, obj } of targets) {
      try {
        ctx.sim.ctx.api.delete(obj.kind, obj.metadata.namespace, obj.metadata.name, { gracePeriodSeconds: grace, propagationPolicy })
      } catch (e) {
        if (!(e instanceof ApiError)) throw e
        errors.push(e.printed())
        continue
      }
      deleted.push(obj)
      const where = resource.namespaced ? ` from ${obj.metadata.namespace} namespace` : ''
      lines.push(`${qualifiedSingular(resource)} "${obj.metadata.name}" ${force && grace === 0 ? 'force deleted' : 'deleted'}${where}`)
    }
    ctx.sim.settle()
    const wait = flag(ctx.args, 'wait') !== 'false'
    if (wait && ctx.io.waitAdvancesTime) waitUntilGone(ctx, deleted)
    return [...lines, ...errors].map((l) => l + '\n').join('')
  },
}

/** kubectl delete waits (--wait=true) until the objects are really gone: time passes meanwhile. */
function waitUntilGone(ctx: CommandContext, objects: KubeObject[]): void {
  const store = ctx.sim.store
  const gone = () => objects.every((o) => store.get(o.kind, o.metadata.namespace, o.metadata.name)?.metadata.uid !== o.metadata.uid)
  const deadline = ctx.sim.now + WAIT_LIMIT_MS
  while (!gone() && ctx.sim.now < deadline) ctx.sim.advance(WAIT_STEP_MS)
}
