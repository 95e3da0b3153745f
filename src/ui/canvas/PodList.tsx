import { useState, type UIEvent } from 'react'
import { usePodKeysOn } from '../store/selectors.ts'
import { MAX_VISIBLE_PODS } from './layout.ts'
import { PodChip } from './PodChip.tsx'

/** An expanded list longer than this renders only the chips in its scroll box's view. */
const VIRTUAL_FROM = 40
/** A chip's row in a virtualised list (chip and gap), in px: rows are this tall so the view is computable. */
const ROW_PX = 52
/** Rows drawn beyond each edge of the view, so a fast scroll shows no gap. */
const OVERSCAN = 4

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
  const where = nodeName ? `on ${nodeName}` : 'unscheduled'
  const virtual = expanded && keys.length > VIRTUAL_FROM
  const shown = expanded || hidden <= 0 ? keys : keys.slice(0, MAX_VISIBLE_PODS)
  return (
    <>
      {virtual ? (
        <VirtualPodList keys={keys} />
      ) : (
        <ul className={`pod-list nowheel${expanded ? ' expanded' : ''}`} aria-label="Pods">
          {shown.map((key) => (
            <li key={key}>
              <PodChip podKey={key} />
            </li>
          ))}
        </ul>
      )}
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

/**
 * Thousands of chips (the unscheduled pods of a big rollout) in one scroll box: only the rows in
 * view exist, placed at their offsets; the list's size and each row's position are announced.
 */
function VirtualPodList({ keys }: { keys: readonly string[] }) {
  const [top, setTop] = useState(0)
  const viewRows = MAX_VISIBLE_PODS
  const first = Math.max(0, Math.floor(top / ROW_PX) - OVERSCAN)
  const last = Math.min(keys.length, Math.ceil(top / ROW_PX) + viewRows + OVERSCAN)
  return (
    <ul
      className="pod-list pod-list-virtual nowheel expanded"
      aria-label="Pods"
      style={{ height: viewRows * ROW_PX }}
      onScroll={(e: UIEvent<HTMLUListElement>) => setTop(e.currentTarget.scrollTop)}
    >
      <li aria-hidden="true" className="pod-list-spacer" style={{ height: keys.length * ROW_PX }} />
      {keys.slice(first, last).map((key, i) => (
        <li key={key} aria-posinset={first + i + 1} aria-setsize={keys.length} style={{ top: (first + i) * ROW_PX, height: ROW_PX }}>
          <PodChip podKey={key} />
        </li>
      ))}
    </ul>
  )
}
