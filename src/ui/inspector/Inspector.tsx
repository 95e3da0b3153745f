import type { OwnerReference } from '../../engine/api/types.ts'
import { useCluster } from '../store/clusterStore.ts'
import { useDecision, useEventsFor, usePod } from '../store/selectors.ts'
import { describeTime } from '../format/time.ts'
import { ContainerDetails } from './ContainerDetails.tsx'
import { describeStatus } from './describe.ts'
import { EventsTable } from './EventsTable.tsx'
import { SchedulerDecisionView } from './SchedulerDecisionView.tsx'

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{label}:</dt>
      <dd>{children}</dd>
    </>
  )
}

function controller(refs: OwnerReference[] | undefined): string | undefined {
  const ref = refs?.find((r) => r.controller) ?? refs?.[0]
  return ref ? `${ref.kind}/${ref.name}` : undefined
}

/** `kubectl describe pod`, live, for the selected pod. */
export function Inspector() {
  const key = useCluster((s) => s.selectedPodKey)
  const selectPod = useCluster((s) => s.selectPod)
  const now = useCluster((s) => s.time)
  const pod = usePod(key)
  const events = useEventsFor(pod?.metadata.uid)
  const decision = useDecision(pod?.metadata.uid)
  const name = key?.split('/')[2] ?? ''

  return (
    <aside className="inspector" role="complementary" aria-label="Pod details">
      <div className="panel-bar">
        <h2 className="panel-title">Pod {name}</h2>
        <button type="button" className="btn btn-close" aria-label="Close pod details" onClick={() => selectPod(null)}>
          ×
        </button>
      </div>
      {!pod ? (
        <p className="inspector-gone">Pod {name} no longer exists.</p>
      ) : (
        <div className="inspector-body">
          <dl className="describe-grid">
            <Field label="Name">{pod.metadata.name}</Field>
            <Field label="Namespace">{pod.metadata.namespace ?? 'default'}</Field>
            <Field label="Node">{pod.spec.nodeName ? `${pod.spec.nodeName}/${pod.status.hostIP ?? ''}` : '<none>'}</Field>
            {pod.status.startTime && <Field label="Start Time">{describeTime(pod.status.startTime)}</Field>}
            <Field label="Labels">{Object.entries(pod.metadata.labels ?? {}).map(([k, v]) => `${k}=${v}`).join(', ') || '<none>'}</Field>
            <Field label="Status">{describeStatus(pod)}</Field>
            {pod.status.reason && <Field label="Reason">{pod.status.reason}</Field>}
            {pod.status.message && <Field label="Message">{pod.status.message}</Field>}
            <Field label="IP">{pod.status.podIP ?? ''}</Field>
            {controller(pod.metadata.ownerReferences) && <Field label="Controlled By">{controller(pod.metadata.ownerReferences)}</Field>}
            {pod.status.qosClass && <Field label="QoS Class">{pod.status.qosClass}</Field>}
          </dl>

          <h3>Containers</h3>
          {pod.spec.containers.map((c) => (
            <ContainerDetails key={c.name} container={c} status={pod.status.containerStatuses?.find((s) => s.name === c.name)} />
          ))}

          <h3>Conditions</h3>
          {(pod.status.conditions ?? []).length === 0 ? (
            <p className="describe-none">&lt;none&gt;</p>
          ) : (
            <table className="conditions-table">
              <thead>
                <tr>
                  <th scope="col">Type</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {pod.status.conditions!.map((c) => (
                  <tr key={c.type} title={c.message}>
                    <td>{c.type}</td>
                    <td>{c.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          {decision && (
            <>
              <h3>Scheduling</h3>
              <SchedulerDecisionView decision={decision} />
            </>
          )}

          <h3>Events</h3>
          <EventsTable events={events} now={now} />
        </div>
      )}
    </aside>
  )
}
