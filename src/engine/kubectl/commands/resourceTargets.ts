import { resourceForManifest, type ResourceType } from '../../api/resources.ts'
import { parseManifests } from '../../manifest/parseManifests.ts'
import { yamlErrorText } from '../../manifest/yamlErrorText.ts'
import { flagList } from '../args.ts'
import { KubectlError, resolveResourceArgs } from '../resolve.ts'
import type { CommandContext } from './context.ts'
import { readManifestInputs } from './manifestInput.ts'

/** One object a command acts on, named on the command line or in a `-f` file. */
export interface Target {
  resource: ResourceType
  namespace: string | undefined
  name: string
  /** The object as written in the file, for `-f`. */
  fromFile?: Record<string, unknown>
}

export const NO_RESOURCES =
  "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'"

/**
 * The objects `TYPE NAME…`, `TYPE/NAME…` or `-f FILE` name (kubectl's resource builder
 * with ResourceTypeOrNameArgs and FilenameParam), in order.
 */
export function resourceTargets(ctx: CommandContext, verb: string, positional: string[]): Target[] {
  const files = flagList(ctx.args, 'filename')
  if (files.length > 0) {
    if (positional.length > 0) throw new KubectlError(`error: Can't specify both a filename and resource arguments; use -f or arguments, not both`)
    return fileTargets(ctx, verb)
  }
  if (positional.length === 0) throw new KubectlError(NO_RESOURCES)
  const targets: Target[] = []
  for (const req of resolveResourceArgs(positional)) {
    if (req.names.length === 0) throw new KubectlError('error: resource(s) were provided, but no name was specified')
    for (const name of req.names) targets.push({ resource: req.resource, namespace: req.resource.namespaced ? ctx.namespace : undefined, name })
  }
  return targets
}

function fileTargets(ctx: CommandContext, verb: string): Target[] {
  const targets: Target[] = []
  for (const input of readManifestInputs(ctx, verb)) {
    const { documents, errors } = parseManifests(input.text)
    if (errors.length > 0) throw new KubectlError(yamlErrorText(input.name, errors[0]))
    for (const doc of documents) {
      const m = doc.object
      const meta = (m.metadata ?? {}) as Record<string, unknown>
      const name = typeof meta.name === 'string' ? meta.name : ''
      const kind = typeof m.kind === 'string' ? m.kind : ''
      const apiVersion = typeof m.apiVersion === 'string' ? m.apiVersion : ''
      if (!kind) throw new KubectlError(`error: unable to decode "${input.name}": Object 'Kind' is missing in '${JSON.stringify(m)}'`)
      const resource = resourceForManifest(apiVersion, kind)
      const ns = typeof meta.namespace === 'string' ? meta.namespace : undefined
      if (!resource) {
        throw new KubectlError(`error: resource mapping not found for name: "${name}" namespace: "${ns ?? ''}" from "${input.name}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`)
      }
      const explicit = ctx.args.flags.has('namespace') ? ctx.namespace : undefined
      if (resource.namespaced && explicit && ns && ns !== explicit) {
        throw new KubectlError(`error: the namespace from the provided object "${ns}" does not match the namespace "${explicit}". You must pass '--namespace=${ns}' to perform this operation.`)
      }
      targets.push({ resource, namespace: resource.namespaced ? (ns ?? ctx.namespace) : undefined, name, fromFile: m })
    }
  }
  if (targets.length === 0) throw new KubectlError(`error: no objects passed to ${verb}`)
  return targets
}
