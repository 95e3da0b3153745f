import type { ServiceSpec } from '../admission/serviceDefaults.ts'
import type { KubeObject } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import { splitKey, WorkQueue } from './workQueue.ts'

const SOURCE = { component: 'service-controller' }
/** How long the simulated cloud takes to provision a load balancer. */
const PROVISION_MS = 5_000
/** The simulated cloud's addresses (TEST-NET-3, which stands for public IPs in documentation). */
const POOL_PREFIX = '203.0.113.'
const POOL_FIRST = 10
const POOL_LAST = 250

interface LoadBalancerStatus {
  loadBalancer?: { ingress?: { ip: string; ipMode?: string }[] }
}

const ingressOf = (svc: KubeObject) => (svc.status as LoadBalancerStatus | undefined)?.loadBalancer?.ingress ?? []

/**
 * The cloud controller manager's service controller, for a cluster that has a cloud:
 * a LoadBalancer Service gets an external IP from the cloud's pool a few seconds after
 * it asks (`EnsuringLoadBalancer`, then `EnsuredLoadBalancer`), and gives it back when
 * it changes type or goes. Without one (bare metal), EXTERNAL-IP stays `<pending>`.
 */
export class ServiceLoadBalancerController {
  private queue: WorkQueue
  /** IP → `namespace/name` of the Service holding it. */
  private held = new Map<string, string>()
  /** Services whose balancer is being provisioned. */
  private provisioning = new Set<string>()

  constructor(private readonly ctx: EngineContext) {
    this.queue = new WorkQueue(ctx, 'service-controller', (key) => this.sync(key))
    ctx.store.watch((type, obj) => {
      const key = `${obj.metadata.namespace}/${obj.metadata.name}`
      if (type === 'DELETED') return this.release(key)
      const wantsBalancer = ((obj.spec ?? {}) as ServiceSpec).type === 'LoadBalancer'
      if (wantsBalancer !== ingressOf(obj).length > 0) this.queue.add(key)
    }, ['Service'])
  }

  private sync(key: string): void {
    const [namespace, name] = splitKey(key)
    const svc = this.ctx.store.get('Service', namespace, name)
    if (!svc) return
    const wantsBalancer = ((svc.spec ?? {}) as ServiceSpec).type === 'LoadBalancer'
    const has = ingressOf(svc).length > 0
    if (wantsBalancer && !has && !this.provisioning.has(key)) {
      this.provisioning.add(key)
      this.ctx.recorder.normal(svc, SOURCE, 'EnsuringLoadBalancer', 'Ensuring load balancer')
      this.ctx.after(PROVISION_MS, `service-controller: provision ${key}`, () => this.provision(key))
    } else if (!wantsBalancer && has) {
      this.ctx.recorder.normal(svc, SOURCE, 'DeletingLoadBalancer', 'Deleting load balancer')
      this.release(key)
      this.ctx.api.updateStatus(svc, { ...(svc.status as object), loadBalancer: {} })
      this.ctx.recorder.normal(svc, SOURCE, 'DeletedLoadBalancer', 'Deleted load balancer')
    }
  }

  private provision(key: string): void {
    this.provisioning.delete(key)
    const [namespace, name] = splitKey(key)
    const svc = this.ctx.store.get('Service', namespace, name)
    if (!svc || ((svc.spec ?? {}) as ServiceSpec).type !== 'LoadBalancer' || ingressOf(svc).length > 0) return
    const ip = this.freeIP()
    if (!ip) {
      this.ctx.recorder.warning(svc, SOURCE, 'SyncLoadBalancerFailed', 'Error syncing load balancer: failed to ensure load balancer: no addresses left in the pool')
      return
    }
    this.held.set(ip, key)
    this.ctx.api.updateStatus(svc, { ...(svc.status as object), loadBalancer: { ingress: [{ ip, ipMode: 'VIP' }] } })
    this.ctx.recorder.normal(svc, SOURCE, 'EnsuredLoadBalancer', 'Ensured load balancer')
  }

  private freeIP(): string | undefined {
    for (let n = POOL_FIRST; n <= POOL_LAST; n++) if (!this.held.has(POOL_PREFIX + n)) return POOL_PREFIX + n
    return undefined
  }

  private release(key: string): void {
    for (const [ip, holder] of this.held) if (holder === key) this.held.delete(ip)
  }
}
