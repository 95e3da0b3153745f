import type { Node } from '../api/types.ts'

type PostedCondition = { status: 'True' | 'False'; reason: string; message: string }

/** What a healthy kubelet reports for each node condition (pkg/kubelet/nodestatus setters). */
const HEALTHY: Record<string, PostedCondition> = {
  MemoryPressure: { status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
  DiskPressure: { status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
  PIDPressure: { status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
  Ready: { status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
}

/** What the eviction manager's MemoryPressure reads when memory.available is below its threshold. */
const MEMORY_PRESSURE: PostedCondition = { status: 'True', reason: 'KubeletHasInsufficientMemory', message: 'kubelet has insufficient memory available' }

/** The MemoryPressure condition the kubelet posts (nodestatus.MemoryPressureCondition). */
export function memoryPressureCondition(pressure: boolean): PostedCondition {
  return pressure ? MEMORY_PRESSURE : HEALTHY.MemoryPressure
}

/**
 * The runtime's NetworkReady condition while no CNI configuration is installed, as the
 * kubelet words it (updateRuntimeUp: "container runtime network not ready: %v" around
 * containerd's RuntimeCondition.String()).
 */
export const NETWORK_NOT_READY_ERROR =
  'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized'

/** The ReadyCondition setter with the runtime network down: KubeletNotReady and the aggregated error. */
const NOT_READY: PostedCondition = { status: 'False', reason: 'KubeletNotReady', message: NETWORK_NOT_READY_ERROR }

export function isNodeReady(node: Node | undefined): boolean {
  return node?.status.conditions.find((c) => c.type === 'Ready')?.status === 'True'
}

/** The Ready condition this kubelet would post: Ready, or KubeletNotReady while the pod network is missing. */
export function postedReady(networkReady: boolean): PostedCondition {
  return networkReady ? HEALTHY.Ready : NOT_READY
}

/**
 * The node's conditions as the kubelet posts them at `now` (healthy but for the pod network
 * when `networkReady` is false, and memory under pressure when the eviction manager says so):
 * heartbeat now, transition time kept unless the status changes.
 */
export function healthyConditions(node: Node, now: string, networkReady = true, memoryPressure = false): Node['status']['conditions'] {
  return node.status.conditions.map((c) => {
    const posted = c.type === 'Ready' ? postedReady(networkReady) : c.type === 'MemoryPressure' ? memoryPressureCondition(memoryPressure) : HEALTHY[c.type]
    if (!posted) return { ...c, lastHeartbeatTime: now }
    return { ...c, ...posted, lastHeartbeatTime: now, lastTransitionTime: c.status === posted.status ? c.lastTransitionTime : now }
  })
}
