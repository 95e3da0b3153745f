import { useShallow } from 'zustand/react/shallow'
import type { Deployment, ReplicaSet } from '../../engine/api/types.ts'
import { useCluster, type ClusterState } from '../store/clusterStore.ts'

interface WorkloadRow {
  key: string
  depth: number
  kind: 'Deployment' | 'ReplicaSet'
  name: string
  /** kubectl get's READY column for a Deployment, DESIRED/CURRENT/READY for a ReplicaSet. */
  counts: string
  revision?: string
}

const REVISION = 'deployment.kubernetes.io/revision'

/** Deployments with their ReplicaSets under them (newest revision first), then lone ReplicaSets. */
export function workloadRows(s: ClusterState): WorkloadRow[] {
  const deployments = Object.values(s.objects.Deployment ?? {}) as Deployment[]
  const replicaSets = Object.values(s.objects.ReplicaSet ?? {}) as ReplicaSet[]
  const rsRow = (rs: ReplicaSet, depth: number): WorkloadRow => ({
    key: `ReplicaSet/${rs.metadata.namespace}/${rs.metadata.name}`,
    depth,
    kind: 'ReplicaSet',
    name: rs.metadata.name,
    counts: `${rs.spec.replicas} desired · ${rs.status.replicas ?? 0} current · ${rs.status.readyReplicas ?? 0} ready`,
    revision: rs.metadata.annotations?.[REVISION],
  })
  const rows: WorkloadRow[] = []
  const owned = new Set<string>()
  for (const d of deployments.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))) {
    rows.push({
      key: `Deployment/${d.metadata.namespace}/${d.metadata.name}`,
      depth: 0,
      kind: 'Deployment',
      name: d.metadata.name,
      counts: `${d.status?.readyReplicas ?? 0}/${d.spec.replicas} ready · ${d.status?.updatedReplicas ?? 0} up-to-date`,
      revision: d.metadata.annotations?.[REVISION],
    })
    const mine = replicaSets
      .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.uid === d.metadata.uid))
      .sort((a, b) => Number(b.metadata.annotations?.[REVISION] ?? 0) - Number(a.metadata.annotations?.[REVISION] ?? 0))
    for (const rs of mine) {
      owned.add(rs.metadata.uid)
      // Old, empty ReplicaSets are history: keep the newest two visible.
      if (rs.spec.replicas > 0 || (rs.status.replicas ?? 0) > 0 || mine.indexOf(rs) < 2) rows.push(rsRow(rs, 1))
    }
  }
  for (const rs of replicaSets) if (!owned.has(rs.metadata.uid)) rows.push(rsRow(rs, 0))
  return rows
}

/** The controllers' view: each Deployment, its ReplicaSets and their counts, as a rollout moves replicas. */
export function WorkloadsCard() {
  // Rows are compared as strings so the card re-renders only when a row's text changes.
  const rows = useCluster(useShallow((s) => workloadRows(s).map((r) => JSON.stringify(r)))).map((r) => JSON.parse(r) as WorkloadRow)
  return (
    <div className="node-card workloads" role="group" aria-label={`Workloads, ${rows.filter((r) => r.kind === 'Deployment').length} deployments`}>
      <div className="node-head">
        <span className="node-name">Workloads</span>
        <span className="badge badge-muted">controllers</span>
      </div>
      <div className="node-ip">Deployments → ReplicaSets → Pods</div>
      {rows.length === 0 ? (
        <p className="pod-empty">No deployments</p>
      ) : (
        <ul className="workload-list">
          {rows.map((r) => (
            <li key={r.key} className={`workload-row depth-${r.depth}`} aria-label={`${r.kind} ${r.name}: ${r.counts}`}>
              <span className="workload-kind">{r.kind === 'Deployment' ? 'deploy' : 'rs'}</span>
              <span className="workload-name">{r.name}</span>
              {r.revision && <span className="workload-revision">rev {r.revision}</span>}
              <span className="workload-counts">{r.counts}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
