import type { Node, Taint } from '../api/types.ts'
import { postedReady } from '../kubelet/nodeStatus.ts'

export interface NodeShape {
  name: string
  cpu: string
  memory: string
  maxPods: number
  controlPlane: boolean
  /** 1-based, for the node's IP and pod CIDR. */
  ordinal: number
  /** What the kubelet's --node-labels add to the labels it sets itself. */
  labels?: Record<string, string>
  /** The kubelet's --register-with-taints. */
  taints?: Taint[]
}

export const KUBERNETES_VERSION = 'v1.35.0'

/**
 * A Node object as a kubeadm-installed kubelet registers it; without a pod network
 * (`networkReady` false, no CNI add-on yet) it registers NotReady.
 */
export function buildNode(shape: NodeShape, now: string, networkReady = true): Node {
  const ready = postedReady(networkReady)
  const taints: Taint[] = [...(shape.controlPlane ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const }] : []), ...(shape.taints ?? [])]
  const capacity = { cpu: shape.cpu, memory: shape.memory, pods: String(shape.maxPods), 'ephemeral-storage': '100Gi' }
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: shape.name,
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': shape.name,
        'kubernetes.io/os': 'linux',
        ...(shape.controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {}),
        ...shape.labels,
      },
      annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
    },
    spec: { podCIDR: `10.244.${shape.ordinal - 1}.0/24`, ...(taints.length ? { taints } : {}) },
    status: {
      capacity,
      allocatable: { ...capacity },
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available', now),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure', now),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available', now),
        cond('Ready', ready.status, ready.reason, ready.message, now),
      ],
      addresses: [
        { type: 'InternalIP', address: nodeAddress(shape.ordinal) },
        { type: 'Hostname', address: shape.name },
      ],
      nodeInfo: {
        architecture: 'amd64',
        bootID: '',
        containerRuntimeVersion: 'containerd://2.1.3',
        kernelVersion: '6.8.0-50-generic',
        kubeProxyVersion: KUBERNETES_VERSION,
        kubeletVersion: KUBERNETES_VERSION,
        machineID: '',
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: '',
      },
      images: [],
    },
  }
}

function cond(type: string, status: 'True' | 'False', reason: string, message: string, now: string) {
  return { type, status, reason, message, lastHeartbeatTime: now, lastTransitionTime: now }
}

/** A machine's address on the cluster network (kind's docker network: 172.18.0.0/16, .1 the gateway). */
export function nodeAddress(ordinal: number): string {
  return `172.18.0.${ordinal + 1}`
}
