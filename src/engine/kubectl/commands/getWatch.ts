import type { ResourceType } from '../../api/resources.ts'
import type { Watcher } from '../../api/store.ts'
import type { KubeObject } from '../../api/types.ts'
import { kindModule } from '../../kinds/registry.ts'
import { parseSelectorExpression } from '../../util/labels.ts'
import { boolFlag, flag } from '../args.ts'
import { parseFieldSelector } from '../fieldSelector.ts'
import { KubectlError, type ResourceRequest } from '../resolve.ts'
import { GET_TABWRITER } from '../tabwriter.ts'
import type { CommandContext } from './context.ts'
import { notFound, tableCells } from './get.ts'

/** A running `kubectl get -w` (or `logs -f`): the rows for what changed since the last drain, until stopped. */
export interface WatchStream {
  drain(): string
  stop(): void
  /** True once nothing more can come (a followed container stopped); kubectl then returns. */
  ended?(): boolean
}

/**
 * kubectl's watch tabwriter (liggitt/tabwriter with RememberWidths): each row is flushed on
 * its own, and a column is as wide as the widest cell seen so far in it, so rows line up
 * until a longer value (ContainerCreating) pushes the columns after it to the right.
 */
class RememberingTabwriter {
  private widths: number[] = []

  write(lines: string[][]): string {
    for (const cells of lines) {
      cells.slice(0, -1).forEach((cell, i) => {
        this.widths[i] = Math.max(this.widths[i] ?? 0, GET_TABWRITER.minwidth, [...cell].length + GET_TABWRITER.padding)
      })
    }
    return lines.map((cells) => cells.map((cell, i) => (i < cells.length - 1 ? cell.padEnd(this.widths[i]) : cell)).join('') + '\n').join('')
  }
}

/**
 * `kubectl get TYPE [NAME] -w` (get.go watch): prints what is there now, then a row for each
 * change. Only the app's terminal can stream (KubectlIO.watch); a script has no wall time to
 * wait on, so there it is refused.
 */
export function startWatch(ctx: CommandContext, requests: ResourceRequest[], wide: boolean | undefined): string {
  const watchTo = ctx.io.watch
  if (!watchTo) throw new KubectlError('error: kubesim scripts cannot watch; use `advance` and get again')
  if (requests.length > 1) throw new KubectlError('error: you may only specify a single resource type')
  if (wide === undefined) throw new KubectlError("error: kubesim's terminal can watch tables only (leave out -o, or use -o wide)")
  const { resource, names } = requests[0]
  const namespace = resource.namespaced && !ctx.allNamespaces ? ctx.namespace : undefined
  const matches = objectFilter(ctx, resource, namespace, names)

  const initial: KubeObject[] = []
  for (const name of names) {
    const obj = ctx.sim.store.get(resource.kind, namespace, name)
    if (!obj) throw new KubectlError(notFound(resource, name))
    initial.push(obj)
  }
  if (names.length === 0) initial.push(...ctx.sim.store.list(resource.kind, namespace).filter(matches))

  const writer = new RememberingTabwriter()
  let printedHeaders = false
  const print = (objects: KubeObject[], now: number): string => {
    if (objects.length === 0) return ''
    const { headers, rows } = tableCells(ctx, resource, objects, now, wide, false)
    const lines = printedHeaders || boolFlag(ctx.args, 'no-headers') ? rows : [headers, ...rows]
    printedHeaders = true
    return writer.write(lines)
  }
  const out = print(initial, ctx.sim.now)
  // Two named objects are two sources; kubectl lists them, then cannot watch both.
  if (names.length > 1) throw new KubectlError(`${out}error: you may only watch a single resource or type of resource at a time`)

  const pending: { obj: KubeObject; at: number }[] = []
  const store = ctx.sim.store
  const watcher: Watcher = (_type, obj, old) => {
    if (matches(obj) || (old !== undefined && matches(old))) pending.push({ obj, at: ctx.sim.now })
  }
  store.watch(watcher, [resource.kind])
  watchTo({
    drain() {
      // Each event is a row as the server printed it when the change happened.
      const text = pending.map((e) => print([e.obj], e.at)).join('')
      pending.length = 0
      return text
    },
    stop() {
      store.unwatch(watcher)
      pending.length = 0
    },
  })
  return out
}

/** The objects the watch is about: namespace, names, -l and --field-selector. */
function objectFilter(ctx: CommandContext, resource: ResourceType, namespace: string | undefined, names: string[]): (o: KubeObject) => boolean {
  const tests: ((o: KubeObject) => boolean)[] = []
  if (namespace !== undefined) tests.push((o) => o.metadata.namespace === namespace)
  if (names.length > 0) tests.push((o) => names.includes(o.metadata.name))
  const selector = flag(ctx.args, 'selector')
  if (selector) {
    const match = parseSelectorExpression(selector)
    if (typeof match === 'string') throw new KubectlError(`error: ${match}`)
    tests.push((o) => match(o.metadata.labels))
  }
  const fieldSelector = flag(ctx.args, 'field-selector')
  if (fieldSelector) tests.push(parseFieldSelector(fieldSelector, resource, kindModule(resource.kind)?.fieldLabels))
  return (o) => tests.every((t) => t(o))
}
