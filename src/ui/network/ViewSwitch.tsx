import { useNetworkUi, type CenterView } from './networkUi.ts'
import './network.css'

const VIEWS: { view: CenterView; label: string; title: string }[] = [
  { view: 'cluster', label: 'Cluster', title: 'Nodes, workloads and the pods on each node' },
  { view: 'network', label: 'Network', title: 'Ingress → Service → EndpointSlice → Pods, with live traffic' },
  { view: 'storage', label: 'Storage', title: 'PersistentVolumeClaim → PersistentVolume → StorageClass; ConfigMaps and Secrets, with the pods that use them' },
]

/** The "Cluster | Network | Storage" switch above the centre canvas. */
export function ViewSwitch() {
  const view = useNetworkUi((s) => s.view)
  const setView = useNetworkUi((s) => s.setView)
  return (
    <div className="view-switch" role="group" aria-label="View">
      {VIEWS.map((v) => (
        <button key={v.view} type="button" aria-pressed={view === v.view} title={v.title} onClick={() => setView(v.view)}>
          {v.label}
        </button>
      ))}
    </div>
  )
}
