import type { KubeObject, Node } from '../../engine/api/types.ts'
import { describeTime } from '../format/time.ts'
import { useCluster } from '../store/clusterStore.ts'
import { Field } from './Field.tsx'

interface Scalable {
  spec?: { replicas?: number }
  status?: { replicas?: number; readyReplicas?: number; availableReplicas?: number; updatedReplicas?: number }
}

function labelsText(labels: Record<string, string> | undefined): string {
  return Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`).join(', ') || '<none>'
}

/** Any object: identity, labels, owner, and the few numbers its kind is about. */
export function ObjectSummary({ obj }: { obj: KubeObject }) {
  const selectObject = useCluster((s) => s.selectObject)
  const meta = obj.metadata
  const owner = meta.ownerReferences?.find((r) => r.controller) ?? meta.ownerReferences?.[0]
  const scalable = obj as KubeObject & Scalable
  const node = obj.kind === 'Node' ? (obj as Node) : undefined
  return (
    <dl className="describe-grid">
      <Field label="Kind">{obj.kind}</Field>
      <Field label="Name">{meta.name}</Field>
      {meta.namespace && <Field label="Namespace">{meta.namespace}</Field>}
      <Field label="Created">{describeTime(meta.creationTimestamp)}</Field>
      <Field label="Labels">{labelsText(meta.labels)}</Field>
      {owner && (
        <Field label="Controlled By">
          <button type="button" className="object-link" onClick={() => selectObject(`${owner.kind}/${meta.namespace ?? ''}/${owner.name}`)}>
            {owner.kind}/{owner.name}
          </button>
        </Field>
      )}
      {typeof scalable.spec?.replicas === 'number' && (
        <Field label="Replicas">
          {scalable.spec.replicas} desired | {scalable.status?.updatedReplicas ?? 0} updated | {scalable.status?.replicas ?? 0} total | {scalable.status?.readyReplicas ?? 0} ready
        </Field>
      )}
      {node && (
        <>
          <Field label="Status">{node.status.conditions?.find((c) => c.type === 'Ready')?.status === 'True' ? 'Ready' : 'NotReady'}</Field>
          <Field label="Internal IP">{node.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? '<none>'}</Field>
          <Field label="Allocatable">
            cpu {node.status.allocatable.cpu}, memory {node.status.allocatable.memory}, pods {node.status.allocatable.pods}
          </Field>
          <Field label="Taints">{(node.spec.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`).join(', ') || '<none>'}</Field>
          <Field label="Unschedulable">{node.spec.unschedulable ? 'true' : 'false'}</Field>
        </>
      )}
    </dl>
  )
}
