import { apiVersionOf, resolveResourceName } from '../../api/resources.ts'
import { boolFlag, flag } from '../args.ts'
import { output } from '../explain/render.ts'
import { kindSchema } from '../explain/schema.ts'
import { KubectlError } from '../resolve.ts'
import type { KubectlCommand } from './context.ts'

/**
 * `kubectl explain TYPE[.field.path] [--recursive] [--api-version=G/V]` (pkg/cmd/explain,
 * OpenAPI v3 plaintext output), answered from the schema bundled with kubesim.
 */
export const explainCommand: KubectlCommand = {
  name: 'explain',
  flags: [
    { name: 'recursive', takesValue: false },
    { name: 'api-version', takesValue: true },
    { name: 'output', short: 'o', takesValue: true },
  ],
  run(ctx) {
    const args = ctx.args.positional
    if (args.length === 0) throw new KubectlError('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.')
    if (args.length > 1) throw new KubectlError('error: We accept only this format: explain RESOURCE')
    const format = flag(ctx.args, 'output') ?? 'plaintext'
    if (format !== 'plaintext') throw new KubectlError(`error: unsupported output format: ${format}; kubesim explains as plaintext only`)
    const [typed, ...path] = args[0].split('.')
    const resource = resolveResourceName(typed)
    if (!resource) throw new KubectlError(`error: the server doesn't have a resource type "${typed}"`)
    const apiVersion = flag(ctx.args, 'api-version') ?? apiVersionOf(resource)
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion]
    const gvr = `${group}/${version}, Resource=${resource.plural}`
    if (apiVersion !== apiVersionOf(resource) && !(resource.alsoServedAs ?? []).includes(apiVersion)) {
      throw new KubectlError(`error: couldn't find resource for "${gvr}"`)
    }
    const schema = kindSchema(apiVersion, resource.kind)
    if (!schema) return `kubesim: explain has no schema bundled for ${resource.kind} (${apiVersion}) yet\n`
    const body = output(schema, path, boolFlag(ctx.args, 'recursive'))
    if (!body) throw new KubectlError(`error: field "${path[path.length - 1]}" does not exist`)
    const head = `${group ? `GROUP:      ${group}\n` : ''}KIND:       ${resource.kind}\nVERSION:    ${version}\n\n`
    return head + body + '\n'
  },
}
