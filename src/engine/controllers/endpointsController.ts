import { ApiError } from '../api/errors.ts'
import type { KubeObject, Pod } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import { ipToNumber } from '../network/serviceAllocations.ts'
import { endpointConditions, endpointPorts, hasEndpointAddress, managedSelector, servicesForPodChange } from '../network/serviceEndpoints.ts'
import { deepEqual } from '../util/deepEqual.ts'
import { splitKey, WorkQueue } from './workQueue.ts'

/** An Endpoints object holds at most 1000 addresses (maxCapacity); the rest are dropped. */
const MAX_ADDRESSES = 1000

interface Address {
  ip: string
  nodeName?: string
  targetRef: { kind: 'Pod'; name: string; namespace?: string; uid: string }
}

interface Subset {
  addresses?: Address[]
  notReadyAddresses?: Address[]
  ports?: { name?: string; port: number; protocol: string; appProtocol?: string }[]
}

const byIP = (a: Address, b: Address) => (ipToNumber(a.ip) ?? 0) - (ipToNumber(b.ip) ?? 0)

/**
 * The endpoints controller (pkg/controller/endpoint), keyed by Service: the legacy v1
 * Endpoints object named after the Service, its ready pods under `addresses` and the
 * rest under `notReadyAddresses`, one subset per set of ports (RepackSubsets), sorted by
 * IP. Terminating pods are left out. Services without a selector keep the Endpoints
 * written by hand; the Endpoints of a deleted Service go with it.
 */
export class EndpointsController {
  private queue: WorkQueue

  constructor(private readonly ctx: EngineContext) {
    this.queue = new WorkQueue(ctx, 'endpoint-controller', (key) => this.sync(key))
    ctx.store.watch((type, obj, old) => {
      if (obj.kind === 'Service') return this.queue.add(`${obj.metadata.namespace}/${obj.metadata.name}`)
      const services = ctx.store.list('Service', obj.metadata.namespace)
      for (const key of servicesForPodChange(services, (type === 'DELETED' ? obj : old) as Pod | undefined, type === 'DELETED' ? undefined : (obj as Pod))) this.queue.add(key)
    }, ['Service', 'Pod'])
  }

  private sync(key: string): void {
    const [namespace, name] = splitKey(key)
    const svc = this.ctx.store.get('Service', namespace, name)
    const current = this.ctx.store.get('Endpoints', namespace, name)
    if (!svc) {
      if (current) this.deleteIgnoringNotFound(namespace, name)
      return
    }
    const selector = managedSelector(svc)
    if (!selector) return
    const subsets = this.subsets(svc, selector)
    const labels = svc.metadata.labels
    if (!current) {
      this.ctx.api.create({
        apiVersion: 'v1',
        kind: 'Endpoints',
        metadata: { name, namespace, ...(labels ? { labels } : {}), uid: '', resourceVersion: '', creationTimestamp: '' },
        ...(subsets.length ? { subsets } : {}),
      } as KubeObject)
      return
    }
    if (deepEqual(current.subsets ?? [], subsets) && deepEqual(current.metadata.labels, labels)) return
    const next = { ...current, metadata: { ...current.metadata, labels } } as KubeObject
    if (subsets.length) next.subsets = subsets
    else delete next.subsets
    this.ctx.api.update(next)
  }

  private subsets(svc: KubeObject, selector: Record<string, string>): Subset[] {
    const groups = new Map<string, Subset>()
    let count = 0
    for (const pod of this.ctx.store.select<Pod>('Pod', svc.metadata.namespace, { matchLabels: selector })) {
      if (!hasEndpointAddress(pod, false) || count >= MAX_ADDRESSES) continue
      count++
      const { ports, key } = endpointPorts(svc, pod)
      let subset = groups.get(key)
      if (!subset) groups.set(key, (subset = ports.length ? { ports: ports.map(({ name, ...rest }) => (name ? { name, ...rest } : rest)) } : {}))
      const address: Address = {
        ip: pod.status.podIP!,
        ...(pod.spec.nodeName ? { nodeName: pod.spec.nodeName } : {}),
        targetRef: { kind: 'Pod', name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid },
      }
      const list = endpointConditions(pod, svc).ready ? (subset.addresses ??= []) : (subset.notReadyAddresses ??= [])
      list.push(address)
    }
    const subsets = [...groups.values()]
    for (const s of subsets) {
      s.addresses?.sort(byIP)
      s.notReadyAddresses?.sort(byIP)
    }
    return subsets
  }

  private deleteIgnoringNotFound(namespace: string, name: string): void {
    try {
      this.ctx.api.delete('Endpoints', namespace, name)
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
    }
  }
}
