import type { ReplayHooks, SessionLog } from '../engine/commandLog/sessionLog.ts'
import { startLab } from '../labs/labRun.ts'
import { parseLab } from '../labs/parseLab.ts'
import { LabHost, labHistoryLine } from './labHost.ts'

/**
 * Replaying a lab's session: the cluster is the lab's (its file's shape and setup, the
 * log's seed), the history is the replayed commands, and the checks are evaluated after
 * every command and at the moments steps passed live, so the same steps pass again.
 * `lab()` is the lab under way once the replay has started (none for other logs, or when
 * the student had left it).
 */
export function labReplay(log: SessionLog): { hooks: ReplayHooks; lab(): LabHost | undefined } {
  const entry = log.lab
  if (!entry) return { hooks: {}, lab: () => undefined }
  let host: LabHost | undefined
  const evaluate = () => void host?.evaluateNow()
  return {
    lab: () => host,
    hooks: {
      start: () => {
        const lab = parseLab(entry.source)
        const run = startLab(lab, log.seed)
        if (!entry.left) {
          host = new LabHost(lab, entry.source, log.seed, run, entry.origin)
          evaluate()
        }
        return run.sim
      },
      ran: (cmd) => {
        const line = labHistoryLine(cmd)
        if (line !== undefined) host?.record(line)
        evaluate()
      },
      stops: entry.passed ?? [],
      stop: evaluate,
    },
  }
}
