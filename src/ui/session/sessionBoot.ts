/**
 * How the app starts: from a share link in the URL, else from the saved session, else a
 * fresh cluster; and, once running, keeping the session saved.
 */
import type { SessionLog } from '../../engine/commandLog/sessionLog.ts'
import type { EngineClient, RestoreOptions } from '../../worker/engineClient.ts'
import { useLabPanel } from '../labs/labStore.ts'
import { useCluster } from '../store/clusterStore.ts'
import { saveNow, seekDone } from './sessionActions.ts'
import { decodeShareHash, isShareHash } from './shareLink.ts'
import { loadSettings, loadStoredSession, saveSettings } from './storedSession.ts'
import { useSession } from './sessionStore.ts'

/** The engine's starting point: a log to restore, or nothing (a fresh cluster). */
export async function chooseStart(): Promise<{ restore?: RestoreOptions }> {
  useCluster.setState({ namespace: loadSettings().namespace })
  if (isShareHash(location.hash)) {
    const read = await decodeShareHash(location.hash)
    if (read.ok) {
      // The person's own saved session stays untouched until they keep this one.
      useSession.setState({ shared: true })
      return { restore: { log: read.log, running: false } }
    }
    useSession.setState({ problem: { message: `This share link could not be opened: ${read.message}.`, offerReset: false } })
  }
  const loaded = loadStoredSession()
  if (loaded.kind === 'ok') {
    const { log, viewTime, running, speed } = loaded.stored
    if (log.lab && !log.lab.left) useLabPanel.setState({ restoredSource: log.lab.source })
    return { restore: { log, time: viewTime, running, speed } }
  }
  if (loaded.kind === 'bad') useSession.setState({ problem: { message: loaded.message, raw: loaded.raw, offerReset: true } })
  return {}
}

/** Handlers for the engine client's session messages. */
export function sessionHandlers(engine: () => EngineClient) {
  return {
    onSession: (log: SessionLog, time: number, viewingPast: boolean) => {
      useSession.setState({ log, time, viewingPast })
      saveNow()
      seekDone(engine())
    },
    onRestoreFailed: (message: string) => {
      useSession.setState({ problem: { message: `Your saved cluster could not be replayed: ${message}.`, offerReset: true } })
    },
  }
}

/** How often a running cluster's time is saved (commands are saved as they happen). */
const SAVE_EVERY_MS = 2000

/** Saves the session as time passes, when play/pause or speed change, and when the page goes away. */
export function keepSessionSaved(): void {
  setInterval(() => {
    if (useCluster.getState().running) saveNow()
  }, SAVE_EVERY_MS)
  useCluster.subscribe((s, prev) => {
    if (s.running !== prev.running || s.speed !== prev.speed) saveNow()
    if (s.namespace !== prev.namespace) saveSettings({ namespace: s.namespace })
  })
  addEventListener('pagehide', saveNow)
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && saveNow())
}
