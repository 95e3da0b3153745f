/**
 * What the network view draws, from the mirrored objects: Ingresses, the Services they
 * route to, each Service's EndpointSlices, and the pods those slices point at, with each
 * endpoint's readiness. Pure, so the layout can be tested without a browser.
 */
import type { KubeObject } from '../../engine/api/types.ts'
import type { Ingress, IngressBackend } from '../../engine/network/ingressTypes.ts'
import type { EndpointState } from '../canvas/serviceRows.ts'
import type { ObjectsByKind } from '../store/clusterStore.ts'

export interface NetIngress {
  id: string
  name: string
  namespace: string
  hosts: string[]
  address: string
  /** Services it routes to, `namespace/name`. */
  backends: string[]
}

export interface NetService {
  id: string
  /** `namespace/name`, as traffic hops name it. */
  key: string
  name: string
  namespace: string
  type: string
}

export interface NetEndpoint {
  address: string
  /** The pod behind it, `namespace/name`, if it has one. */
  pod?: string
  state: EndpointState
}

export interface NetSlice {
  id: string
  name: string
  namespace: string
  service: string
  endpoints: NetEndpoint[]
}

export interface NetPod {
  id: string
  key: string
  name: string
  namespace: string
  /** The state of its first endpoint (a pod is ready or not for every Service alike). */
  state: EndpointState
}

export interface NetEdge {
  id: string
  source: string
  target: string
  /** For pod edges: how lit the endpoint is. */
  state?: EndpointState
}

export interface NetworkGraph {
  ingresses: NetIngress[]
  services: NetService[]
  slices: NetSlice[]
  pods: NetPod[]
  edges: NetEdge[]
}

interface Slice extends KubeObject {
  endpoints?: { addresses?: string[]; targetRef?: { kind?: string; name: string; namespace?: string }; conditions?: { ready?: boolean; terminating?: boolean } }[]
}

export const serviceNodeId = (key: string) => `svc:${key}`
export const sliceNodeId = (ns: string, name: string) => `slice:${ns}/${name}`
export const podNodeId = (key: string) => `pod:${key}`
export const ingressNodeId = (ns: string, name: string) => `ing:${ns}/${name}`
export const edgeId = (source: string, target: string) => `${source}->${target}`

const byNsName = (a: KubeObject, b: KubeObject) =>
  (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || a.metadata.name.localeCompare(b.metadata.name)

function endpointState(c: { ready?: boolean; terminating?: boolean } | undefined): EndpointState {
  if (c?.terminating) return 'terminating'
  return c?.ready === false ? 'notready' : 'ready'
}

function backendServices(ing: Ingress): string[] {
  const ns = ing.metadata.namespace ?? 'default'
  const backends: IngressBackend[] = [ing.spec?.defaultBackend ?? {}, ...(ing.spec?.rules ?? []).flatMap((r) => (r.http?.paths ?? []).map((p) => p.backend))]
  const names = backends.flatMap((b) => (b?.service?.name ? [`${ns}/${b.service.name}`] : []))
  return [...new Set(names)]
}

/** The graph for the namespace shown (null: all). */
export function networkGraph(objects: ObjectsByKind, namespace: string | null): NetworkGraph {
  const shown = (o: KubeObject) => namespace === null || o.metadata.namespace === namespace
  const list = (kind: string) => Object.values(objects[kind] ?? {}).filter(shown).sort(byNsName)
  const services: NetService[] = list('Service').map((svc) => {
    const key = `${svc.metadata.namespace}/${svc.metadata.name}`
    return { id: serviceNodeId(key), key, name: svc.metadata.name, namespace: svc.metadata.namespace ?? '', type: ((svc.spec as { type?: string } | undefined)?.type ?? 'ClusterIP') }
  })
  const serviceKeys = new Set(services.map((s) => s.key))
  const edges: NetEdge[] = []

  const ingresses: NetIngress[] = (list('Ingress') as Ingress[]).map((ing) => {
    const id = ingressNodeId(ing.metadata.namespace ?? '', ing.metadata.name)
    const backends = backendServices(ing)
    for (const b of backends) if (serviceKeys.has(b)) edges.push({ id: edgeId(id, serviceNodeId(b)), source: id, target: serviceNodeId(b) })
    const lb = ing.status?.loadBalancer?.ingress ?? []
    return {
      id,
      name: ing.metadata.name,
      namespace: ing.metadata.namespace ?? '',
      hosts: [...new Set((ing.spec?.rules ?? []).map((r) => r.host ?? '*'))],
      address: lb.map((i) => i.ip ?? i.hostname ?? '').filter(Boolean).join(','),
      backends,
    }
  })

  const slices: NetSlice[] = []
  const pods = new Map<string, NetPod>()
  for (const slice of list('EndpointSlice') as Slice[]) {
    const ns = slice.metadata.namespace ?? ''
    const service = `${ns}/${slice.metadata.labels?.['kubernetes.io/service-name'] ?? ''}`
    if (!serviceKeys.has(service)) continue
    const id = sliceNodeId(ns, slice.metadata.name)
    edges.push({ id: edgeId(serviceNodeId(service), id), source: serviceNodeId(service), target: id })
    const endpoints: NetEndpoint[] = (slice.endpoints ?? []).map((e) => {
      const state = endpointState(e.conditions)
      const ref = e.targetRef && (e.targetRef.kind ?? 'Pod') === 'Pod' ? `${e.targetRef.namespace ?? ns}/${e.targetRef.name}` : undefined
      return { address: e.addresses?.[0] ?? '', state, ...(ref ? { pod: ref } : {}) }
    })
    endpoints.sort((a, b) => (a.pod ?? a.address).localeCompare(b.pod ?? b.address))
    for (const e of endpoints) {
      if (!e.pod) continue
      const [podNs, podName] = e.pod.split('/')
      if (!pods.has(e.pod)) pods.set(e.pod, { id: podNodeId(e.pod), key: e.pod, name: podName, namespace: podNs, state: e.state })
      edges.push({ id: edgeId(id, podNodeId(e.pod)), source: id, target: podNodeId(e.pod), state: e.state })
    }
    slices.push({ id, name: slice.metadata.name, namespace: ns, service, endpoints })
  }
  return { ingresses, services, slices, pods: [...pods.values()], edges }
}
