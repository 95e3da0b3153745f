/**
 * What the person can do with the session as a whole: share it, export or import it,
 * export the cluster's YAML, reset everything, and choose between a shared cluster and
 * their own saved one.
 */
import { readSessionLogText } from '../../engine/commandLog/readSessionLog.ts'
import type { SessionLog } from '../../engine/commandLog/sessionLog.ts'
import type { EngineClient } from '../../worker/engineClient.ts'
import { useCluster } from '../store/clusterStore.ts'
import { allObjectsYaml } from './exportYaml.ts'
import { encodeShareHash } from './shareLink.ts'
import { clearStoredSession, loadStoredSession, saveStoredSession } from './storedSession.ts'
import { useSession } from './sessionStore.ts'

/** The log as it stands now: live, its end is the cluster's current time. */
export function currentLog(): SessionLog | null {
  const { log, time, viewingPast } = useSession.getState()
  if (!log) return null
  return viewingPast ? log : { ...log, time: Math.max(log.time, time, useCluster.getState().time) }
}

/** Writes the session to storage now (unless a notice is waiting for the person's choice). */
export function saveNow(): void {
  const session = useSession.getState()
  const log = currentLog()
  if (!log || session.shared || session.problem?.offerReset) return
  const cluster = useCluster.getState()
  const ok = saveStoredSession({ log, viewTime: session.viewingPast ? session.time : undefined, running: cluster.running, speed: cluster.speed })
  if (ok !== session.saveFailed) return
  useSession.setState({ saveFailed: !ok })
}

export async function shareLink(): Promise<string> {
  const log = currentLog()
  if (!log) throw new Error('the cluster has not started yet')
  return `${location.origin}${location.pathname}${await encodeShareHash(log)}`
}

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export function exportSessionFile(): void {
  const log = currentLog()
  if (log) download('kubesim-session.json', JSON.stringify(log, null, 2) + '\n', 'application/json')
}

export function exportAllYaml(): void {
  download('kubesim-cluster.yaml', allObjectsYaml(useCluster.getState().objects), 'application/yaml')
}

export function downloadRawSession(raw: string): void {
  download('kubesim-session-damaged.json', raw, 'application/json')
}

/** Forget the hash so a reload does not open the shared cluster again. */
function dropShareHash(): void {
  if (location.hash) history.replaceState(null, '', location.pathname + location.search)
}

/** The UI state that belongs to one cluster (output, selection), cleared when the cluster changes. */
function clearClusterUi(): void {
  useCluster.setState({ selectedPodKey: null, applyOutput: [], applyMarkers: [], terminal: [], watch: null, time: 0 })
}

/** Replaces the cluster with an imported log file and keeps it as the saved session. */
export async function importSessionFile(engine: EngineClient, file: File): Promise<void> {
  const read = readSessionLogText(await file.text())
  if (!read.ok) {
    useSession.setState({ problem: { message: `Could not import ${file.name}: ${read.message}.`, offerReset: false } })
    return
  }
  dropShareHash()
  clearClusterUi()
  useSession.setState({ shared: false, problem: null })
  engine.restore({ log: read.log, running: false })
  saveStoredSession({ log: read.log, running: false, speed: useCluster.getState().speed })
}

/** Clears the cluster, the settings and every stored kubesim key, and starts a fresh cluster. */
export function resetEverything(engine: EngineClient): void {
  clearStoredSession()
  dropShareHash()
  clearClusterUi()
  useCluster.setState({ namespace: null })
  useSession.setState({ problem: null, shared: false, saveFailed: false, viewingPast: false })
  engine.init()
}

/** The shared cluster becomes the person's saved session (replacing theirs). */
export function keepSharedSession(): void {
  dropShareHash()
  useSession.setState({ shared: false })
  saveNow()
}

/** Leaves the shared cluster for the person's own saved one (or a fresh cluster). */
export function backToMySession(engine: EngineClient): void {
  dropShareHash()
  clearClusterUi()
  useSession.setState({ shared: false })
  const loaded = loadStoredSession()
  if (loaded.kind === 'ok') engine.restore({ log: loaded.stored.log, time: loaded.stored.viewTime, running: loaded.stored.running, speed: loaded.stored.speed })
  else engine.init()
}

/**
 * Time travel without a queue of replays: while one seek is being replayed, only the
 * latest requested moment waits; it is sent when the worker reports the log again.
 */
let seekInFlight = false
let nextSeek: number | undefined
export function seekTo(engine: EngineClient, time: number): void {
  if (seekInFlight) {
    nextSeek = time
    return
  }
  seekInFlight = true
  useCluster.setState({ running: false })
  engine.seek(time)
}

/** The worker reported the log: a seek (if one was running) is done. */
export function seekDone(engine: EngineClient): void {
  seekInFlight = false
  if (nextSeek !== undefined) {
    const time = nextSeek
    nextSeek = undefined
    seekTo(engine, time)
  }
}
