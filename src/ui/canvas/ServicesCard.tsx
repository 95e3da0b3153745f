import { memo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useCluster } from '../store/clusterStore.ts'
import { parseEndpoints, serviceKeys, serviceRowView } from './serviceRows.ts'

const STATE_TEXT = { ready: 'ready', notready: 'not ready', terminating: 'terminating' }
const STATE_TONE = { ready: 'ready', notready: 'failing', terminating: 'terminating' }

/** One Service: type, addresses, ports, and its endpoints; a pod that is not ready gets no traffic. */
const ServiceRow = memo(function ServiceRow({ storeKey }: { storeKey: string }) {
  const view = useCluster(useShallow((s) => serviceRowView(s, storeKey)))
  const selectPod = useCluster((s) => s.selectPod)
  const selected = useCluster((s) => s.selectedKey === storeKey)
  const selectObject = useCluster((s) => s.selectObject)
  if (!view) return null
  const endpoints = parseEndpoints(view.endpoints)
  return (
    <li className="service-row" aria-label={view.label}>
      <div className="service-line">
        <span className="workload-kind" aria-hidden="true">
          svc
        </span>
        {view.namespace !== 'default' && <span className="ns-tag">{view.namespace}</span>}
        <button
          type="button"
          className="workload-name object-select"
          aria-label={`Inspect Service ${view.name}`}
          aria-pressed={selected}
          onClick={() => selectObject(selected ? null : storeKey)}
        >
          {view.name}
        </button>
        <span className="workload-badge badge-tone-muted">{view.type}</span>
      </div>
      <div className="workload-counts">
        {view.clusterIP}
        {view.externalIP !== '<none>' && ` → ${view.externalIP}`} · {view.ports}
      </div>
      {view.selector === '<none>' ? (
        <div className="service-note">no selector: endpoints are written by hand</div>
      ) : endpoints.length === 0 ? (
        <div className="service-note">no endpoints: no pod matches {view.selector} with an IP</div>
      ) : (
        <ul className="owned-pods" aria-label={`Endpoints of ${view.name}`}>
          {endpoints.map((e) => (
            <li key={e.pod} className={`owned-pod tone-${STATE_TONE[e.state]}`}>
              <button type="button" className="endpoint-button" aria-label={`${e.pod} ${STATE_TEXT[e.state]} endpoint`} title={`${e.pod}: ${STATE_TEXT[e.state]}`} onClick={() => selectPod(`Pod/${e.namespace}/${e.pod}`)}>
                <span className="pod-dot" aria-hidden="true" />
                {e.pod}
              </button>
            </li>
          ))}
        </ul>
      )}
    </li>
  )
})

/** The Services view: each Service and the pods that serve it. */
export function ServicesCard() {
  const keys = useCluster(useShallow(serviceKeys))
  return (
    <div className="node-card services" role="group" aria-label={`Services, ${keys.length}`}>
      <div className="node-head">
        <span className="node-name">Services</span>
        <span className="badge badge-muted">networking</span>
      </div>
      <div className="node-ip">Service → endpoints (only ready pods get traffic)</div>
      {keys.length === 0 ? (
        <p className="pod-empty">No Services</p>
      ) : (
        <ul className="workload-list nowheel">
          {keys.map((k) => (
            <ServiceRow key={k} storeKey={k} />
          ))}
        </ul>
      )}
    </div>
  )
}
