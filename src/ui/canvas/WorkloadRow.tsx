import { memo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { StatefulSet } from '../../engine/api/types.ts'
import { useCluster } from '../store/clusterStore.ts'
import { rowDependsOnTime, workloadRowView, type WorkloadRowView } from './workloadRows.ts'
import { OwnedPods } from './OwnedPods.tsx'

/** One workload: kind, name, a status/revision/schedule pill, and kubectl's numbers. */
export const WorkloadRow = memo(function WorkloadRow({ storeKey, depth }: { storeKey: string; depth: number }) {
  const kind = storeKey.slice(0, storeKey.indexOf('/'))
  // Rows whose numbers don't move with the clock are computed at time 0, so ticks don't re-render them.
  const timed = rowDependsOnTime(kind)
  const view = useCluster(
    useShallow((s): WorkloadRowView | null => {
      const obj = s.objects[kind]?.[storeKey]
      return obj ? workloadRowView(obj, timed ? s.time : 0) : null
    }),
  )
  const uid = useCluster((s) => s.objects[kind]?.[storeKey]?.metadata.uid)
  // A StatefulSet's volumeClaimTemplates by name: each ordinal's claims are `<template>-<set>-<ordinal>`.
  const templates = useCluster((s) =>
    kind === 'StatefulSet' ? ((s.objects[kind]?.[storeKey] as StatefulSet | undefined)?.spec.volumeClaimTemplates ?? []).map((t) => t.metadata.name).join(' ') : '',
  )
  const selected = useCluster((s) => s.selectedKey === storeKey)
  const selectObject = useCluster((s) => s.selectObject)
  if (!view) return null
  return (
    <li className={`workload-row depth-${depth}`} aria-label={view.label}>
      <span className="workload-kind" aria-hidden="true">
        {view.tag}
      </span>
      {view.namespace !== 'default' && <span className="ns-tag">{view.namespace}</span>}
      <button
        type="button"
        className="workload-name object-select"
        aria-label={`Inspect ${view.kind} ${view.name}`}
        aria-pressed={selected}
        onClick={() => selectObject(selected ? null : storeKey)}
      >
        {view.name}
      </button>
      {view.badge && <span className={`workload-badge badge-tone-${view.badgeTone}`}>{view.badge}</span>}
      <span className="workload-counts">{view.counts}</span>
      {view.kind === 'StatefulSet' && uid && <OwnedPods ownerUid={uid} ownerName={view.name} namespace={view.namespace} templates={templates} />}
    </li>
  )
})
