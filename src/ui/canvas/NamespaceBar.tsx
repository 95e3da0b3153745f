import { useEffect } from 'react'
import { useCluster } from '../store/clusterStore.ts'
import { useNamespaces } from '../store/selectors.ts'
import { ClusterDialog } from '../cluster/ClusterDialog.tsx'
import { PodStateLegend } from './PodStateLegend.tsx'
import { PodSearchBox } from './PodSearchBox.tsx'

/** Which namespace the canvas shows, and the namespaces being deleted (Terminating). */
export function NamespaceBar() {
  const namespaces = useNamespaces()
  const shown = useCluster((s) => s.namespace)
  const showNamespace = useCluster((s) => s.showNamespace)
  const exists = shown === null || namespaces.some((n) => n.name === shown)
  useEffect(() => {
    // A namespace that finished terminating is gone: fall back to all of them.
    if (!exists && namespaces.length > 0) showNamespace(null)
  }, [exists, namespaces.length, showNamespace])
  const terminating = namespaces.filter((n) => n.phase === 'Terminating')
  return (
    <div className="canvas-bar">
      <label className="namespace-picker">
        <span>Namespace</span>
        <select value={shown ?? ''} onChange={(e) => showNamespace(e.target.value || null)} aria-label="Namespace shown">
          <option value="">All namespaces</option>
          {namespaces.map((n) => (
            <option key={n.name} value={n.name}>
              {n.phase === 'Active' ? n.name : `${n.name} (${n.phase})`}
            </option>
          ))}
        </select>
      </label>
      <PodSearchBox />
      {terminating.length > 0 && (
        <ul className="namespace-states" aria-label="Terminating namespaces">
          {terminating.map((n) => (
            <li key={n.name} className="badge badge-warn">
              {n.name} Terminating
            </li>
          ))}
        </ul>
      )}
      <PodStateLegend />
      <ClusterDialog />
    </div>
  )
}
