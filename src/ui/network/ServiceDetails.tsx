/**
 * One Service's details for the network view's side panel (and, later, the inspector):
 * type, addresses, ports, endpoints with their readiness, the DNS names that reach it,
 * and the paths of its last requests.
 */
import { useShallow } from 'zustand/react/shallow'
import type { Hop, RequestRecord } from '../../engine/network/trafficLog.ts'
import { parseEndpoints, serviceRowView } from '../canvas/serviceRows.ts'
import { useCluster } from '../store/clusterStore.ts'
import { formatElapsed } from '../format/time.ts'
import { STATE_TEXT } from './networkNodes.tsx'
import './network.css'

const NO_REQUESTS: RequestRecord[] = []

/** The names a pod's resolver turns into this Service (the short ones through its search path). */
export function dnsNames(name: string, namespace: string): { name: string; from: string }[] {
  return [
    { name, from: `pods in ${namespace}` },
    { name: `${name}.${namespace}`, from: 'any namespace' },
    { name: `${name}.${namespace}.svc`, from: 'any namespace' },
    { name: `${name}.${namespace}.svc.cluster.local`, from: 'any namespace (fully qualified)' },
  ]
}

const HOP_NAME: Record<Hop['kind'], string> = { client: 'from', dns: 'DNS', service: 'Service', nodePort: 'NodePort', loadBalancer: 'LoadBalancer', endpoint: 'endpoint', pod: 'pod', ingress: 'Ingress' }

function hopText(h: Hop): string {
  return `${HOP_NAME[h.kind] ?? h.kind} ${h.label}${h.detail ? ` (${h.detail})` : ''}`
}

export function ServiceDetails({ serviceKey, onClose }: { serviceKey: string; onClose?: () => void }) {
  const slash = serviceKey.indexOf('/')
  const namespace = serviceKey.slice(0, slash)
  const name = serviceKey.slice(slash + 1)
  const view = useCluster(useShallow((s) => serviceRowView(s, `Service/${namespace}/${name}`)))
  const requests = useCluster((s) => s.traffic.byService[serviceKey] ?? NO_REQUESTS)
  const selectPod = useCluster((s) => s.selectPod)
  if (!view) {
    return (
      <section className="service-details" aria-label={`Service ${name} details`}>
        <p>Service {name} is gone.</p>
      </section>
    )
  }
  const endpoints = parseEndpoints(view.endpoints)
  return (
    <section className="service-details" aria-label={`Service ${name} details`}>
      <header className="service-details-head">
        <h2>
          <span className="net-kind" aria-hidden="true">svc</span> {name}
        </h2>
        {onClose && (
          <button type="button" className="service-details-close" aria-label="Close Service details" onClick={onClose}>
            ×
          </button>
        )}
      </header>
      <dl className="describe-grid">
        <dt>Namespace</dt>
        <dd>{namespace}</dd>
        <dt>Type</dt>
        <dd>{view.type}</dd>
        <dt>Cluster IP</dt>
        <dd>{view.clusterIP}</dd>
        <dt>External IP</dt>
        <dd>{view.externalIP}</dd>
        <dt>Ports</dt>
        <dd>{view.ports}</dd>
        <dt>Selector</dt>
        <dd>{view.selector}</dd>
      </dl>
      <h3>Endpoints</h3>
      {endpoints.length === 0 ? (
        <p className="net-muted">{view.selector === '<none>' ? 'Written by hand (no selector).' : 'None: no ready pod matches the selector.'}</p>
      ) : (
        <ul className="service-endpoints" aria-label={`Endpoints of ${name}`}>
          {endpoints.map((e) => (
            <li key={e.pod} className={`state-${e.state}`}>
              <span className="net-state">{STATE_TEXT[e.state]}</span>
              <button type="button" className="net-select" onClick={() => selectPod(`Pod/${e.namespace}/${e.pod}`)} aria-label={`${e.pod} ${STATE_TEXT[e.state]} endpoint`}>
                <span className="pod-dot" aria-hidden="true" /> {e.pod}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3>DNS names</h3>
      <ul className="service-dns" aria-label={`DNS names of ${name}`}>
        {dnsNames(name, namespace).map((d) => (
          <li key={d.name}>
            <code>{d.name}</code> <span className="net-muted">from {d.from}</span>
          </li>
        ))}
      </ul>
      <h3>Last requests</h3>
      {requests.length === 0 ? (
        <p className="net-muted">No requests yet. Send traffic with the button, or `kubectl exec POD -- curl -s {name}`.</p>
      ) : (
        <ol className="service-requests" aria-label={`Last requests to ${name}`} reversed>
          {[...requests].reverse().map((r, i) => (
            <li key={`${r.at}-${i}`}>
              <div>
                <span className="net-muted">{formatElapsed(r.at)}</span> GET {r.url} → <strong>{r.outcome}</strong>
              </div>
              <div className="service-hops">{r.hops.map(hopText).join(' → ')}</div>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
