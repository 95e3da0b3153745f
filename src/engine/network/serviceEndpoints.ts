import type { ServicePort, ServiceSpec } from '../admission/serviceDefaults.ts'
import type { KubeObject, Pod } from '../api/types.ts'
import { isPodReady } from '../controllers/podReadiness.ts'

/** A Service's selector, or undefined when its endpoints are not managed (no selector, or ExternalName). */
export function managedSelector(svc: KubeObject): Record<string, string> | undefined {
  const spec = (svc.spec ?? {}) as ServiceSpec
  if (spec.type === 'ExternalName' || !spec.selector || Object.keys(spec.selector).length === 0) return undefined
  return spec.selector
}

export function selectsPod(selector: Record<string, string>, pod: Pod): boolean {
  const labels = pod.metadata.labels ?? {}
  for (const k in selector) if (labels[k] !== selector[k]) return false
  return true
}

/**
 * The pod's number for a Service port (podutil.FindPort): a number as is, a name
 * looked up among the pod's container ports; undefined when no container names it.
 */
export function resolveTargetPort(port: ServicePort, pod: Pod): number | undefined {
  const target = port.targetPort ?? port.port
  if (typeof target === 'number') return target
  for (const c of pod.spec.containers) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === (port.protocol ?? 'TCP')) return p.containerPort
  }
  return undefined
}

/** A pod that can be an endpoint at all: it has an IP and has not finished (ShouldPodBeInEndpoints). */
export function hasEndpointAddress(pod: Pod, includeTerminating: boolean): boolean {
  if (!pod.status.podIP) return false
  if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') return false
  return includeTerminating || !pod.metadata.deletionTimestamp
}

export interface EndpointConditions {
  ready: boolean
  serving: boolean
  terminating: boolean
}

/** ready: serving and not terminating; with publishNotReadyAddresses every address is ready. */
export function endpointConditions(pod: Pod, svc: KubeObject): EndpointConditions {
  const publish = !!((svc.spec ?? {}) as ServiceSpec).publishNotReadyAddresses
  const terminating = !!pod.metadata.deletionTimestamp
  const serving = publish || isPodReady(pod)
  return { ready: publish || (serving && !terminating), serving, terminating }
}

/** The endpoint's ports, one per Service port the pod can serve, and a key grouping pods that serve the same. */
export function endpointPorts(svc: KubeObject, pod: Pod): { ports: { name: string; port: number; protocol: string; appProtocol?: string }[]; key: string } {
  const ports: { name: string; port: number; protocol: string; appProtocol?: string }[] = []
  for (const p of ((svc.spec ?? {}) as ServiceSpec).ports ?? []) {
    const number = resolveTargetPort(p, pod)
    if (number === undefined) continue
    ports.push({ name: p.name ?? '', port: number, protocol: p.protocol ?? 'TCP', ...(typeof p.appProtocol === 'string' ? { appProtocol: p.appProtocol } : {}) })
  }
  return { ports, key: ports.map((p) => `${p.name}/${p.protocol}/${p.port}`).join(',') }
}

/** Whether a pod change can change any Service's endpoints (so unrelated status writes cost nothing). */
export function endpointRelevantChange(before: Pod | undefined, after: Pod | undefined): boolean {
  if (!before || !after) return true
  return (
    before.metadata.labels !== after.metadata.labels ||
    before.status.podIP !== after.status.podIP ||
    before.status.phase !== after.status.phase ||
    before.spec.nodeName !== after.spec.nodeName ||
    before.metadata.deletionTimestamp !== after.metadata.deletionTimestamp ||
    isPodReady(before) !== isPodReady(after)
  )
}

/** `kubernetes.io/service-name`, the label that ties an EndpointSlice to its Service. */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name'
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by'
export const SLICE_CONTROLLER = 'endpointslice-controller.k8s.io'

/**
 * Keys of the Services whose endpoints a pod change may touch: those in its namespace
 * whose selector picks the pod before or after the change.
 */
export function servicesForPodChange(services: readonly KubeObject[], before: Pod | undefined, after: Pod | undefined): string[] {
  if (!endpointRelevantChange(before, after)) return []
  const keys: string[] = []
  for (const svc of services) {
    const selector = managedSelector(svc)
    if (!selector) continue
    if ((after && selectsPod(selector, after)) || (before && selectsPod(selector, before))) keys.push(`${svc.metadata.namespace}/${svc.metadata.name}`)
  }
  return keys
}
