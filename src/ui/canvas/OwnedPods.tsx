import { useOwnedPods } from '../store/selectors.ts'

/** A StatefulSet's pods by ordinal (web-0, web-1, …), each with kubectl's STATUS. */
export function OwnedPods({ ownerUid, ownerName }: { ownerUid: string; ownerName: string }) {
  const pods = useOwnedPods(ownerUid)
  if (pods.length === 0) return null
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
