import type { Node } from '../api/types.ts'

/** What a healthy kubelet reports for each node condition (pkg/kubelet/nodestatus setters). */
const HEALTHY: Record<string, { status: 'True' | 'False'; reason: string; message: string }> = {
  MemoryPressure: { status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
  DiskPressure: { status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
  PIDPressure: { status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
  Ready: { status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
}

export function isNodeReady(node: Node | undefined): boolean {
  return node?.status.conditions.find((c) => c.type === 'Ready')?.status === 'True'
}

/** The node's conditions as a healthy kubelet posts them at `now`: heartbeat now, transition time kept unless the status changes. */
export function healthyConditions(node: Node, now: string): Node['status']['conditions'] {
  return node.status.conditions.map((c) => {
    const healthy = HEALTHY[c.type]
    if (!healthy) return { ...c, lastHeartbeatTime: now }
    return { ...c, ...healthy, lastHeartbeatTime: now, lastTransitionTime: c.status === healthy.status ? c.lastTransitionTime : now }
  })
}
