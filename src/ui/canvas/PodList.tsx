import { usePodKeysOn } from '../store/selectors.ts'
import { PodChip } from './PodChip.tsx'

/** The chips of the pods on one node (null: pods not scheduled yet). */
export function PodList({ nodeName, emptyText }: { nodeName: string | null; emptyText: string }) {
  const keys = usePodKeysOn(nodeName)
  if (keys.length === 0) return <p className="pod-empty">{emptyText}</p>
  return (
    <ul className="pod-list nowheel" aria-label="Pods">
      {keys.map((key) => (
        <li key={key}>
          <PodChip podKey={key} />
        </li>
      ))}
    </ul>
  )
}
