import type { KubeObject, Pod } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import {
  endpointConditions,
  endpointPorts,
  hasEndpointAddress,
  managedSelector,
  MANAGED_BY_LABEL,
  servicesForPodChange,
  SERVICE_NAME_LABEL,
  SLICE_CONTROLLER,
} from '../network/serviceEndpoints.ts'
import { deepEqual } from '../util/deepEqual.ts'
import { ownerReferenceTo } from './ownership.ts'
import { splitKey, WorkQueue } from './workQueue.ts'

/** --max-endpoints-per-slice's default. */
const MAX_ENDPOINTS_PER_SLICE = 100

interface SliceContent {
  ports: { name: string; port: number; protocol: string; appProtocol?: string }[] | null
  endpoints: Record<string, unknown>[]
}

/**
 * The EndpointSlice controller (pkg/controller/endpointslice), keyed by Service: the pods
 * its selector picks, with an IP, become endpoints with ready/serving/terminating
 * conditions, grouped by the ports they serve, at most 100 to a slice. A Service with
 * no such pod keeps one empty placeholder slice. Slices are owned by their Service, so
 * the garbage collector removes them with it.
 */
export class EndpointSliceController {
  private queue: WorkQueue

  constructor(private readonly ctx: EngineContext) {
    this.queue = new WorkQueue(ctx, 'endpointslice-controller', (key) => this.sync(key))
    ctx.store.watch((type, obj, old) => {
      if (obj.kind === 'Service') {
        if (type !== 'DELETED') this.queue.add(`${obj.metadata.namespace}/${obj.metadata.name}`)
        return
      }
      const services = ctx.store.list('Service', obj.metadata.namespace)
      const keys = servicesForPodChange(services, (type === 'DELETED' ? obj : old) as Pod | undefined, type === 'DELETED' ? undefined : (obj as Pod))
      for (const key of keys) this.queue.add(key)
    }, ['Service', 'Pod'])
  }

  private sync(key: string): void {
    const [namespace, name] = splitKey(key)
    const svc = this.ctx.store.get('Service', namespace, name)
    const selector = svc && managedSelector(svc)
    if (!svc || !selector) return
    const desired = this.desiredSlices(svc, selector)
    const existing = this.ctx.store
      .select('EndpointSlice', namespace, { matchLabels: { [SERVICE_NAME_LABEL]: name, [MANAGED_BY_LABEL]: SLICE_CONTROLLER } })
      .filter((s) => s.metadata.ownerReferences?.some((r) => r.uid === svc.metadata.uid))
    desired.forEach((content, i) => {
      const slice = existing[i]
      if (!slice) return void this.ctx.api.create(this.newSlice(svc, content))
      if (deepEqual(slice.ports ?? null, content.ports) && deepEqual(slice.endpoints ?? [], content.endpoints) && deepEqual(slice.metadata.labels, this.labels(svc))) return
      this.ctx.api.update({ ...slice, metadata: { ...slice.metadata, labels: this.labels(svc) }, ports: content.ports, endpoints: content.endpoints } as KubeObject)
    })
    for (const extra of existing.slice(desired.length)) this.ctx.api.delete('EndpointSlice', namespace, extra.metadata.name)
  }

  private desiredSlices(svc: KubeObject, selector: Record<string, string>): SliceContent[] {
    const groups = new Map<string, SliceContent>()
    for (const pod of this.ctx.store.select<Pod>('Pod', svc.metadata.namespace, { matchLabels: selector })) {
      if (!hasEndpointAddress(pod, true)) continue
      const { ports, key } = endpointPorts(svc, pod)
      let group = groups.get(key)
      if (!group) groups.set(key, (group = { ports, endpoints: [] }))
      group.endpoints.push({
        addresses: [pod.status.podIP],
        conditions: endpointConditions(pod, svc),
        nodeName: pod.spec.nodeName,
        targetRef: { kind: 'Pod', name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid },
      })
    }
    const slices: SliceContent[] = []
    for (const group of groups.values()) {
      for (let i = 0; i < group.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) {
        slices.push({ ports: group.ports, endpoints: group.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) })
      }
    }
    // The placeholder: a Service with no endpoints still has one slice, without ports.
    return slices.length ? slices : [{ ports: null, endpoints: [] }]
  }

  private labels(svc: KubeObject): Record<string, string> {
    return { ...(svc.metadata.labels ?? {}), [MANAGED_BY_LABEL]: SLICE_CONTROLLER, [SERVICE_NAME_LABEL]: svc.metadata.name }
  }

  private newSlice(svc: KubeObject, content: SliceContent): KubeObject {
    return {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: '',
        generateName: `${svc.metadata.name}-`,
        namespace: svc.metadata.namespace,
        labels: this.labels(svc),
        ownerReferences: [ownerReferenceTo(svc)],
        uid: '',
        resourceVersion: '',
        creationTimestamp: '',
      },
      addressType: 'IPv4',
      ...(content.ports ? { ports: content.ports } : {}),
      endpoints: content.endpoints,
    } as KubeObject
  }
}
