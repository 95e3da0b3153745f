import { usePodKeysOn } from '../store/selectors.ts'
import { PodList } from './PodList.tsx'

/** Pods the scheduler has not placed (Pending); hover or inspect one for the reason. */
export function UnscheduledCard() {
  const count = usePodKeysOn(null).length
  return (
    <div className={`node-card unscheduled${count > 0 ? ' has-pods' : ''}`} role="group" aria-label={`Unscheduled pods, ${count}`}>
      <div className="node-head">
        <span className="node-name">Unscheduled</span>
        <span className="badge badge-muted">{count} pending</span>
      </div>
      <div className="node-ip">Pods waiting for a node</div>
      <PodList nodeName={null} emptyText="None" />
    </div>
  )
}
