import { useShallow } from 'zustand/react/shallow'
import { parseEndpoints, serviceRowView } from '../canvas/serviceRows.ts'
import { useCluster } from '../store/clusterStore.ts'
import { Field } from './Field.tsx'

const STATE_TEXT = { ready: 'ready', notready: 'not ready', terminating: 'terminating' }

/** The names a pod's resolver answers for a Service: short, with namespace, fully qualified. */
export function serviceDnsNames(name: string, namespace: string): string[] {
  return [name, `${name}.${namespace}`, `${name}.${namespace}.svc.cluster.local`]
}

/** A Service: type, addresses, ports, its endpoints (ready or not), and its DNS names. */
export function ServiceSummary({ storeKey }: { storeKey: string }) {
  const view = useCluster(useShallow((s) => serviceRowView(s, storeKey)))
  const selectObject = useCluster((s) => s.selectObject)
  if (!view) return null
  const endpoints = parseEndpoints(view.endpoints)
  return (
    <>
      <dl className="describe-grid">
        <Field label="Name">{view.name}</Field>
        <Field label="Namespace">{view.namespace}</Field>
        <Field label="Type">{view.type}</Field>
        <Field label="Cluster IP">{view.clusterIP}</Field>
        <Field label="External IP">{view.externalIP}</Field>
        <Field label="Ports">{view.ports}</Field>
        <Field label="Selector">{view.selector}</Field>
      </dl>
      <h3>Endpoints</h3>
      {endpoints.length === 0 ? (
        <p className="describe-none">&lt;none&gt;</p>
      ) : (
        <ul className="inspector-list">
          {endpoints.map((e) => (
            <li key={`${e.namespace}/${e.pod}`}>
              <button type="button" className="object-link" onClick={() => selectObject(`Pod/${e.namespace}/${e.pod}`)}>
                {e.pod}
              </button>{' '}
              <span className={`endpoint-state endpoint-${e.state}`}>{STATE_TEXT[e.state]}</span>
            </li>
          ))}
        </ul>
      )}
      <h3>DNS names</h3>
      <ul className="inspector-list mono">
        {serviceDnsNames(view.name, view.namespace).map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </>
  )
}
