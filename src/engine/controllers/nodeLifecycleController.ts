import type { KubeObject, Node, Pod, Taint } from '../api/types.ts'
import { parseSimTime } from '../clock.ts'
import type { EngineContext } from '../context.ts'
import { leaseRenewedAt, NODE_LEASE_NAMESPACE, type Lease } from '../kinds/lease.ts'
import { RENEW_INTERVAL_MS } from '../kubelet/nodeLease.ts'
import { WorkQueue } from './workQueue.ts'
import { LARGE_CLUSTER_SIZE_THRESHOLD, zoneKey, zoneStates } from './zoneDisruption.ts'

/** --node-monitor-period: the controller looks at node health on this tick. */
const MONITOR_PERIOD_MS = 5_000
/** --node-monitor-grace-period (50s since v1.32). */
export const NODE_MONITOR_GRACE_MS = 50_000

export const UNREACHABLE_TAINT_KEY = 'node.kubernetes.io/unreachable'
export const NOT_READY_TAINT_KEY = 'node.kubernetes.io/not-ready'
/** The taints this controller derives from the Ready condition; it owns them and nothing else. */
const CONDITION_TAINT_KEYS = new Set([UNREACHABLE_TAINT_KEY, NOT_READY_TAINT_KEY])
const SOURCE = { component: 'node-controller' }
/** nodeConditionToTaintKeyStatusMap's pressure conditions: True puts a NoSchedule taint on the node (TaintNodesByCondition). */
const PRESSURE_TAINT_KEYS: Record<string, string> = {
  MemoryPressure: 'node.kubernetes.io/memory-pressure',
  DiskPressure: 'node.kubernetes.io/disk-pressure',
  PIDPressure: 'node.kubernetes.io/pid-pressure',
}
const PRESSURE_KEYS = new Set(Object.values(PRESSURE_TAINT_KEYS))

/** The pressure conditions a node reports True, as one comparable string. */
function pressureOf(node: KubeObject | undefined): string {
  const conditions = (node as Node | undefined)?.status?.conditions ?? []
  return conditions.filter((c) => PRESSURE_TAINT_KEYS[c.type] && c.status === 'True').map((c) => c.type).join(',')
}

function readyCondition(node: KubeObject | undefined) {
  return (node as Node | undefined)?.status?.conditions?.find((c) => c.type === 'Ready')
}

function hasConditionTaint(node: Node): boolean {
  return (node.spec.taints ?? []).some((t) => CONDITION_TAINT_KEYS.has(t.key))
}

/**
 * The node lifecycle controller (pkg/controller/nodelifecycle), keyed by node name. A
 * node is healthy while its kubelet renews its Lease (or posts status); once nothing was
 * heard for the grace period its conditions turn Unknown, it gets the `unreachable`
 * NoSchedule and NoExecute taints, and its pods are marked not ready. When the kubelet
 * posts Ready again the taints come off. A kubelet that posts Ready=False (no pod
 * network yet) gets the `not-ready` NoSchedule taint at once, and the NoExecute one on a
 * monitor pass unless its zone is disrupted. Evicting pods for the NoExecute taint is the
 * taint eviction controller's job.
 *
 * Cheap by construction: a lease renewal only asks for one check at the time the node
 * would become stale, and the work queue keeps one waiting check per node.
 */
export class NodeLifecycleController {
  private queue: WorkQueue

  constructor(private readonly ctx: EngineContext) {
    this.queue = new WorkQueue(ctx, 'node-lifecycle-controller', (key) => this.sync(key))
    ctx.store.watch((type, obj, old) => {
      if (type === 'DELETED') return
      if (obj.kind === 'Lease' && obj.metadata.namespace === NODE_LEASE_NAMESPACE) {
        const renewed = leaseRenewedAt(obj)
        if (renewed !== undefined) {
          this.queue.addAfter(obj.metadata.name, this.staleAt(renewed) - ctx.clock.now)
          // Worth a countdown once a renewal is overdue: the node turns NotReady at the stale check unless one comes.
          ctx.countdowns.set({ kind: 'notReady', object: `Node//${obj.metadata.name}`, atMs: this.staleAt(renewed), fromMs: renewed + RENEW_INTERVAL_MS + 1_000 })
        }
      } else if (obj.kind === 'Node' && (type === 'ADDED' || readyCondition(obj)?.status !== readyCondition(old)?.status || pressureOf(obj) !== pressureOf(old))) {
        this.queue.add(obj.metadata.name)
      }
    }, ['Lease', 'Node'])
  }

  /** The monitor tick at which a node last heard from at `heardAt` is past the grace period. */
  private staleAt(heardAt: number): number {
    return Math.ceil((heardAt + NODE_MONITOR_GRACE_MS) / MONITOR_PERIOD_MS) * MONITOR_PERIOD_MS
  }

  private sync(nodeName: string): void {
    const node = this.ctx.store.get<Node>('Node', undefined, nodeName)
    if (!node) return
    const ready = readyCondition(node)
    const heardAt = this.lastHeard(node)
    const now = this.ctx.clock.now
    this.taintPressure(node)
    if (now >= this.staleAt(heardAt)) {
      if (ready?.status !== 'Unknown') this.markUnknown(node, heardAt)
      return
    }
    if (ready?.status === 'True' && hasConditionTaint(node)) this.setConditionTaints(nodeName, [])
    if (ready?.status === 'False') {
      this.taintNotReady(node)
      // The next monitor pass looks at the NoExecute taint again, as zones change.
      this.queue.addAfter(nodeName, (Math.floor(now / MONITOR_PERIOD_MS) + 1) * MONITOR_PERIOD_MS - now)
    }
    this.queue.addAfter(nodeName, this.staleAt(heardAt) - now)
  }

  /** The last sign of life: the lease's renew time or the kubelet's status heartbeat, else the node's creation. */
  private lastHeard(node: Node): number {
    const renewed = leaseRenewedAt(this.ctx.store.get<Lease>('Lease', NODE_LEASE_NAMESPACE, node.metadata.name))
    const heartbeat = parseSimTime(readyCondition(node)?.lastHeartbeatTime ?? '')
    const created = parseSimTime(node.metadata.creationTimestamp)
    return Math.max(...[renewed, heartbeat, created].filter((t): t is number => t !== undefined && Number.isFinite(t)), 0)
  }

  private markUnknown(node: Node, heardAt: number): void {
    const nodeName = node.metadata.name
    const now = this.ctx.clock.rfc3339()
    const unknown = { status: 'Unknown' as const, reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' }
    const conditions = (node.status?.conditions ?? []).map((c) => ({
      ...c,
      ...unknown,
      lastHeartbeatTime: this.ctx.clock.rfc3339(heardAt),
      lastTransitionTime: c.status === 'Unknown' ? c.lastTransitionTime : now,
    }))
    // A node whose kubelet never posted status gets the conditions it never reported.
    for (const type of ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure']) {
      if (conditions.some((c) => c.type === type)) continue
      conditions.push({
        type,
        status: 'Unknown',
        reason: 'NodeStatusNeverUpdated',
        message: 'Kubelet never posted node status.',
        lastHeartbeatTime: node.metadata.creationTimestamp,
        lastTransitionTime: now,
      })
    }
    this.ctx.api.updateStatus(node, { ...node.status, conditions })
    this.setConditionTaints(nodeName, [
      { key: UNREACHABLE_TAINT_KEY, effect: 'NoSchedule', timeAdded: now },
      { key: UNREACHABLE_TAINT_KEY, effect: 'NoExecute', timeAdded: now },
    ])
    this.ctx.recorder.normal(node, SOURCE, 'NodeNotReady', `Node ${nodeName} status is now: NodeNotReady`)
    this.ctx.countdowns.clear(`Node//${nodeName}`, 'notReady')
    for (const pod of this.ctx.store.podsOn<Pod>(nodeName)) this.markPodNotReady(pod, now)
  }

  /**
   * Ready=False: `not-ready` NoSchedule (doNoScheduleTaintingPass, no time added) and, on a
   * monitor pass, NoExecute (doNoExecuteTaintingPass). When every zone is fully disrupted
   * the controller lifts NoExecute taints and stops adding them; a partly disrupted zone
   * in a small cluster gets none added either.
   */
  private taintNotReady(node: Node): void {
    const now = this.ctx.clock.now
    const current = (node.spec.taints ?? []).filter((t) => CONDITION_TAINT_KEYS.has(t.key))
    const existingNoExecute = current.find((t) => t.key === NOT_READY_TAINT_KEY && t.effect === 'NoExecute')
    let noExecute = existingNoExecute
    if (now % MONITOR_PERIOD_MS === 0) {
      const nodes = this.ctx.store.list<Node>('Node')
      const states = zoneStates(nodes)
      const zone = states.get(zoneKey(node))
      if ([...states.values()].every((s) => s === 'FullDisruption')) noExecute = undefined
      else if (zone !== 'PartialDisruption' || nodes.filter((n) => zoneKey(n) === zoneKey(node)).length > LARGE_CLUSTER_SIZE_THRESHOLD) {
        noExecute ??= { key: NOT_READY_TAINT_KEY, effect: 'NoExecute', timeAdded: this.ctx.clock.rfc3339() }
      }
    }
    this.setConditionTaints(node.metadata.name, [{ key: NOT_READY_TAINT_KEY, effect: 'NoSchedule' }, ...(noExecute ? [noExecute] : [])])
  }

  /**
   * Replaces the node's condition taints (`not-ready`, `unreachable`) with `taints`: none
   * when the kubelet reports Ready. A taint already there keeps its place and time added.
   */
  private setConditionTaints(nodeName: string, taints: Taint[]): void {
    this.ctx.api.mutate<Node>('Node', undefined, nodeName, (draft) => {
      const current = draft.spec.taints ?? []
      const same = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect
      const kept = current.filter((t) => !CONDITION_TAINT_KEYS.has(t.key) || taints.some((w) => same(w, t)))
      const added = taints.filter((w) => !current.some((t) => same(w, t)))
      if (kept.length === current.length && added.length === 0) return false
      draft.spec.taints = [...kept, ...added]
      if (draft.spec.taints.length === 0) delete draft.spec.taints
    })
  }

  /**
   * doNoScheduleTaintingPass for the pressure conditions: `memory-pressure`, `disk-pressure`
   * and `pid-pressure` NoSchedule taints while the kubelet reports them True (with no time
   * added: only NoExecute taints keep one).
   */
  private taintPressure(node: Node): void {
    const wanted = new Set(node.status.conditions.filter((c) => PRESSURE_TAINT_KEYS[c.type] && c.status === 'True').map((c) => PRESSURE_TAINT_KEYS[c.type]))
    const has = (t: Taint[], key: string) => t.some((x) => x.key === key && x.effect === 'NoSchedule')
    const present = (node.spec.taints ?? []).filter((t) => PRESSURE_KEYS.has(t.key) && t.effect === 'NoSchedule')
    if (present.length === wanted.size && [...wanted].every((key) => has(present, key))) return
    this.ctx.api.mutate<Node>('Node', undefined, node.metadata.name, (draft) => {
      const current = draft.spec.taints ?? []
      const kept = current.filter((t) => !PRESSURE_KEYS.has(t.key) || t.effect !== 'NoSchedule' || wanted.has(t.key))
      const added = [...wanted].filter((key) => !has(current, key)).map((key) => ({ key, effect: 'NoSchedule' as const }))
      if (kept.length === current.length && added.length === 0) return false
      draft.spec.taints = [...kept, ...added]
      if (draft.spec.taints.length === 0) delete draft.spec.taints
    })
  }

  /** MarkPodsNotReady: the pod's containers may still run, but nothing vouches for them. */
  private markPodNotReady(pod: Pod, now: string): void {
    // Only a Ready pod changes (UpdatePodCondition reports no change otherwise), and only it gets the event.
    if (pod.status.conditions?.find((c) => c.type === 'Ready')?.status !== 'True') return
    const conditions = (pod.status.conditions ?? []).map((c) =>
      c.type === 'Ready' || c.type === 'ContainersReady' ? { ...c, status: 'False' as const, lastTransitionTime: now } : c,
    )
    const containerStatuses = pod.status.containerStatuses?.map((cs) => ({ ...cs, ready: false }))
    this.ctx.api.updateStatus(pod, { ...pod.status, conditions, ...(containerStatuses ? { containerStatuses } : {}) })
    this.ctx.recorder.warning(pod, SOURCE, 'NodeNotReady', 'Node is not ready')
  }
}
