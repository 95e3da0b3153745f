import type { ServerResponse } from 'node:http'
import type { Pod } from '../engine/api/types.ts'
import { EPOCH_MS } from '../engine/clock.ts'
import { logLines, type LogLine } from '../engine/kubectl/commands/logs.ts'
import type { ServeContext } from './context.ts'
import { stored, type Target } from './crud.ts'
import { ServeError } from './status.ts'

/** How often a followed log is looked at for new lines (real milliseconds). */
const FOLLOW_POLL_MS = 100

function badRequest(message: string): ServeError {
  return new ServeError('BadRequest', message)
}

/** The container the request names, or the only one; a pod of several needs a name (the API server's rule). */
function containerOf(pod: Pod, requested: string | null): string {
  const name = pod.metadata.name
  if (requested) {
    const all = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]
    if (!all.some((c) => c.name === requested)) throw badRequest(`container ${requested} is not valid for pod ${name}`)
    return requested
  }
  if (pod.spec.containers.length === 1) return pod.spec.containers[0].name
  const init = (pod.spec.initContainers ?? []).map((c) => c.name)
  throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${pod.spec.containers.map((c) => c.name).join(' ')}]${init.length ? ` or one of the init containers: [${init.join(' ')}]` : ''}`)
}

function numberParam(q: URLSearchParams, name: string): number | undefined {
  const text = q.get(name)
  if (text === null) return undefined
  const n = Number(text)
  if (!Number.isInteger(n)) throw badRequest(`strconv.ParseInt: parsing ${JSON.stringify(text)}: invalid syntax`)
  return n
}

/**
 * GET pods/NAME/log: what the kubelet kept of one container's output, with `tailLines`,
 * `sinceSeconds`/`sinceTime` (simulated time), `timestamps` and `previous`. With
 * `follow`, the answer stays open and new lines are sent as simulated time passes,
 * until the container stops or restarts, or the client goes.
 */
export function podLogs(ctx: ServeContext, res: ServerResponse, t: Target, q: URLSearchParams): void {
  const pod = stored(ctx, t) as Pod
  const container = containerOf(pod, q.get('container'))
  const previous = q.get('previous') === 'true'
  const timestamps = q.get('timestamps') === 'true'
  const tail = numberParam(q, 'tailLines')
  const sinceSeconds = numberParam(q, 'sinceSeconds')
  const sinceTime = q.get('sinceTime')
  let sinceMs: number | undefined
  if (sinceSeconds !== undefined) {
    if (sinceSeconds < 1) throw badRequest(`PodLogOptions "${pod.metadata.name}" is invalid: sinceSeconds: Invalid value: ${sinceSeconds}: must be greater than 0`)
    sinceMs = ctx.sim.now - sinceSeconds * 1000
  } else if (sinceTime) {
    const parsed = Date.parse(sinceTime)
    if (Number.isNaN(parsed)) throw badRequest(`parsing time "${sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse "${sinceTime}" as "2006"`)
    sinceMs = parsed - EPOCH_MS
  }

  const statuses = [...(pod.status.containerStatuses ?? []), ...(pod.status.initContainerStatuses ?? [])]
  const status = statuses.find((c) => c.name === container)
  if (previous && !status?.lastState?.terminated) throw badRequest(`previous terminated container "${container}" in pod "${pod.metadata.name}" not found`)
  if (!status || (!status.state.running && !status.state.terminated && !status.lastState?.terminated)) {
    const reason = status?.state.waiting?.reason ?? 'ContainerCreating'
    const why = reason === 'ContainerCreating' || reason === 'PodInitializing' ? reason : 'trying and failing to pull image'
    throw badRequest(`container "${container}" in pod "${pod.metadata.name}" is waiting to start: ${why}`)
  }
  const read = () => (pod.spec.nodeName ? ctx.sim.kubelets.get(pod.spec.nodeName)?.logs(pod.metadata.uid, container, previous) : undefined)
  const format = (lines: LogLine[]) => lines.map((l) => `${timestamps ? l.stamp + ' ' : ''}${l.text}\n`).join('')
  const logs = read()
  let lines = logLines(logs)
  if (sinceMs !== undefined) lines = lines.filter((l) => l.at >= sinceMs!)
  if (tail !== undefined && tail >= 0) lines = tail === 0 ? [] : lines.slice(-tail)
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private' })
  res.write(format(lines))
  if (q.get('follow') !== 'true' || previous) return void res.end()

  // Follow: the lines written after the last one sent, in the same run of the container.
  const all = logLines(logs)
  const runStartedAt = logs?.atMs
  let sent = all.length
  const poll = setInterval(() => {
    const live = ctx.sim.store.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name)
    const current = read()
    if (!live || live.metadata.uid !== pod.metadata.uid || !current || current.atMs !== runStartedAt) return stop()
    const now = logLines(current)
    if (now.length > sent) res.write(format(now.slice(sent)))
    sent = now.length
    const running = [...(live.status.containerStatuses ?? []), ...(live.status.initContainerStatuses ?? [])].find((c) => c.name === container)?.state.running
    if (!running) stop()
  }, FOLLOW_POLL_MS)
  let stopped = false
  function stop() {
    if (stopped) return
    stopped = true
    clearInterval(poll)
    ctx.streams.delete(stop)
    res.end()
  }
  ctx.streams.add(stop)
  res.on('close', stop)
}
