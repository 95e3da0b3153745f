/**
 * What the Services card lists: each Service with the numbers `kubectl get svc` prints
 * (taken from the kind's own table, so the card and kubectl agree) and its endpoints
 * from the EndpointSlices, each a pod that is ready (gets traffic), not ready, or
 * terminating.
 */
import type { KubeObject } from '../../engine/api/types.ts'
import { serviceKind } from '../../engine/kinds/service.ts'
import type { ClusterState } from '../store/clusterStore.ts'
import { inShownNamespace } from '../store/selectors.ts'

export type EndpointState = 'ready' | 'notready' | 'terminating'

export interface EndpointView {
  pod: string
  namespace: string
  state: EndpointState
}

export interface ServiceRowView {
  name: string
  namespace: string
  type: string
  clusterIP: string
  externalIP: string
  ports: string
  /** Whether it has a selector (endpoints kept by the controllers) or not (written by hand). */
  selector: string
  /** Endpoints as `pod:state` joined by spaces, flat so a selector can compare it. */
  endpoints: string
  label: string
}

interface Slice extends KubeObject {
  endpoints?: { targetRef?: { name: string; namespace?: string }; conditions?: { ready?: boolean; terminating?: boolean } }[]
}

/** Store keys of the Services the canvas shows, in namespace and name order. */
export function serviceKeys(s: ClusterState): string[] {
  return Object.keys(s.objects.Service ?? {})
    .filter((k) => inShownNamespace(s, k))
    .sort()
}

function endpointState(e: NonNullable<Slice['endpoints']>[number]): EndpointState {
  if (e.conditions?.terminating) return 'terminating'
  return e.conditions?.ready === false ? 'notready' : 'ready'
}

/** The endpoints of a Service, from its EndpointSlices, in pod-name order. */
function endpointsOf(s: ClusterState, svc: KubeObject): EndpointView[] {
  const out: EndpointView[] = []
  for (const slice of Object.values(s.objects.EndpointSlice ?? {}) as Slice[]) {
    if (slice.metadata.namespace !== svc.metadata.namespace || slice.metadata.labels?.['kubernetes.io/service-name'] !== svc.metadata.name) continue
    for (const e of slice.endpoints ?? []) {
      if (e.targetRef?.name) out.push({ pod: e.targetRef.name, namespace: e.targetRef.namespace ?? '', state: endpointState(e) })
    }
  }
  return out.sort((a, b) => a.pod.localeCompare(b.pod))
}

export function parseEndpoints(flat: string): EndpointView[] {
  if (!flat) return []
  return flat.split(' ').map((item) => {
    const [namespace, pod, state] = item.split(':')
    return { namespace, pod, state: state as EndpointState }
  })
}

export function serviceRowView(s: ClusterState, key: string): ServiceRowView | null {
  const svc = s.objects.Service?.[key]
  if (!svc) return null
  const table = serviceKind.table!
  const row = table.row(svc, 0)
  const cells = Object.fromEntries(table.columns.map((c, i) => [c, row[i]]))
  const selector = table.wideRow(svc, 0)[0]
  const endpoints = endpointsOf(s, svc)
  const ready = endpoints.filter((e) => e.state === 'ready').length
  const where = svc.metadata.namespace === 'default' ? '' : ` (namespace ${svc.metadata.namespace})`
  const external = cells['EXTERNAL-IP'] === '<none>' ? '' : `, external ${cells['EXTERNAL-IP']}`
  const serving = selector === '<none>' ? 'no selector' : `${ready} of ${endpoints.length} endpoints ready`
  return {
    name: svc.metadata.name,
    namespace: svc.metadata.namespace ?? '',
    type: cells.TYPE,
    clusterIP: cells['CLUSTER-IP'],
    externalIP: cells['EXTERNAL-IP'],
    ports: cells['PORT(S)'],
    selector,
    endpoints: endpoints.map((e) => `${e.namespace}:${e.pod}:${e.state}`).join(' '),
    label: `Service ${svc.metadata.name}${where}: ${cells.TYPE} ${cells['CLUSTER-IP']}${external}, ports ${cells['PORT(S)']}, ${serving}`,
  }
}
