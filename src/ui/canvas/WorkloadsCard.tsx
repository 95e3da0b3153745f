import { useShallow } from 'zustand/react/shallow'
import { useCluster } from '../store/clusterStore.ts'
import { parseOutlineRow, workloadOutline } from './workloadRows.ts'
import { WorkloadRow } from './WorkloadRow.tsx'

/**
 * The controllers' view: every workload with the numbers `kubectl get` prints, and what
 * it owns under it (a Deployment's ReplicaSets by revision, a CronJob's Jobs).
 */
export function WorkloadsCard() {
  const rows = useCluster(useShallow(workloadOutline)).map(parseOutlineRow)
  const topLevel = rows.filter((r) => r.depth === 0).length
  return (
    <div className="node-card workloads" role="group" aria-label={`Workloads, ${topLevel} controllers`}>
      <div className="node-head">
        <span className="node-name">Workloads</span>
        <span className="badge badge-muted">controllers</span>
      </div>
      <div className="node-ip">Controller → what it owns → Pods</div>
      {rows.length === 0 ? (
        <p className="pod-empty">No workloads</p>
      ) : (
        <ul className="workload-list nowheel">
          {rows.map((r) => (
            <WorkloadRow key={r.key} storeKey={r.key} depth={r.depth} />
          ))}
        </ul>
      )}
    </div>
  )
}
