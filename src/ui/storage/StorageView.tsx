import { memo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useCluster } from '../store/clusterStore.ts'
import { claimKeys, claimView, classKeys, classView, unclaimedVolumeKeys, volumeView } from './storageRows.ts'
import { ConfigSection } from './ConfigSection.tsx'
import { ObjectButton, PodButtons } from './objectButtons.tsx'
import './storage.css'

const PHASE_TONE: Record<string, string> = { Bound: 'ok', Available: 'ok', Pending: 'start', Lost: 'bad', Failed: 'bad', Released: 'muted', Terminating: 'muted' }
const tone = (phase: string) => `workload-badge badge-tone-${PHASE_TONE[phase] ?? 'muted'}`

/** One claim: PVC → PV → StorageClass on a line, sizes and modes under it, then the pods that use it. */
const ClaimRow = memo(function ClaimRow({ storeKey }: { storeKey: string }) {
  const v = useCluster(useShallow((s) => claimView(s, storeKey)))
  if (!v) return null
  return (
    <li className="storage-row" aria-label={v.label}>
      <div className="storage-chain">
        <span className="workload-kind" aria-hidden="true">
          pvc
        </span>
        {v.namespace !== 'default' && <span className="ns-tag">{v.namespace}</span>}
        <ObjectButton storeKey={storeKey} label={`PersistentVolumeClaim ${v.name}, ${v.phase}`} text={v.name} />
        <span className={tone(v.phase)}>{v.phase}</span>
        <span className="storage-arrow" aria-hidden="true">
          →
        </span>
        {v.volume ? (
          v.volumeKey ? (
            <ObjectButton storeKey={v.volumeKey} label={`PersistentVolume ${v.volume}, ${v.volumePhase}`} text={v.volume} />
          ) : (
            <span className="storage-missing">{v.volume} (gone)</span>
          )
        ) : (
          <span className="storage-none">no volume yet</span>
        )}
        <span className="storage-arrow" aria-hidden="true">
          →
        </span>
        {v.classKey ? (
          <ObjectButton storeKey={v.classKey} label={`StorageClass ${v.storageClass}`} text={v.storageClass} />
        ) : (
          <span className={v.storageClass ? 'storage-missing' : 'storage-none'}>{v.storageClass ? `${v.storageClass} (missing)` : 'no class'}</span>
        )}
      </div>
      <div className="storage-facts">
        {v.capacity ? `${v.capacity}` : `asks ${v.request}`} · {v.accessModes}
        {v.reclaimPolicy && ` · reclaim ${v.reclaimPolicy}`}
      </div>
      {v.waiting && <div className="storage-waiting">{v.waiting}</div>}
      <PodButtons namespace={v.namespace} pods={v.pods} what={`Pods using ${v.name}`} />
    </li>
  )
})

const VolumeRow = memo(function VolumeRow({ storeKey }: { storeKey: string }) {
  const v = useCluster(useShallow((s) => volumeView(s, storeKey)))
  if (!v) return null
  return (
    <li className="storage-row" aria-label={v.label}>
      <div className="storage-chain">
        <span className="workload-kind" aria-hidden="true">
          pv
        </span>
        <ObjectButton storeKey={storeKey} label={`PersistentVolume ${v.name}, ${v.phase}`} text={v.name} />
        <span className={tone(v.phase)}>{v.phase}</span>
        {v.storageClass && (
          <>
            <span className="storage-arrow" aria-hidden="true">
              →
            </span>
            {v.classKey ? <ObjectButton storeKey={v.classKey} label={`StorageClass ${v.storageClass}`} text={v.storageClass} /> : <span className="storage-missing">{v.storageClass} (missing)</span>}
          </>
        )}
      </div>
      <div className="storage-facts">
        {v.capacity} · {v.accessModes} · reclaim {v.reclaimPolicy}
        {v.claim && ` · was bound to ${v.claim}`}
      </div>
    </li>
  )
})

const ClassRow = memo(function ClassRow({ storeKey }: { storeKey: string }) {
  const v = useCluster(useShallow((s) => classView(s, storeKey)))
  if (!v) return null
  return (
    <li className="storage-row" aria-label={v.label}>
      <div className="storage-chain">
        <span className="workload-kind" aria-hidden="true">
          sc
        </span>
        <ObjectButton storeKey={storeKey} label={`StorageClass ${v.name}`} text={v.name} />
        {v.isDefault && <span className="workload-badge badge-tone-muted">default</span>}
      </div>
      <div className="storage-facts">
        {v.provisioner} · reclaim {v.reclaimPolicy} · {v.bindingMode}
      </div>
    </li>
  )
})

function Section({ title, note, count, empty, children }: { title: string; note: string; count: number; empty?: string; children: React.ReactNode }) {
  if (count === 0 && !empty) return null
  return (
    <section className="storage-section" aria-label={`${title}, ${count}`}>
      <h2 className="storage-title">
        {title} <span className="storage-count">{count}</span>
      </h2>
      <p className="storage-note">{note}</p>
      {count === 0 ? <p className="pod-empty">{empty}</p> : <ul className="storage-list">{children}</ul>}
    </section>
  )
}

/** The Storage view: claims → volumes → classes, then ConfigMaps and Secrets with the pods that use them. */
export function StorageView() {
  const claims = useCluster(useShallow(claimKeys))
  const volumes = useCluster(useShallow(unclaimedVolumeKeys))
  const classes = useCluster(useShallow(classKeys))
  return (
    <div className="storage-view" role="region" aria-label="Storage and configuration">
      <div className="storage-column">
        <Section title="PersistentVolumeClaims" note="Claim → PersistentVolume → StorageClass, and the pods that mount it" count={claims.length} empty="No claims">
          {claims.map((k) => (
            <ClaimRow key={k} storeKey={k} />
          ))}
        </Section>
        <Section title="Volumes without a claim" note="Available for a claim, or Released by one (reclaim policy Retain)" count={volumes.length}>
          {volumes.map((k) => (
            <VolumeRow key={k} storeKey={k} />
          ))}
        </Section>
        <Section title="StorageClasses" note="Who provisions a volume for a claim, and when" count={classes.length} empty="No StorageClasses">
          {classes.map((k) => (
            <ClassRow key={k} storeKey={k} />
          ))}
        </Section>
      </div>
      <div className="storage-column">
        <ConfigSection />
      </div>
    </div>
  )
}
