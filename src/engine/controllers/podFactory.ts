import type { KubeObject, Pod, PodTemplateSpec } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import { ownerReferenceTo } from './ownership.ts'

/**
 * Creates a pod from a controller's template through the API server: named
 * `<generateName><5 random chars>` (or `name`, for StatefulSets and Indexed Jobs),
 * owned by `owner`. Throws the server's ApiError when the pod is refused (a quota,
 * a terminating namespace).
 */
export function createPodFromTemplate(
  ctx: EngineContext,
  owner: KubeObject,
  template: PodTemplateSpec,
  naming: { generateName: string } | { name: string },
  extra: { labels?: Record<string, string>; annotations?: Record<string, string>; spec?: Partial<Pod['spec']>; finalizers?: string[] } = {},
): Pod {
  // Built field by field, in one order, so every pod's metadata has the same shape.
  const metadata: Pod['metadata'] = {
    name: 'name' in naming ? naming.name : '',
    namespace: owner.metadata.namespace ?? 'default',
    uid: '',
    resourceVersion: '',
    creationTimestamp: '',
    labels: extra.labels ? { ...template.metadata?.labels, ...extra.labels } : { ...template.metadata?.labels },
    ownerReferences: [ownerReferenceTo(owner)],
  }
  if ('generateName' in naming) metadata.generateName = naming.generateName
  const annotations = template.metadata?.annotations || extra.annotations ? { ...template.metadata?.annotations, ...extra.annotations } : undefined
  if (annotations && Object.keys(annotations).length > 0) metadata.annotations = annotations
  if (extra.finalizers) metadata.finalizers = extra.finalizers
  const spec = structuredClone(template.spec)
  if (extra.spec) Object.assign(spec, extra.spec)
  const pod: Pod = { apiVersion: 'v1', kind: 'Pod', metadata, spec, status: { phase: 'Pending' } }
  return ctx.api.create(pod)
}

/** The event a controller records when the API server refuses its pod (FailedCreate). */
export function failedCreateMessage(error: Error): string {
  return `Error creating: ${error.message}`
}
