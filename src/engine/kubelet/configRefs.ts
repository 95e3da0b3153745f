import type { ApiStore } from '../api/store.ts'
import type { Container, KubeObject } from '../api/types.ts'

/**
 * The kubelet's checks that a container's ConfigMaps and Secrets exist before it can
 * build the container's environment (volumes: volumes/volumeManager.ts). Messages are the kubelet's own.
 */

interface KeyRef {
  name: string
  key: string
  optional?: boolean
}

interface ObjectRef {
  name: string
  optional?: boolean
}

interface EnvSource {
  valueFrom?: { configMapKeyRef?: KeyRef; secretKeyRef?: KeyRef }
}

function keysOf(obj: KubeObject): Set<string> {
  return new Set([
    ...Object.keys((obj.data as object | undefined) ?? {}),
    ...Object.keys((obj.binaryData as object | undefined) ?? {}),
    ...Object.keys((obj.stringData as object | undefined) ?? {}),
  ])
}

const KIND = { configmap: 'ConfigMap', secret: 'Secret' } as const

/** Why the container's environment can't be built (CreateContainerConfigError), if it can't. */
export function containerConfigError(container: Container, namespace: string, store: ApiStore): string | undefined {
  const lookup = (kind: keyof typeof KIND, name: string) => store.get(KIND[kind], namespace, name)
  for (const env of (container.env ?? []) as EnvSource[]) {
    for (const [kind, ref] of [
      ['configmap', env.valueFrom?.configMapKeyRef],
      ['secret', env.valueFrom?.secretKeyRef],
    ] as const) {
      if (!ref || ref.optional) continue
      const obj = lookup(kind, ref.name)
      if (!obj) return `${kind} "${ref.name}" not found`
      if (!keysOf(obj).has(ref.key)) return `couldn't find key ${ref.key} in ${KIND[kind]} ${namespace}/${ref.name}`
    }
  }
  const envFrom = (container.envFrom as { configMapRef?: ObjectRef; secretRef?: ObjectRef }[] | undefined) ?? []
  for (const source of envFrom) {
    for (const [kind, ref] of [
      ['configmap', source.configMapRef],
      ['secret', source.secretRef],
    ] as const) {
      if (ref && !ref.optional && !lookup(kind, ref.name)) return `${kind} "${ref.name}" not found`
    }
  }
  return undefined
}
