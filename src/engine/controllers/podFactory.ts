import type { KubeObject, Pod, PodTemplateSpec } from '../api/types.ts'
import { admitPod, defaultPodSpec, initialPodStatus } from '../admission/podDefaults.ts'
import type { EngineContext } from '../context.ts'
import { NAME_ALPHABET } from '../rng.ts'
import { ownerReferenceTo } from './ownership.ts'

/** Creates a pod from a controller's template, named `<prefix><5 random chars>`. */
export function createPodFromTemplate(ctx: EngineContext, owner: KubeObject, template: PodTemplateSpec, generateName: string): Pod {
  const namespace = owner.metadata.namespace ?? 'default'
  let name: string
  do name = generateName + ctx.rng.string(NAME_ALPHABET, 5)
  while (ctx.store.get('Pod', namespace, name))
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      generateName,
      namespace,
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      labels: { ...(template.metadata?.labels ?? {}) },
      ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
      ownerReferences: [ownerReferenceTo(owner)],
    },
    spec: structuredClone(template.spec),
    status: { phase: 'Pending' },
  }
  defaultPodSpec(pod.spec)
  admitPod(pod.spec, ctx.rng.string(NAME_ALPHABET, 5))
  initialPodStatus(pod)
  return ctx.store.create(pod)
}
