import { memo, useId } from 'react'
import { summarizePod } from '../../engine/kubectl/podSummary.ts'
import { runInTerminal } from '../terminal/runInTerminal.ts'
import { useEngine } from '../engineContext.ts'
import { pendingReason } from '../format/pendingReason.ts'
import { podTone } from '../format/podTone.ts'
import { useCluster } from '../store/clusterStore.ts'
import { usePod } from '../store/selectors.ts'
import { useCountdownLines } from './Countdowns.tsx'
import { podMatches, usePodSearch } from './podSearch.ts'

/** One pod on a node card: name, STATUS as kubectl prints it, restarts, and a delete button. */
export const PodChip = memo(function PodChip({ podKey }: { podKey: string }) {
  const pod = usePod(podKey)
  const selected = useCluster((s) => s.selectedPodKey === podKey)
  const selectPod = useCluster((s) => s.selectPod)
  const engine = useEngine()
  const countdowns = useCountdownLines(podKey, false)
  const sentences = useCountdownLines(podKey, true)
  const countdownId = useId()
  const query = usePodSearch((s) => s.query)
  if (!pod) return null
  const found = query.trim() === '' ? '' : podMatches(pod, query) ? ' search-match' : ' search-dimmed'
  // STATUS doesn't depend on the current time (only the RESTARTS "ago" text does).
  const summary = summarizePod(pod, 0)
  const tone = podTone(pod, summary)
  const name = pod.metadata.name
  const namespace = pod.metadata.namespace ?? 'default'
  const otherNamespace = namespace !== 'default'
  const unscheduled = pod.status.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'False')
  const reason = pendingReason(unscheduled?.message)
  // In the name as on screen (the count, after a ↻ drawn by CSS), so what a person sees is what a screen reader says.
  const restarts = summary.restartCount > 0 ? `, ${summary.restartCount} restart${summary.restartCount === 1 ? '' : 's'}` : ''
  const title = unscheduled?.message ? `${unscheduled.reason ?? 'Unschedulable'}: ${unscheduled.message}` : `${name}: ${summary.status}, ready ${summary.ready}`
  return (
    <div className={`pod-chip tone-${tone}${selected ? ' selected' : ''}${found}`} title={title}>
      <button
        type="button"
        className="pod-chip-main"
        aria-label={`Pod ${otherNamespace ? `${namespace} ` : ''}${name}, ${summary.status}${restarts}`}
        aria-pressed={selected}
        aria-describedby={countdowns.length > 0 ? countdownId : undefined}
        onClick={() => selectPod(selected ? null : podKey)}
      >
        <span className="pod-dot" aria-hidden="true" />
        {otherNamespace && <span className="ns-tag">{namespace}</span>}{otherNamespace && " "}
        <span className="pod-name">{name}</span>{' '}
        <span className="pod-status">{summary.status}</span>{' '}
        {summary.restartCount > 0 && (
          <span className="pod-restarts" title={`${summary.restartCount} restarts`}>
            {summary.restartCount}
          </span>
        )}
        {reason && <span className="pod-reason">{reason}</span>}
      </button>
      {countdowns.length > 0 && (
        <>
          {/* Under the chip, outside its button: the button's name is what it shows, and this line describes it. */}
          <span className="pod-countdown" aria-hidden="true">
            {countdowns.join(' · ')}
          </span>
          <span id={countdownId} hidden>
            {sentences.join(' ')}
          </span>
        </>
      )}
      <button
        type="button"
        className="pod-delete"
        aria-label={`Delete pod ${name}${otherNamespace ? ` in namespace ${namespace}` : ''}`}
        title={`Delete pod ${name}${otherNamespace ? ` in namespace ${namespace}` : ''}`}
        onClick={() => void runInTerminal(engine, `delete pod ${name} -n ${namespace}`)}
      >
        ×
      </button>
    </div>
  )
})
