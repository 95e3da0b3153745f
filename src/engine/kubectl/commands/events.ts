import { stringify } from 'yaml'
import { apiVersionOf, resolveResourceName } from '../../api/resources.ts'
import type { KubeEvent } from '../../api/types.ts'
import { parseSimTime } from '../../clock.ts'
import { boolFlag, flag, flagList } from '../args.ts'
import { eventAge } from '../describe/common.ts'
import { KubectlError } from '../resolve.ts'
import { GET_TABWRITER, tabwrite } from '../tabwriter.ts'
import type { CommandContext, KubectlCommand } from './context.ts'
import { sortedKeys } from '../../util/goJson.ts'

const ALLOWED_FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml'

/** `--for pod/web`: the kind, apiVersion and name its field selector asks for (decodeResourceTypeName). */
function forObject(value: string): { kind: string; apiVersion: string; name: string } {
  if (!value.includes('/')) throw new KubectlError('error: --for must be in resource/name form')
  const parts = value.split('/')
  if (parts.length !== 2) throw new KubectlError('error: arguments in resource/name form may not have more than one slash')
  const resource = resolveResourceName(parts[0])
  // The RESTMapper's NoResourceMatchError, which checkErr prints with no `error: ` in front.
  if (!resource) throw new KubectlError(`the server doesn't have a resource type "${parts[0].toLowerCase()}"`)
  return { kind: resource.kind, apiVersion: apiVersionOf(resource), name: parts[1] }
}

/** `--types=Warning,normal`: deduplicated, each Normal or Warning in any case. */
function eventTypes(ctx: CommandContext): string[] {
  const types = [...new Set(flagList(ctx.args, 'types').flatMap((v) => v.split(',')))].sort()
  for (const t of types) {
    if (t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning') throw new KubectlError('error: valid --types are Normal or Warning')
  }
  return types.map((t) => t.toLowerCase())
}

/** The events command's own table (event_printer.go): OBJECT keeps the kind's case, LAST SEEN carries the count. */
function eventTable(events: KubeEvent[], now: number, noHeaders: boolean, allNamespaces: boolean): string {
  const lines: string[] = []
  if (!noHeaders) lines.push(`${allNamespaces ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE`)
  for (const e of events) {
    const cells = [eventAge(e, now), e.type, e.reason, `${e.involvedObject.kind}/${e.involvedObject.name}`, e.message.trim()]
    lines.push([...(allNamespaces ? [e.metadata.namespace ?? ''] : []), ...cells].join('\t'))
  }
  return lines.length === 0 ? '' : tabwrite(lines.join('\n') + '\n', GET_TABWRITER)
}

/** `kubectl events`: events sorted by when they last happened, with --for, --types, -A and -o. */
export const eventsCommand: KubectlCommand = {
  name: 'events',
  flags: [
    { name: 'for', takesValue: true },
    { name: 'types', takesValue: true, repeatable: true },
    { name: 'no-headers', takesValue: false },
    { name: 'output', short: 'o', takesValue: true },
    { name: 'watch', short: 'w', takesValue: false },
    { name: 'chunk-size', takesValue: true },
  ],
  run(ctx) {
    if (ctx.args.positional.length > 0) throw new KubectlError(`error: unknown command "${ctx.args.positional[0]}" for "kubectl events"`)
    const output = flag(ctx.args, 'output') ?? ''
    if (output !== '' && !['yaml', 'json', 'name'].includes(output)) {
      const format = output.split('=')[0]
      if (ALLOWED_FORMATS.split(',').includes(format)) throw new KubectlError(`error: kubesim does not support -o ${format} for events yet`)
      throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED_FORMATS}`)
    }
    const target = flag(ctx.args, 'for') ? forObject(flag(ctx.args, 'for')!) : undefined
    const types = eventTypes(ctx)
    if (boolFlag(ctx.args, 'watch')) throw new KubectlError('error: kubesim scripts cannot watch; use `advance` and list the events again')
    const events = ctx.sim.store
      .list<KubeEvent>('Event', ctx.allNamespaces ? undefined : ctx.namespace)
      .filter((e) => !target || (e.involvedObject.kind === target.kind && e.involvedObject.apiVersion === target.apiVersion && e.involvedObject.name === target.name))
      .filter((e) => types.length === 0 || types.includes(e.type.toLowerCase()))
    if (events.length === 0) return ctx.allNamespaces ? 'No events found.\n' : `No events found in ${ctx.namespace} namespace.\n`
    // SortableEvents: by lastTimestamp (a stable sort keeps the list order for ties).
    const sorted = [...events].sort((a, b) => parseSimTime(a.lastTimestamp) - parseSimTime(b.lastTimestamp))
    if (output === 'name') return sorted.map((e) => `event/${e.metadata.name}\n`).join('')
    if (output === 'yaml' || output === 'json') {
      const list = { apiVersion: 'v1', items: sorted.map((e) => sortedKeys(e)), kind: 'EventList', metadata: {} }
      return output === 'yaml' ? stringify(list, { lineWidth: 0, indentSeq: false, version: '1.1' }) : JSON.stringify(list, null, 4) + '\n'
    }
    return eventTable(sorted, ctx.sim.now, boolFlag(ctx.args, 'no-headers'), ctx.allNamespaces)
  },
}
