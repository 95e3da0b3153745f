import { useShallow } from 'zustand/react/shallow'
import { useCluster } from '../store/clusterStore.ts'
import { useOwnedPods } from '../store/selectors.ts'
import { ordinalOf, parseOrdinalClaim, statefulSetClaims, type OrdinalClaim } from './statefulSetClaims.ts'

const CLAIM_TONE: Record<string, string> = { Bound: 'ready', Pending: 'pending', Lost: 'failing', Terminating: 'terminating' }

/** A claim of one ordinal: opens the claim in the inspector. */
function ClaimChip({ claim, namespace }: { claim: OrdinalClaim; namespace: string }) {
  const key = `PersistentVolumeClaim/${namespace}/${claim.name}`
  const selected = useCluster((s) => s.selectedKey === key)
  const selectObject = useCluster((s) => s.selectObject)
  // The phase sits beside the button, so the name "PersistentVolumeClaim data-web-0, Bound" holds all its visible text.
  return (
    <span className={`ordinal-claim tone-${CLAIM_TONE[claim.phase] ?? 'pending'}`} title={`${claim.name}: ${claim.phase}`}>
      <button type="button" className="endpoint-button" aria-label={`PersistentVolumeClaim ${claim.name}, ${claim.phase}`} aria-pressed={selected} onClick={() => selectObject(selected ? null : key)}>
        <span className="claim-icon" aria-hidden="true">
          ⛁
        </span>
        {claim.name}
      </button>
      <span className="ordinal-claim-phase">{claim.phase}</span>
    </span>
  )
}

/**
 * A StatefulSet's pods by ordinal (web-0, web-1, …), each with kubectl's STATUS and, when the
 * set has volumeClaimTemplates, its claims and their phases. An ordinal whose pod is gone
 * (scaled down) still shows its kept claims.
 */
export function OwnedPods({ ownerUid, ownerName, namespace, templates }: { ownerUid: string; ownerName: string; namespace: string; templates: string }) {
  const pods = useOwnedPods(ownerUid)
  const claims = useCluster(useShallow((s) => statefulSetClaims(s, namespace, ownerName, templates ? templates.split(' ') : []))).map(parseOrdinalClaim)
  if (pods.length === 0 && claims.length === 0) return null
  if (claims.length === 0) {
    return (
      <ul className="owned-pods" aria-label={`Pods of ${ownerName}`}>
        {pods.map((p) => (
          <li key={p.name} className={`owned-pod tone-${p.tone}`} aria-label={`${p.name} ${p.status}`} title={`${p.name}: ${p.status}`}>
            <span className="pod-dot" aria-hidden="true" />
            {p.name}
          </li>
        ))}
      </ul>
    )
  }
  const ordinals = [...new Set([...pods.map((p) => ordinalOf(p.name, ownerName)), ...claims.map((c) => c.ordinal)])].sort((a, b) => a - b)
  return (
    <ul className="owned-pods ordinal-list" aria-label={`Ordinals of ${ownerName}`}>
      {ordinals.map((n) => {
        const pod = pods.find((p) => ordinalOf(p.name, ownerName) === n)
        const mine = claims.filter((c) => c.ordinal === n)
        const podName = pod?.name ?? `${ownerName}-${n}`
        const podText = pod ? `${pod.name} ${pod.status}` : `${podName} no pod`
        return (
          <li key={n} className="ordinal-row" aria-label={`${podText}, ${mine.map((c) => `claim ${c.name} ${c.phase}`).join(', ')}`}>
            <span className={`owned-pod tone-${pod?.tone ?? 'done'}${pod ? '' : ' ordinal-no-pod'}`} title={pod ? `${pod.name}: ${pod.status}` : `${podName}: no pod (its claims are kept)`}>
              <span className="pod-dot" aria-hidden="true" />
              {podName}
            </span>
            {mine.map((c) => (
              <ClaimChip key={c.name} claim={c} namespace={namespace} />
            ))}
          </li>
        )
      })}
    </ul>
  )
}
