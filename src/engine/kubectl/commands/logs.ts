import type { Container, Pod } from '../../api/types.ts'
import { EPOCH_MS } from '../../clock.ts'
import { parseSelectorExpression } from '../../util/labels.ts'
import { boolFlag, flag } from '../args.ts'
import { chooseContainer } from '../containerChoice.ts'
import { parseGoDuration } from '../goDuration.ts'
import { podForObject } from '../podForObject.ts'
import { KubectlError } from '../resolve.ts'
import type { CommandContext, KubectlCommand } from './context.ts'
import type { WatchStream } from './getWatch.ts'

/**
 * `kubectl logs (POD | TYPE/NAME | -l SEL) [CONTAINER]` (pkg/cmd/logs): what the kubelet
 * kept of each container's output, with --tail, --since, --since-time, --timestamps,
 * --prefix, --all-containers and --previous applied as the kubelet and kubectl apply them.
 */

const USAGE = "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples"
/** With a selector and no --tail, kubectl asks for the last 10 lines of each container. */
const SELECTOR_TAIL = 10

interface LogRequest {
  pod: Pod
  container: Container
}

interface LogOptions {
  previous: boolean
  timestamps: boolean
  prefix: boolean
  tail?: number
  /** Lines from this simulated time on (ms), from --since or --since-time. */
  sinceMs?: number
}

/** RFC3339 with nine fixed fraction digits, as the kubelet stamps log lines; lines of one burst 1µs apart. */
export function logTimestamp(ms: number, index: number): string {
  const iso = new Date(EPOCH_MS + ms).toISOString()
  const nanos = String((Math.round(ms) % 1000) * 1_000_000 + index * 1000).padStart(9, '0')
  return `${iso.slice(0, 19)}.${nanos}Z`
}

function invalidFlag(name: string, text: string, reason: string): KubectlError {
  return new KubectlError(`error: invalid argument "${text}" for "--${name}" flag: ${reason}\nSee 'kubectl logs --help' for usage.`)
}

/** The kubelet's answer for one container: its lines, or the API server's refusal. */
function containerLogs(ctx: CommandContext, { pod, container }: LogRequest, o: LogOptions): string {
  const name = pod.metadata.name
  const statuses = [...(pod.status.containerStatuses ?? []), ...(pod.status.initContainerStatuses ?? [])]
  const status = statuses.find((c) => c.name === container.name)
  if (o.previous && !status?.lastState?.terminated) {
    throw new KubectlError(`Error from server (BadRequest): previous terminated container "${container.name}" in pod "${name}" not found`)
  }
  if (!status || (!status.state.running && !status.state.terminated && !status.lastState?.terminated)) {
    const reason = status?.state.waiting?.reason ?? 'ContainerCreating'
    const why = reason === 'ContainerCreating' || reason === 'PodInitializing' ? reason : 'trying and failing to pull image'
    throw new KubectlError(`Error from server (BadRequest): container "${container.name}" in pod "${name}" is waiting to start: ${why}`)
  }
  const kubelet = pod.spec.nodeName ? ctx.sim.kubelets.get(pod.spec.nodeName) : undefined
  const logs = kubelet?.logs(pod.metadata.uid, container.name, o.previous)
  let lines = logLines(logs)
  if (o.sinceMs !== undefined) lines = lines.filter((l) => l.at >= o.sinceMs!)
  if (o.tail !== undefined && o.tail >= 0) lines = o.tail === 0 ? [] : lines.slice(-o.tail)
  return printLines(lines, pod, container, o)
}

export interface LogLine {
  text: string
  at: number
  stamp: string
}

/** Each line with the time it was written (a run's first lines share its start; a loop's come later). */
export function logLines(logs: { lines: string[]; atMs: number; lineAtMs?: number[] } | undefined): LogLine[] {
  if (!logs) return []
  let burst = 0
  return logs.lines.map((text, i) => {
    const at = logs.lineAtMs?.[i] ?? logs.atMs
    burst = i > 0 && at === (logs.lineAtMs?.[i - 1] ?? logs.atMs) ? burst + 1 : 0
    return { text, at, stamp: logTimestamp(at, burst) }
  })
}

function printLines(lines: LogLine[], pod: Pod, container: Container, o: LogOptions): string {
  const prefix = o.prefix ? `[pod/${pod.metadata.name}/${container.name}] ` : ''
  return lines.map((l) => `${prefix}${o.timestamps ? l.stamp + ' ' : ''}${l.text}\n`).join('')
}

/**
 * `logs -f` in the app's terminal: after what is there, each new line as the container
 * writes it, until the user stops it or every followed container has stopped (kubectl
 * then returns). Lines are new if written after the last one printed, in the same run.
 */
function follow(ctx: CommandContext, requests: LogRequest[], o: LogOptions): WatchStream {
  const kubeletOf = (pod: Pod) => (pod.spec.nodeName ? ctx.sim.kubelets.get(pod.spec.nodeName) : undefined)
  const followed = requests.map((r) => {
    const logs = kubeletOf(r.pod)?.logs(r.pod.metadata.uid, r.container.name, false)
    const lines = logLines(logs)
    return { ...r, runStartedAt: logs?.atMs, lastAt: lines.at(-1)?.at ?? -1, seen: lines.filter((l) => l.at === lines.at(-1)?.at).length, over: false }
  })
  const current = (f: (typeof followed)[number]) => {
    const live = ctx.sim.store.get<Pod>('Pod', f.pod.metadata.namespace, f.pod.metadata.name)
    if (!live || live.metadata.uid !== f.pod.metadata.uid) return undefined
    const status = live.status.containerStatuses?.find((c) => c.name === f.container.name) ?? live.status.initContainerStatuses?.find((c) => c.name === f.container.name)
    return { live, running: status?.state.running !== undefined }
  }
  return {
    drain() {
      let out = ''
      for (const f of followed) {
        if (f.over) continue
        const logs = kubeletOf(f.pod)?.logs(f.pod.metadata.uid, f.container.name, false)
        const state = current(f)
        // A new run (a restart) is a new log stream; kubectl's follow ends with the old one.
        if (!logs || !state || logs.atMs !== f.runStartedAt) {
          f.over = true
          continue
        }
        const lines = logLines(logs)
        const fresh = lines.filter((l) => l.at > f.lastAt)
        const sameInstant = lines.filter((l) => l.at === f.lastAt).slice(f.seen)
        const next = [...sameInstant, ...fresh]
        if (next.length > 0) {
          out += printLines(next, f.pod, f.container, o)
          f.lastAt = next.at(-1)!.at
          f.seen = lines.filter((l) => l.at === f.lastAt).length
        }
        if (!state.running) f.over = true
      }
      return out
    },
    stop() {
      for (const f of followed) f.over = true
    },
    ended: () => followed.every((f) => f.over),
  }
}

export const logsCommand: KubectlCommand = {
  name: 'logs',
  flags: [
    { name: 'container', short: 'c', takesValue: true },
    { name: 'previous', short: 'p', takesValue: false },
    { name: 'follow', short: 'f', takesValue: false },
    { name: 'selector', short: 'l', takesValue: true },
    { name: 'tail', takesValue: true },
    { name: 'since', takesValue: true },
    { name: 'since-time', takesValue: true },
    { name: 'timestamps', takesValue: false },
    { name: 'all-containers', takesValue: false },
    { name: 'all-pods', takesValue: false },
    { name: 'prefix', takesValue: false },
    { name: 'limit-bytes', takesValue: true },
    { name: 'max-log-requests', takesValue: true },
    { name: 'ignore-errors', takesValue: false },
    { name: 'pod-running-timeout', takesValue: true },
  ],
  run(ctx) {
    const args = ctx.args.positional
    const selector = flag(ctx.args, 'selector')
    if (args.length === 0 && !selector) throw new KubectlError(USAGE)
    if (args.length === 1 && selector) throw new KubectlError("error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples")
    if (args.length > 2) throw new KubectlError(USAGE)

    // Flag values are parsed (pflag) before anything else.
    const tailText = flag(ctx.args, 'tail')
    if (tailText !== undefined && !/^-?\d+$/.test(tailText)) throw invalidFlag('tail', tailText, `strconv.ParseInt: parsing "${tailText}": invalid syntax`)
    const sinceText = flag(ctx.args, 'since')
    const since = sinceText === undefined ? undefined : parseGoDuration(sinceText)
    if (since !== undefined && typeof since !== 'number') throw invalidFlag('since', sinceText!, since.error)
    const sinceTime = flag(ctx.args, 'since-time')
    let sinceTimeMs: number | undefined
    if (sinceTime !== undefined) {
      sinceTimeMs = Date.parse(sinceTime)
      if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(sinceTime) || Number.isNaN(sinceTimeMs)) {
        throw new KubectlError(`error: parsing time "${sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse "${sinceTime}" as "2006"`)
      }
      sinceTimeMs -= EPOCH_MS
    }
    const inlineContainer = args[1]
    const containerFlag = flag(ctx.args, 'container')
    const container = inlineContainer ?? containerFlag
    const tail = tailText !== undefined ? Number(tailText) : selector ? SELECTOR_TAIL : undefined

    // Complete: find the object before validating the options.
    let requests: LogRequest[]
    let notices: string[] = []
    const allContainers = boolFlag(ctx.args, 'all-containers')
    if (selector) {
      const match = parseSelectorExpression(selector)
      if (typeof match === 'string') throw new KubectlError(`error: ${match}`)
      const pods = ctx.sim.store.list<Pod>('Pod', ctx.allNamespaces ? undefined : ctx.namespace).filter((p) => match(p.metadata.labels))
      if (pods.length === 0) notices.push(`No resources found in ${ctx.namespace} namespace.`)
      requests = []
      for (const pod of pods) {
        const picked = pickContainers(pod, container, allContainers)
        requests.push(...picked.requests)
        notices.push(...picked.notices)
      }
    } else {
      let found: { pod: Pod; matched: number }
      try {
        found = podForObject(ctx, args[0], 'logging', 'get the logs from')
      } catch (e) {
        // Complete words a missing object its own way.
        if (e instanceof KubectlError && e.message.startsWith('Error from server (NotFound): ')) {
          throw new KubectlError(`error: error from server (NotFound): ${e.message.slice('Error from server (NotFound): '.length)} in namespace "${ctx.namespace}"`)
        }
        throw e
      }
      if (found.matched > 1) notices.push(`Found ${found.matched} pods, using pod/${found.pod.metadata.name}`)
      if (sinceTime !== undefined && since !== undefined) throw new KubectlError('error: at most one of `sinceTime` or `sinceSeconds` may be specified')
      if (allContainers && container) throw new KubectlError(`error: --all-containers=true should not be specified with container name ${container}`)
      if (containerFlag !== undefined && inlineContainer !== undefined) throw new KubectlError('error: only one of -c or an inline [CONTAINER] arg is allowed')
      const picked = pickContainers(found.pod, container, allContainers)
      requests = picked.requests
      notices = [...notices, ...picked.notices]
    }
    if (since !== undefined && since < 0) throw new KubectlError('error: --since must be greater than 0')
    if (tail !== undefined && tail < -1) throw new KubectlError('error: --tail must be greater than or equal to -1')
    const following = boolFlag(ctx.args, 'follow')
    if (following && ctx.io.waitAdvancesTime) {
      throw new KubectlError('error: kubesim scripts cannot follow logs; use `advance` and run logs again')
    }

    const options: LogOptions = {
      previous: boolFlag(ctx.args, 'previous'),
      timestamps: boolFlag(ctx.args, 'timestamps'),
      prefix: boolFlag(ctx.args, 'prefix') || boolFlag(ctx.args, 'all-pods'),
      tail,
      sinceMs: since !== undefined ? ctx.sim.now - since : sinceTimeMs,
    }
    let out = notices.map((n) => n + '\n').join('')
    for (const request of requests) {
      try {
        out += containerLogs(ctx, request, options)
      } catch (e) {
        if (!(e instanceof KubectlError)) throw e
        return out + e.message + '\n'
      }
    }
    // Only the app's terminal streams; elsewhere -f prints what there is.
    if (following && requests.length > 0 && ctx.io.watch) ctx.io.watch(follow(ctx, requests, options))
    return out
  },
}

/** The containers one pod's logs come from: -c, the default one, or all of them (init first). */
function pickContainers(pod: Pod, name: string | undefined, all: boolean): { requests: LogRequest[]; notices: string[] } {
  if (all) return { requests: [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((container) => ({ pod, container })), notices: [] }
  const { container, notice } = chooseContainer(pod, name)
  return { requests: [{ pod, container }], notices: notice ? [notice] : [] }
}

