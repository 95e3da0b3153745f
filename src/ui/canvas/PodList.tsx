import { useState } from 'react'
import { usePodKeysOn } from '../store/selectors.ts'
import { MAX_VISIBLE_PODS } from './layout.ts'
import { PodChip } from './PodChip.tsx'

/**
 * The chips of the pods on one node (null: pods not scheduled yet). A crowded card shows the
 * first chips and says how many more there are; "+N more" lists them all (in a scroll box, so
 * the card keeps its size and never overlaps the one below).
 */
export function PodList({ nodeName, emptyText }: { nodeName: string | null; emptyText: string }) {
  const keys = usePodKeysOn(nodeName)
  const [expanded, setExpanded] = useState(false)
  if (keys.length === 0) return <p className="pod-empty">{emptyText}</p>
  const hidden = keys.length - MAX_VISIBLE_PODS
  const shown = expanded || hidden <= 0 ? keys : keys.slice(0, MAX_VISIBLE_PODS)
  const where = nodeName ? `on ${nodeName}` : 'unscheduled'
  return (
    <>
      <ul className={`pod-list nowheel${expanded ? ' expanded' : ''}`} aria-label="Pods">
        {shown.map((key) => (
          <li key={key}>
            <PodChip podKey={key} />
          </li>
        ))}
      </ul>
      {hidden > 0 && (
        <button
          type="button"
          className="btn btn-small pod-more"
          aria-expanded={expanded}
          aria-label={expanded ? `Show fewer pods ${where}` : `Show ${hidden} more pods ${where}`}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'Show fewer' : `+${hidden} more`}
        </button>
      )}
    </>
  )
}
