import { useCluster } from '../store/clusterStore.ts'

/** An object's name that opens it in the inspector (and closes it when pressed again). */
export function ObjectButton({ storeKey, label, text }: { storeKey: string; label: string; text: string }) {
  const selected = useCluster((s) => s.selectedKey === storeKey)
  const selectObject = useCluster((s) => s.selectObject)
  return (
    <button type="button" className="workload-name object-select" aria-label={label} aria-pressed={selected} onClick={() => selectObject(selected ? null : storeKey)}>
      {text}
    </button>
  )
}

/** Pods by name (space-separated), each opening the pod in the inspector; `tags` adds how each uses the object. */
export function PodButtons({ namespace, pods, what, tags }: { namespace: string; pods: string; what: string; tags?: Record<string, string> }) {
  const selectPod = useCluster((s) => s.selectPod)
  if (!pods) return <div className="storage-none storage-users">used by no pod</div>
  return (
    <ul className="owned-pods storage-users" aria-label={what}>
      {pods.split(' ').map((pod) => (
        <li key={pod} className="owned-pod">
          <button type="button" className="endpoint-button" aria-label={`Pod ${pod}${tags?.[pod] ? ` ${tags[pod]}` : ''}`} onClick={() => selectPod(`Pod/${namespace}/${pod}`)}>
            {pod}
            {/* The visible "web-0 volume" stays part of the name "Pod web-0 volume". */}
            {tags?.[pod] && <span className="storage-use">{` ${tags[pod]}`}</span>}
          </button>
        </li>
      ))}
    </ul>
  )
}
