import type { OwnerReference, Pod } from '../../engine/api/types.ts'
import { describeTime } from '../format/time.ts'
import { ContainerDetails } from './ContainerDetails.tsx'
import { describeStatus } from './describe.ts'
import { Field } from './Field.tsx'

function controller(refs: OwnerReference[] | undefined): string | undefined {
  const ref = refs?.find((r) => r.controller) ?? refs?.[0]
  return ref ? `${ref.kind}/${ref.name}` : undefined
}

/** The pod at a glance: where it runs, its status, its containers and conditions. */
export function PodSummary({ pod }: { pod: Pod }) {
  return (
    <>
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

      {(pod.spec.initContainers ?? []).length > 0 && (
        <>
          <h3>Init Containers</h3>
          {pod.spec.initContainers!.map((c) => (
            <ContainerDetails key={c.name} container={c} status={pod.status.initContainerStatuses?.find((s) => s.name === c.name)} />
          ))}
        </>
      )}

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
    </>
  )
}
