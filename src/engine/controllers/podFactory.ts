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
  const annotations = { ...(template.metadata?.annotations ?? {}), ...(extra.annotations ?? {}) }
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...('name' in naming ? { name: naming.name } : { name: '', generateName: naming.generateName }),
      namespace: owner.metadata.namespace ?? 'default',
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      labels: { ...(template.metadata?.labels ?? {}), ...(extra.labels ?? {}) },
      ...(Object.keys(annotations).length ? { annotations } : {}),
      ownerReferences: [ownerReferenceTo(owner)],
      ...(extra.finalizers ? { finalizers: extra.finalizers } : {}),
    },
    spec: extra.spec ? { ...structuredClone(template.spec), ...extra.spec } : structuredClone(template.spec),
    status: { phase: 'Pending' },
  }
  return ctx.api.create(pod)
}

/** The event a controller records when the API server refuses its pod (FailedCreate). */
export function failedCreateMessage(error: Error): string {
  return `Error creating: ${error.message}`
}
