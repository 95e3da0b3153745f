import { ApiError } from '../api/errors.ts'
import type { Node } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import type { ScheduledTask } from '../eventQueue.ts'
import { NODE_LEASE_NAMESPACE, type Lease } from '../kinds/lease.ts'

/** The kubelet's --node-lease-duration-seconds. */
export const LEASE_DURATION_SECONDS = 40
/** The kubelet renews its lease every quarter of the duration (pkg/kubelet/nodelease renewIntervalFraction). */
export const RENEW_INTERVAL_MS = (LEASE_DURATION_SECONDS * 1000) / 4

/**
 * The kubelet's node lease controller (k8s.io/component-helpers/apimachinery/lease): the
 * node's heartbeat is a Lease in kube-node-lease named after the node, created when the
 * kubelet starts and renewed every 10s while it runs. A stopped kubelet simply stops
 * renewing; the node lifecycle controller notices the silence.
 */
export class NodeLease {
  private timer: ScheduledTask | undefined

  constructor(
    private readonly ctx: EngineContext,
    private readonly nodeName: string,
  ) {}

  /** Renews now, then every RENEW_INTERVAL_MS until stopped. */
  start(): void {
    this.timer?.cancel()
    this.renew()
  }

  stop(): void {
    this.timer?.cancel()
    this.timer = undefined
  }

  private renew(): void {
    try {
      this.ensureRenewed()
    } catch (e) {
      // The namespace is gone or the write raced: the kubelet tries again on its next tick.
      if (!(e instanceof ApiError)) throw e
    }
    this.timer = this.ctx.after(RENEW_INTERVAL_MS, `kubelet ${this.nodeName}: renew lease`, () => this.renew())
  }

  private ensureRenewed(): void {
    const node = this.ctx.store.get<Node>('Node', undefined, this.nodeName)
    // Without its Node (deleted under a running kubelet) the lease would have no owner: wait for re-registration.
    if (!node) return
    const renewTime = this.ctx.clock.microTime()
    const lease = this.ctx.store.get<Lease>('Lease', NODE_LEASE_NAMESPACE, this.nodeName)
    if (lease) {
      this.ctx.api.update<Lease>({ ...lease, spec: { ...lease.spec, holderIdentity: this.nodeName, renewTime } })
      return
    }
    this.ctx.api.create<Lease>({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: {
        name: this.nodeName,
        namespace: NODE_LEASE_NAMESPACE,
        uid: '',
        resourceVersion: '',
        creationTimestamp: '',
        // The Node owns its lease, so deleting the Node collects it.
        ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: this.nodeName, uid: node.metadata.uid }],
      },
      spec: { holderIdentity: this.nodeName, leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime },
    })
  }
}
