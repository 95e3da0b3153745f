import type { Container, Pod } from '../api/types.ts'
import { KubectlError } from './resolve.ts'

/** kubectl's podcmd: which container `logs` and `exec` talk to when -c is not given. */

const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container'

/** `a, b, c (init)`: regular containers, then init containers, as AllContainerNames lists them. */
export function allContainerNames(pod: Pod): string {
  return [...pod.spec.containers.map((c) => c.name), ...(pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`)].join(', ')
}

export function findContainer(pod: Pod, name: string): Container | undefined {
  return pod.spec.containers.find((c) => c.name === name) ?? pod.spec.initContainers?.find((c) => c.name === name)
}

/**
 * The container named by -c, else the default-container annotation, else the first one;
 * `notice` is the `Defaulted container` line kubectl writes to stderr when it picked the
 * first of several.
 */
export function chooseContainer(pod: Pod, requested: string | undefined): { container: Container; notice?: string } {
  const name = requested || pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION]
  if (name) {
    const container = findContainer(pod, name)
    if (!container) throw new KubectlError(`error: container ${name} is not valid for pod ${pod.metadata.name} out of: ${allContainerNames(pod)}`)
    return { container }
  }
  const container = pod.spec.containers[0]
  if (!container) throw new KubectlError(`error: pod ${pod.metadata.namespace}/${pod.metadata.name} does not have any containers`)
  const several = pod.spec.containers.length > 1 || (pod.spec.initContainers ?? []).length > 0
  return { container, notice: several ? `Defaulted container "${container.name}" out of: ${allContainerNames(pod)}` : undefined }
}
