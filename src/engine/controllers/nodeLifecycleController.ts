import type { Node, Pod, Taint } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import { tolerates } from '../scheduler/plugins/taintToleration.ts'

/** The kubelet renews its lease this often (nodeLeaseDurationSeconds / 4). */
export const HEARTBEAT_MS = 10_000
/** --node-monitor-period. */
const MONITOR_PERIOD_MS = 5_000
/** --node-monitor-grace-period (50s since v1.32). */
const GRACE_MS = 50_000

const UNREACHABLE = 'node.kubernetes.io/unreachable'
const SOURCE = { component: 'node-controller' }

/**
 * The node lifecycle controller and the taint-eviction controller: a node whose kubelet
 * stops reporting turns Unknown after the grace period, gets the `unreachable` taints,
 * its pods are marked not ready, and pods not tolerating the NoExecute taint are
 * evicted once their tolerationSeconds (300s by default) run out.
 */
export class NodeLifecycleController {
  private silentSince = new Map<string, number>()

  constructor(private readonly ctx: EngineContext) {}

  /** The kubelet on `nodeName` stopped at the current instant. */
  kubeletStopped(nodeName: string): void {
    const now = this.ctx.clock.now
    const lastHeartbeat = Math.floor(now / HEARTBEAT_MS) * HEARTBEAT_MS
    this.silentSince.set(nodeName, lastHeartbeat)
    const detectAt = Math.ceil((lastHeartbeat + GRACE_MS) / MONITOR_PERIOD_MS) * MONITOR_PERIOD_MS
    this.ctx.after(Math.max(0, detectAt - now), `node-lifecycle: ${nodeName} missed heartbeats`, () => {
      if (this.silentSince.get(nodeName) === lastHeartbeat) this.markUnknown(nodeName, lastHeartbeat)
    })
  }

  /** The kubelet on `nodeName` is back and reports Ready. */
  kubeletStarted(nodeName: string): void {
    this.silentSince.delete(nodeName)
    const node = this.ctx.store.get<Node>('Node', undefined, nodeName)
    if (!node) return
    const now = this.ctx.clock.rfc3339()
    const healthy: Record<string, [string, string, string]> = {
      MemoryPressure: ['False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
      DiskPressure: ['False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
      PIDPressure: ['False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
      Ready: ['True', 'KubeletReady', 'kubelet is posting ready status'],
    }
    const conditions = node.status.conditions.map((c) => {
      const [status, reason, message] = healthy[c.type] ?? [c.status, c.reason, c.message]
      return { ...c, status: status as 'True' | 'False', reason, message, lastHeartbeatTime: now, lastTransitionTime: c.status === status ? c.lastTransitionTime : now }
    })
    const updated = this.ctx.api.updateStatus(node, { ...node.status, conditions })
    this.setUnreachableTaints(updated, [])
    this.ctx.recorder.normal(node, { component: 'kubelet', host: nodeName }, 'NodeReady', `Node ${nodeName} status is now: NodeReady`)
  }

  private markUnknown(nodeName: string, lastHeartbeat: number): void {
    const node = this.ctx.store.get<Node>('Node', undefined, nodeName)
    if (!node) return
    const now = this.ctx.clock.rfc3339()
    const conditions = node.status.conditions.map((c) => ({
      ...c,
      status: 'Unknown' as const,
      reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.',
      lastHeartbeatTime: this.ctx.clock.rfc3339(lastHeartbeat),
      lastTransitionTime: now,
    }))
    const taints: Taint[] = [
      { key: UNREACHABLE, effect: 'NoSchedule', timeAdded: now },
      { key: UNREACHABLE, effect: 'NoExecute', timeAdded: now },
    ]
    const updated = this.ctx.api.updateStatus(node, { ...node.status, conditions })
    this.setUnreachableTaints(updated, taints)
    this.ctx.recorder.normal(node, SOURCE, 'NodeNotReady', `Node ${nodeName} status is now: NodeNotReady`)

    for (const pod of this.ctx.store.podsOn<Pod>(nodeName)) {
      this.markPodNotReady(pod, now)
      this.scheduleEviction(pod, nodeName, taints[1])
    }
  }

  /** Replaces the node's `unreachable` taints with `taints` (none, when the kubelet is back). */
  private setUnreachableTaints(node: Node, taints: Taint[]): void {
    this.ctx.api.mutate<Node>('Node', undefined, node.metadata.name, (draft) => {
      const others = (draft.spec.taints ?? []).filter((t) => t.key !== UNREACHABLE)
      if (others.length === (draft.spec.taints ?? []).length && taints.length === 0) return false
      draft.spec.taints = [...others, ...taints]
      if (draft.spec.taints.length === 0) delete draft.spec.taints
    })
  }

  private markPodNotReady(pod: Pod, now: string): void {
    const conditions = (pod.status.conditions ?? []).map((c) =>
      c.type === 'Ready' || c.type === 'ContainersReady' ? { ...c, status: 'False' as const, lastTransitionTime: now } : c,
    )
    const containerStatuses = pod.status.containerStatuses?.map((cs) => ({ ...cs, ready: false }))
    this.ctx.api.updateStatus(pod, { ...pod.status, conditions, ...(containerStatuses ? { containerStatuses } : {}) })
    this.ctx.recorder.warning(pod, SOURCE, 'NodeNotReady', 'Node is not ready')
  }

  private scheduleEviction(pod: Pod, nodeName: string, taint: Taint): void {
    const toleration = (pod.spec.tolerations ?? []).find((t) => tolerates(t, taint))
    if (toleration && toleration.tolerationSeconds === undefined) return // tolerates forever
    const delayMs = (toleration?.tolerationSeconds ?? 0) * 1000
    const { namespace, name, uid } = pod.metadata
    this.ctx.after(delayMs, `taint-eviction: ${namespace}/${name}`, () => {
      const current = this.ctx.store.get<Pod>('Pod', namespace, name)
      if (!current || current.metadata.uid !== uid || !this.silentSince.has(nodeName)) return
      this.ctx.recorder.normal(current, { component: 'taint-eviction-controller' }, 'TaintManagerEviction', `Marking for deletion Pod ${namespace}/${name}`)
      this.ctx.api.delete('Pod', namespace, name, { uid })
    })
  }
}
