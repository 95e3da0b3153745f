import { ApiError } from '../../api/errors.ts'
import type { Pod } from '../../api/types.ts'
import { controllerRef } from '../../controllers/ownership.ts'
import { parseSelectorExpression } from '../../util/labels.ts'
import { boolFlag, flag } from '../args.ts'
import { parseGoDuration } from '../goDuration.ts'
import { goDuration } from '../../util/duration.ts'
import { KubectlError } from '../resolve.ts'
import type { CommandContext, KubectlCommand } from './context.ts'
import { setNodeUnschedulable } from './cordon.ts'

/**
 * `kubectl drain NODE` (pkg/cmd/drain, pkg/drain): cordon, sort the node's pods through
 * kubectl's filters, then evict the deletable ones through the Eviction API and wait for
 * each to be gone, printing as each goes.
 */

const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)'
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods'
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)'
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage'
const UNMANAGED_FATAL = 'Pods that declare no controller (use --force to override)'
const UNMANAGED_WARNING = 'deleting Pods that declare no controller'
const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror'
/** waitForDelete polls once a second. */
const POLL_MS = 1_000

interface Options {
  ignoreDaemonSets: boolean
  deleteEmptyDirData: boolean
  force: boolean
}

type Status = { delete: boolean; reason: 'Okay' | 'Skip' | 'Warning' | 'Error'; message?: string }
const OKAY: Status = { delete: true, reason: 'Okay' }

/** pkg/drain/filters.go, in its order; a pod's status is the last filter run (they stop at the first that keeps it). */
function filtersFor(ctx: CommandContext, o: Options): ((pod: Pod) => Status)[] {
  const finished = (pod: Pod) => pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed'
  return [
    (pod) => {
      const ref = controllerRef(pod)
      if (!ref || ref.kind !== 'DaemonSet' || ref.apiVersion !== 'apps/v1' || finished(pod)) return OKAY
      if (!ctx.sim.store.get('DaemonSet', pod.metadata.namespace, ref.name)) {
        const message = `daemonsets.apps "${ref.name}" not found`
        return o.force ? { delete: true, reason: 'Warning', message } : { delete: false, reason: 'Error', message }
      }
      return o.ignoreDaemonSets ? { delete: false, reason: 'Warning', message: DAEMONSET_WARNING } : { delete: false, reason: 'Error', message: DAEMONSET_FATAL }
    },
    (pod) => (pod.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined ? { delete: false, reason: 'Skip' } : OKAY),
    (pod) => {
      const emptyDir = (pod.spec.volumes ?? []).some((v) => (v as { emptyDir?: unknown }).emptyDir !== undefined)
      if (!emptyDir || finished(pod)) return OKAY
      return o.deleteEmptyDirData ? { delete: true, reason: 'Warning', message: LOCAL_STORAGE_WARNING } : { delete: false, reason: 'Error', message: LOCAL_STORAGE_FATAL }
    },
    (pod) => {
      if (finished(pod) || controllerRef(pod)) return OKAY
      return o.force ? { delete: true, reason: 'Warning', message: UNMANAGED_WARNING } : { delete: false, reason: 'Error', message: UNMANAGED_FATAL }
    },
  ]
}

/** Groups `namespace/name` by message, in the order messages first appear. */
function grouped(items: { pod: Pod; status: Status }[], reason: Status['reason']): [string, string[]][] {
  const groups = new Map<string, string[]>()
  for (const { pod, status } of items) {
    if (status.reason !== reason) continue
    const key = status.message || 'unexpected error'
    groups.set(key, [...(groups.get(key) ?? []), `${pod.metadata.namespace}/${pod.metadata.name}`])
  }
  return [...groups]
}

/** An aggregate error as Go's utilerrors prints it: one message alone, several in brackets. */
const aggregate = (errors: string[]) => (errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`)

function podsForDeletion(ctx: CommandContext, node: string, o: Options, podSelector: string | undefined) {
  const match = podSelector ? parseSelectorExpression(podSelector) : () => true
  if (typeof match === 'string') throw new KubectlError('error: --pod-selector=<pod_selector> must be a valid label selector')
  const pods = ctx.sim.store
    .podsOn<Pod>(node)
    .filter((p) => match(p.metadata.labels))
    .sort((a, b) => ((a.metadata.namespace ?? '') + '/' + a.metadata.name < (b.metadata.namespace ?? '') + '/' + b.metadata.name ? -1 : 1))
  const filters = filtersFor(ctx, o)
  const items = pods.map((pod) => {
    let status = OKAY
    for (const filter of filters) {
      status = filter(pod)
      if (!status.delete) break
    }
    return { pod, status }
  })
  return {
    deletable: items.filter((i) => i.status.delete).map((i) => i.pod),
    warnings: grouped(items, 'Warning').map(([m, pods]) => `${m}: ${pods.join(', ')}`),
    errors: grouped(items, 'Error').map(([m, pods]) => `cannot delete ${m}: ${pods.join(', ')}`),
  }
}

/** A refused eviction (429) is tried again after this long (pkg/drain: time.Sleep(5 * time.Second)). */
const RETRY_MS = 5_000
/**
 * kubectl drain without --timeout retries a refused eviction forever. A script cannot
 * block forever, so there it gives up after this much simulated time and says so.
 */
const SCRIPT_RETRY_LIMIT_MS = 10 * 60_000

interface Eviction {
  pod: Pod
  state: 'evicting' | 'waiting' | 'done'
  nextAttemptAt: number
}

/**
 * Evicts (or deletes) the pods and waits until each is gone, as pkg/drain's evictPods
 * does with one goroutine per pod: each prints `evicting pod`, and while the server
 * refuses with 429 (a PodDisruptionBudget) says so and tries again every 5 s, until
 * --timeout. In the app, where time does not run during a command, one attempt is made.
 */
function evictAndWait(ctx: CommandContext, pods: Pod[], opts: { eviction: boolean; grace?: number; timeoutMs: number }): { lines: string[]; error?: string; pending: Pod[]; refused: number; gaveUp: boolean } {
  const lines: string[] = []
  const started = ctx.sim.now
  const errors: string[] = []
  const verb = opts.eviction ? 'evicted' : 'deleted'
  const gone = (p: Pod) => ctx.sim.store.get<Pod>('Pod', p.metadata.namespace, p.metadata.name)?.metadata.uid !== p.metadata.uid
  const evictions: Eviction[] = pods.map((pod) => ({ pod, state: 'evicting', nextAttemptAt: started }))
  const timedOut = () => opts.timeoutMs > 0 && ctx.sim.now - started >= opts.timeoutMs
  let gaveUp = false
  for (;;) {
    for (const e of evictions) {
      if (e.state !== 'evicting' || e.nextAttemptAt > ctx.sim.now) continue
      const { namespace = 'default', name } = e.pod.metadata
      if (opts.eviction) lines.push(`evicting pod ${namespace}/${name}`)
      if (timedOut()) {
        errors.push(`error when evicting pods/"${name}" -n "${namespace}": global timeout reached: ${goDuration(opts.timeoutMs)}`)
        e.state = 'done'
        continue
      }
      try {
        if (opts.eviction) ctx.sim.ctx.api.evict(namespace, name, { gracePeriodSeconds: opts.grace })
        else ctx.sim.ctx.api.delete('Pod', namespace, name, { gracePeriodSeconds: opts.grace })
        e.state = 'waiting'
      } catch (err) {
        if (!(err instanceof ApiError)) throw err
        if (err.reason === 'NotFound') e.state = 'done'
        else if (opts.eviction && err.reason === 'TooManyRequests') {
          lines.push(`error when evicting pods/"${name}" -n "${namespace}" (will retry after 5s): ${err.message}`)
          e.nextAttemptAt = ctx.sim.now + RETRY_MS
        } else {
          errors.push(opts.eviction ? `error when evicting pods/"${name}" -n "${namespace}": ${err.message}` : err.message)
          e.state = 'done'
        }
      }
    }
    ctx.sim.settle()
    for (const e of evictions) {
      if (e.state === 'waiting' && gone(e.pod)) {
        lines.push(`pod/${e.pod.metadata.name} ${verb}`)
        e.state = 'done'
      }
    }
    const open = evictions.filter((e) => e.state !== 'done')
    if (open.length === 0 || !ctx.io.waitAdvancesTime) break
    if (timedOut() && open.every((e) => e.state === 'waiting')) {
      for (const e of open) errors.push(`error when waiting for pod "${e.pod.metadata.name}" in namespace "${e.pod.metadata.namespace}" to terminate: context deadline exceeded`)
      break
    }
    if (opts.timeoutMs === 0 && ctx.sim.now - started >= SCRIPT_RETRY_LIMIT_MS && open.some((e) => e.state === 'evicting')) {
      gaveUp = true
      break
    }
    ctx.sim.advance(POLL_MS)
  }
  const left = evictions.filter((e) => e.state !== 'done')
  return {
    lines,
    error: errors.length > 0 ? aggregate(errors) : undefined,
    pending: left.filter((e) => e.state === 'waiting').map((e) => e.pod),
    refused: left.filter((e) => e.state === 'evicting').length,
    gaveUp,
  }
}

export const drainCommand: KubectlCommand = {
  name: 'drain',
  flags: [
    { name: 'ignore-daemonsets', takesValue: false },
    { name: 'delete-emptydir-data', takesValue: false },
    { name: 'delete-local-data', takesValue: false },
    { name: 'force', takesValue: false },
    { name: 'grace-period', takesValue: true },
    { name: 'timeout', takesValue: true },
    { name: 'pod-selector', takesValue: true },
    { name: 'selector', short: 'l', takesValue: true },
    { name: 'disable-eviction', takesValue: false },
    { name: 'skip-wait-for-delete-timeout', takesValue: true },
  ],
  run(ctx) {
    const names = ctx.args.positional
    const nodeSelector = flag(ctx.args, 'selector')
    if (names.length === 0 && nodeSelector === undefined) throw new KubectlError("error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples")
    if (names.length > 0 && nodeSelector) throw new KubectlError("error: cannot specify both a node name and a --selector option\nSee 'kubectl drain -h' for help and examples")
    const timeoutText = flag(ctx.args, 'timeout') ?? '0s'
    const timeoutMs = parseGoDuration(timeoutText)
    if (typeof timeoutMs !== 'number') throw new KubectlError(`error: invalid argument "${timeoutText}" for "--timeout" flag: ${timeoutMs.error}\nSee 'kubectl drain --help' for usage.`)
    const graceText = flag(ctx.args, 'grace-period') ?? '-1'
    if (!/^-?\d+$/.test(graceText)) throw new KubectlError(`error: invalid argument "${graceText}" for "--grace-period" flag: strconv.ParseInt: parsing "${graceText}": invalid syntax\nSee 'kubectl drain --help' for usage.`)
    const grace = Number(graceText) >= 0 ? Number(graceText) : undefined
    const podSelector = flag(ctx.args, 'pod-selector')
    if (podSelector && typeof parseSelectorExpression(podSelector) === 'string') throw new KubectlError('error: --pod-selector=<pod_selector> must be a valid label selector')
    const options: Options = {
      ignoreDaemonSets: boolFlag(ctx.args, 'ignore-daemonsets'),
      deleteEmptyDirData: boolFlag(ctx.args, 'delete-emptydir-data') || boolFlag(ctx.args, 'delete-local-data'),
      force: boolFlag(ctx.args, 'force'),
    }

    let nodes = names
    if (nodeSelector) {
      const match = parseSelectorExpression(nodeSelector)
      if (typeof match === 'string') throw new KubectlError(`error: ${match}`)
      nodes = ctx.sim.store.list('Node').filter((n) => match(n.metadata.labels)).map((n) => n.metadata.name)
    }
    // The builder fetches every node before anything is cordoned.
    for (const name of nodes) if (!ctx.sim.store.get('Node', undefined, name)) throw new KubectlError(`Error from server (NotFound): nodes "${name}" not found`)

    const out: string[] = nodes.map((name) => setNodeUnschedulable(ctx, name, true))
    ctx.sim.settle()
    const fatal: string[][] = []
    const remaining: string[] = []
    for (const node of nodes) {
      const { deletable, warnings, errors } = podsForDeletion(ctx, node, options, podSelector)
      let failure: string[] | undefined = errors.length > 0 ? errors : undefined
      if (!failure) {
        if (warnings.length > 0) out.push(`Warning: ${warnings.join('; ')}`)
        const result = evictAndWait(ctx, deletable, { eviction: !boolFlag(ctx.args, 'disable-eviction'), grace, timeoutMs })
        out.push(...result.lines)
        if (result.error) {
          // kubectl lists what GetPodsForDeletion still finds on the node.
          const left = podsForDeletion(ctx, node, options, podSelector).deletable
          out.push(`There are pending pods in node "${node}" when an error occurred: ${result.error}`, ...left.map((p) => `pod/${p.metadata.name}`))
          failure = [result.error]
        } else if (result.gaveUp) {
          out.push(`kubesim: stopped retrying after ${goDuration(SCRIPT_RETRY_LIMIT_MS)}; kubectl drain without --timeout retries for ever`)
          continue
        } else if (result.refused > 0) {
          out.push(`kubesim: ${result.refused} eviction(s) refused for now; kubectl drain would retry every 5s, so run it again once the budget allows`)
          continue
        } else if (result.pending.length > 0) {
          out.push(`kubesim: ${result.pending.length} pod(s) still terminating; time runs on in the app, so the node is drained once they are gone`)
          continue
        }
      }
      if (failure) {
        out.push(`error: unable to drain node "${node}" due to error: ${aggregate(failure)}, continuing command...`)
        fatal.push(failure)
        remaining.push(node)
        continue
      }
      out.push(`node/${node} drained`)
    }
    if (remaining.length > 0) out.push('There are pending nodes to be drained:', ...remaining.map((n) => ` ${n}`))
    // CheckErr: one error prints as `error: …`; an aggregate of several, one bare line each.
    if (fatal.length === 1 && fatal[0].length === 1) out.push(`error: ${fatal[0][0]}`)
    else if (fatal.length === 1) out.push(...fatal[0])
    else if (fatal.length > 1) out.push(...fatal.map(aggregate))
    return out.map((l) => l + '\n').join('')
  },
}
