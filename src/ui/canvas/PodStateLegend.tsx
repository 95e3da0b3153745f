import type { PodTone } from '../format/podTone.ts'

/** Every state a pod chip can show, in the order a pod usually meets them, with its colour. */
const STATES: { status: string; tone: PodTone; meaning: string }[] = [
  { status: 'Pending', tone: 'pending', meaning: 'waiting for a node; the chip says why' },
  { status: 'ContainerCreating', tone: 'starting', meaning: 'on a node, pulling images and starting' },
  { status: 'Running', tone: 'notready', meaning: 'running, not ready: gets no Service traffic' },
  { status: 'Running', tone: 'ready', meaning: 'running and ready' },
  { status: 'Completed', tone: 'done', meaning: 'every container exited 0' },
  { status: 'Error', tone: 'failing', meaning: 'a container exited non-zero' },
  { status: 'CrashLoopBackOff', tone: 'failing', meaning: 'crashed; waiting to restart' },
  { status: 'ImagePullBackOff', tone: 'failing', meaning: 'the image could not be pulled' },
  { status: 'OOMKilled', tone: 'failing', meaning: 'killed for using more memory than its limit' },
  { status: 'Terminating', tone: 'terminating', meaning: 'being deleted, within its grace period' },
  { status: 'Unknown', tone: 'failing', meaning: 'its node stopped reporting' },
]

/** The key to the pod chips' colours, folded away until asked for. */
export function PodStateLegend() {
  return (
    <details className="legend">
      <summary>Pod states</summary>
      <ul className="legend-list" aria-label="Pod states">
        {STATES.map((s) => (
          <li key={`${s.status}-${s.tone}`} className={`legend-row pod-chip tone-${s.tone}`}>
            <span className="pod-dot" aria-hidden="true" />
            <span className="pod-status">{s.status}</span>
            <span className="legend-meaning">{s.meaning}</span>
          </li>
        ))}
      </ul>
    </details>
  )
}
