import { describe, expect, it } from 'vitest'
import type { KubeEvent as Event, Node, Pod } from '../../src/engine/api/types.ts'
import { NETWORK_NOT_READY_ERROR } from '../../src/engine/kubelet/nodeStatus.ts'
import { parseScript } from '../../src/cli/scriptParser.ts'
import { apply, deploymentYaml, kubectl, newSim, podYaml, pods } from '../helpers.ts'

/** A Flannel-like add-on: a host-network DaemonSet that tolerates every NoSchedule taint. */
const flannel = (affinity = '') => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: kube-flannel-ds
  namespace: kube-system
spec:
  selector:
    matchLabels: {app: flannel}
  template:
    metadata:
      labels: {app: flannel}
    spec:
      hostNetwork: true
      tolerations:
      - operator: Exists
        effect: NoSchedule
${affinity}      containers:
      - name: kube-flannel
        image: ghcr.io/flannel-io/flannel:v0.26.7
`

const node = (sim: ReturnType<typeof newSim>, name: string) => sim.store.get<Node>('Node', undefined, name)!
const ready = (sim: ReturnType<typeof newSim>, name: string) => node(sim, name).status.conditions.find((c) => c.type === 'Ready')!
const taints = (sim: ReturnType<typeof newSim>, name: string) => (node(sim, name).spec.taints ?? []).map((t) => `${t.key}:${t.effect}`)

describe('a cluster without a CNI add-on', () => {
  it('registers every node NotReady with the kubelet’s network error', () => {
    const sim = newSim({ cniInstalled: false })
    expect(ready(sim, 'worker-1')).toMatchObject({ status: 'False', reason: 'KubeletNotReady', message: NETWORK_NOT_READY_ERROR })
    expect(NETWORK_NOT_READY_ERROR).toBe(
      'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
    )
    expect(kubectl(sim, 'get nodes')).toBe(
      [
        'NAME            STATUS     ROLES           AGE   VERSION',
        'control-plane   NotReady   control-plane   0s    v1.35.0',
        'worker-1        NotReady   <none>          0s    v1.35.0',
        'worker-2        NotReady   <none>          0s    v1.35.0',
        'worker-3        NotReady   <none>          0s    v1.35.0',
        '',
      ].join('\n'),
    )
  })

  it('taints each node not-ready NoSchedule, and not NoExecute while every node is down (full disruption)', () => {
    const sim = newSim({ cniInstalled: false })
    sim.advance(60_000)
    expect(taints(sim, 'control-plane')).toEqual(['node-role.kubernetes.io/control-plane:NoSchedule', 'node.kubernetes.io/not-ready:NoSchedule'])
    expect(taints(sim, 'worker-2')).toEqual(['node.kubernetes.io/not-ready:NoSchedule'])
    expect(node(sim, 'worker-2').spec.taints![0].timeAdded).toBeUndefined()
  })

  it('keeps ordinary pods Pending with the scheduler’s taint message', () => {
    const sim = newSim({ cniInstalled: false })
    apply(sim, deploymentYaml('web', 2))
    sim.advance(5_000)
    expect(pods(sim).map((p) => p.status.phase)).toEqual(['Pending', 'Pending'])
    const failed = sim.store.list<Event>('Event').find((e) => e.reason === 'FailedScheduling')
    expect(failed?.message).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) had untolerated taint {node.kubernetes.io/not-ready: }. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    )
  })

  it('lets a pod that tolerates the taint schedule, but its kubelet starts no sandbox without a network', () => {
    const sim = newSim({ cniInstalled: false })
    apply(sim, podYaml('tolerant', 'nginx:1.27', '  tolerations:\n  - operator: Exists\n'))
    sim.advance(25_000)
    const pod = sim.store.get<Pod>('Pod', 'default', 'tolerant')!
    expect(pod.spec.nodeName).toBeTruthy()
    expect(pod.status.phase).toBe('Pending')
    expect(pod.status.podIP).toBeUndefined()
    const event = sim.store.list<Event>('Event').find((e) => e.reason === 'NetworkNotReady')
    expect(event).toMatchObject({ type: 'Warning', message: `network is not ready: ${NETWORK_NOT_READY_ERROR}` })
  })

  it('brings nodes Ready one by one as the add-on’s pod starts on each, then the pods schedule', () => {
    const sim = newSim({ cniInstalled: false })
    apply(sim, deploymentYaml('web', 2))
    expect(apply(sim, flannel())).toEqual(['daemonset.apps/kube-flannel-ds created'])
    const readyAt = new Map<string, number>()
    for (let t = 0; t < 30; t++) {
      sim.advance(500)
      for (const n of ['control-plane', 'worker-1', 'worker-2', 'worker-3']) if (!readyAt.has(n) && ready(sim, n).status === 'True') readyAt.set(n, sim.now)
    }
    expect(readyAt.size).toBe(4)
    expect(new Set(readyAt.values()).size).toBeGreaterThan(1)
    expect(ready(sim, 'worker-1')).toMatchObject({ reason: 'KubeletReady', message: 'kubelet is posting ready status' })
    expect(taints(sim, 'worker-1')).toEqual([])
    expect(taints(sim, 'control-plane')).toEqual(['node-role.kubernetes.io/control-plane:NoSchedule'])
    const agent = sim.store.list<Pod>('Pod').find((p) => p.metadata.name.startsWith('kube-flannel-ds') && p.spec.nodeName === 'worker-1')!
    expect(agent.status.podIP).toBe('172.18.0.3')
    expect(pods(sim).filter((p) => p.metadata.labels?.app === 'web').map((p) => p.status.phase)).toEqual(['Running', 'Running'])
    const nodeReady = sim.store.list<Event>('Event').filter((e) => e.reason === 'NodeReady')
    expect(nodeReady.map((e) => e.message).sort()).toEqual([
      'Node control-plane status is now: NodeReady',
      'Node worker-1 status is now: NodeReady',
      'Node worker-2 status is now: NodeReady',
      'Node worker-3 status is now: NodeReady',
    ])
  })

  it('taints a node left without the add-on not-ready NoExecute once the rest of its zone is Ready', () => {
    const sim = newSim({ cniInstalled: false })
    apply(
      sim,
      flannel(`      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
              - {key: kubernetes.io/hostname, operator: NotIn, values: [worker-3]}
`),
    )
    sim.advance(30_000)
    expect(ready(sim, 'worker-2').status).toBe('True')
    expect(ready(sim, 'worker-3').status).toBe('False')
    expect(taints(sim, 'worker-3')).toEqual(['node.kubernetes.io/not-ready:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute'])
    expect(node(sim, 'worker-3').spec.taints![1].timeAdded).toMatch(/^2026-01-05T09:00:\d\dZ$/)
  })

  it('brings a machine that joins later Ready once the add-on’s pod runs on it', () => {
    const sim = newSim({ cniInstalled: false, workers: 1 })
    apply(sim, flannel())
    sim.advance(20_000)
    sim.addMachine({ name: 'worker-2', cpu: '2', memory: '4Gi', maxPods: 110 })
    expect(ready(sim, 'worker-2').status).toBe('False')
    // It joins on a monitor pass of a healthy zone, so NoExecute comes with NoSchedule.
    expect(taints(sim, 'worker-2')).toEqual(['node.kubernetes.io/not-ready:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute'])
    sim.advance(20_000)
    expect(ready(sim, 'worker-2').status).toBe('True')
    expect(taints(sim, 'worker-2')).toEqual([])
  })

  it('is what a scenario script’s `cluster --no-cni` builds', () => {
    expect(parseScript('cluster --no-cni --workers 2\n')[0]).toMatchObject({ kind: 'cluster', spec: { cniInstalled: false, workers: 2 } })
  })

  it('does not change a default cluster: nodes register Ready, untainted', () => {
    const sim = newSim()
    expect(ready(sim, 'worker-1').status).toBe('True')
    expect(taints(sim, 'worker-1')).toEqual([])
  })
})
