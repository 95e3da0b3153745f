import { apiVersionOf, type ResourceType } from '../../api/resources.ts'
import { allKinds } from '../../kinds/registry.ts'
import { boolFlag, flag } from '../args.ts'
import { KubectlError } from '../resolve.ts'
import { GET_TABWRITER, tabwrite } from '../tabwriter.ts'
import type { KubectlCommand } from './context.ts'

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * `kubectl api-resources` (pkg/cmd/apiresources): the resources the API server serves,
 * read from the kind registry, sorted by group (or --sort-by name|kind), ties by name.
 */
export const apiResourcesCommand: KubectlCommand = {
  name: 'api-resources',
  flags: [
    { name: 'output', short: 'o', takesValue: true },
    { name: 'namespaced', takesValue: false },
    { name: 'api-group', takesValue: true },
    { name: 'sort-by', takesValue: true },
    { name: 'no-headers', takesValue: false },
    { name: 'verbs', takesValue: true },
    { name: 'cached', takesValue: false },
  ],
  run(ctx) {
    if (ctx.args.positional.length > 0) {
      throw new KubectlError(`error: unexpected arguments: [${ctx.args.positional.join(' ')}]\nSee 'kubectl api-resources -h' for help and examples`)
    }
    const output = flag(ctx.args, 'output') ?? ''
    if (['wide', 'json', 'yaml'].includes(output)) throw new KubectlError(`error: kubesim does not support "kubectl api-resources -o ${output}" yet`)
    if (!['', 'name'].includes(output)) {
      throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,wide,yaml`)
    }
    const sortBy = flag(ctx.args, 'sort-by') ?? ''
    if (!['', 'name', 'kind'].includes(sortBy)) throw new KubectlError('error: --sort-by accepts only name or kind')

    let resources: ResourceType[] = allKinds().map((k) => k.names)
    const group = flag(ctx.args, 'api-group')
    if (group !== undefined) resources = resources.filter((r) => r.group === group)
    if (flag(ctx.args, 'namespaced') !== undefined) {
      const namespaced = boolFlag(ctx.args, 'namespaced')
      resources = resources.filter((r) => r.namespaced === namespaced)
    }
    const key = (r: ResourceType) => (sortBy === 'name' ? r.plural : sortBy === 'kind' ? r.kind : r.group)
    // sort.Stable by the key, ties by name.
    resources = [...resources].sort((a, b) => compare(key(a), key(b)) || compare(a.plural, b.plural))

    if (output === 'name') return resources.map((r) => (r.group ? `${r.plural}.${r.group}\n` : `${r.plural}\n`)).join('')
    const rows = resources.map((r) => [r.plural, r.shortNames.join(','), apiVersionOf(r), String(r.namespaced), r.kind])
    const header = boolFlag(ctx.args, 'no-headers') ? [] : [['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']]
    const lines = [...header, ...rows]
    if (lines.length === 0) return ''
    return tabwrite(lines.map((cells) => cells.join('\t')).join('\n') + '\n', GET_TABWRITER)
  },
}
