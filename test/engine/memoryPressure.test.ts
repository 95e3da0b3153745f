import { describe, expect, it } from 'vitest'
import type { Node, Pod } from '../../src/engine/api/types.ts'
import { apply, kubectl, newSim } from '../helpers.ts'

/** A pod pinned to worker-1 that uses `memory` (and grows by `growth` a minute), with `resources` YAML for its container. */
const pinned = (name: string, memory: string, growth: string, resources = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  annotations:
    sim.kubesim.dev/memory: "${memory}"
    sim.kubesim.dev/memory-growth: "${growth}"
spec:
  nodeName: worker-1
  containers:
  - name: main
    image: nginx:1.27
${resources}
---
`

const requests = (memory: string) => `    resources:
      requests:
        memory: ${memory}
`
const guaranteed = (memory: string) => `    resources:
      requests:
        memory: ${memory}
        cpu: 100m
      limits:
        memory: ${memory}
        cpu: 100m
`

const pod = (sim: ReturnType<typeof newSim>, name: string) => sim.store.get<Pod>('Pod', 'default', name)!
const memoryPressure = (sim: ReturnType<typeof newSim>) => sim.store.get<Node>('Node', undefined, 'worker-1')!.status.conditions.find((c) => c.type === 'MemoryPressure')!

describe('node memory pressure', () => {
  it('reports MemoryPressure and evicts BestEffort first, then Burstable over its requests, never Guaranteed', () => {
    const sim = newSim()
    apply(
      sim,
      pinned('best-effort', '3Gi', '200Mi') +
        pinned('burstable-over', '1Gi', '200Mi', requests('512Mi')) +
        pinned('burstable-under', '1Gi', '0', requests('2Gi')) +
        pinned('guaranteed', '1800Mi', '0', guaranteed('2Gi')),
    )
    sim.advance(10_000)
    expect(memoryPressure(sim).status).toBe('False')
    // 8Gi − 380Mi (the node's own) − 6920Mi leaves 892Mi: 400Mi a minute takes it under 100Mi in about two minutes.
    sim.advance(150_000)
    expect(memoryPressure(sim)).toMatchObject({ status: 'True', reason: 'KubeletHasInsufficientMemory', message: 'kubelet has insufficient memory available' })
    expect(pod(sim, 'best-effort').status).toMatchObject({ phase: 'Failed', reason: 'Evicted' })
    expect(pod(sim, 'best-effort').status.message).toMatch(
      /^The node was low on resource: memory\. Threshold quantity: 100Mi, available: \d+Ki\. Container main was using \d+Ki, request is 0, has larger consumption of memory\. $/,
    )
    expect(pod(sim, 'burstable-over').status.phase).toBe('Running')
    // kubectl's STATUS starts from status.reason but a terminated container's reason wins: nginx left on SIGTERM.
    expect(kubectl(sim, 'get pod best-effort')).toMatch(/best-effort +0\/1 +Completed +0 /)
    expect(kubectl(sim, 'describe pod best-effort')).toMatch(/Status: +Failed\nReason: +Evicted\nMessage: +The node was low on resource: memory\./)
    const taints = sim.store.get<Node>('Node', undefined, 'worker-1')!.spec.taints ?? []
    expect(taints).toContainEqual({ key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' })
    const events = kubectl(sim, 'get events --field-selector involvedObject.name=worker-1')
    expect(events).toMatch(/Warning +EvictionThresholdMet +node\/worker-1 +Attempting to reclaim memory/)
    expect(events).toMatch(/Normal +NodeHasInsufficientMemory +node\/worker-1 +Node worker-1 status is now: NodeHasInsufficientMemory/)

    // Freed 3Gi: burstable-over grows past its requests until memory runs short again.
    sim.advance(20 * 60_000)
    expect(pod(sim, 'burstable-over').status).toMatchObject({ phase: 'Failed', reason: 'Evicted' })
    expect(pod(sim, 'burstable-over').status.message).toMatch(/Container main was using \d+Ki, request is 512Mi, has larger consumption of memory\. $/)
    expect(pod(sim, 'burstable-under').status.phase).toBe('Running')
    expect(pod(sim, 'guaranteed').status.phase).toBe('Running')

    // Five minutes after the threshold was last met the condition and its taint go.
    sim.advance(6 * 60_000)
    expect(memoryPressure(sim)).toMatchObject({ status: 'False', reason: 'KubeletHasSufficientMemory' })
    expect(sim.store.get<Node>('Node', undefined, 'worker-1')!.spec.taints ?? []).not.toContainEqual({ key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' })
  })

  it('replaces an evicted ReplicaSet pod; the taint keeps it off the node, and the kubelet rejects BestEffort pods sent there', () => {
    const sim = newSim()
    apply(
      sim,
      `apiVersion: apps/v1
kind: Deployment
metadata:
  name: hog
spec:
  replicas: 1
  selector:
    matchLabels: {app: hog}
  template:
    metadata:
      labels: {app: hog}
      annotations:
        sim.kubesim.dev/memory: "6Gi"
        sim.kubesim.dev/memory-growth: "1Gi"
    spec:
      nodeSelector:
        kubernetes.io/hostname: worker-1
      containers:
      - name: main
        image: nginx:1.27
`,
    )
    sim.advance(120_000)
    const hogs = () => sim.store.list<Pod>('Pod').filter((p) => p.metadata.labels?.app === 'hog')
    expect(hogs().map((p) => p.status.phase).sort()).toEqual(['Failed', 'Pending'])
    const replacement = hogs().find((p) => p.status.phase === 'Pending')!
    expect(replacement.spec.nodeName).toBeUndefined()
    expect(kubectl(sim, 'get events --field-selector reason=FailedScheduling')).toContain(
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) had untolerated taint {node.kubernetes.io/memory-pressure: }, 2 node(s) didn't match Pod's node affinity/selector.",
    )
    apply(sim, pinned('sent-there', '10Mi', '0'))
    expect(pod(sim, 'sent-there').status).toEqual({ phase: 'Failed', reason: 'Evicted', message: 'Pod was rejected: The node had condition: [MemoryPressure]. ', qosClass: 'BestEffort' })
    // Five minutes without pressure: the taint goes and the replacement starts on worker-1.
    sim.advance(6 * 60_000)
    expect(memoryPressure(sim).status).toBe('False')
    expect(sim.store.get<Pod>('Pod', 'default', replacement.metadata.name)!.spec.nodeName).toBe('worker-1')
  })

  it('counts a medium: Memory emptyDir against the container limit (OOMKilled) and against the node (eviction)', () => {
    const tmpfsPod = (name: string, count: number, limit: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  nodeName: worker-1
  containers:
  - name: main
    image: busybox:1.36
    command: ["sh", "-c", "dd if=/dev/zero of=/cache/fill bs=1M count=${count}; sleep 3600"]
${limit}    volumeMounts:
    - name: cache
      mountPath: /cache
  volumes:
  - name: cache
    emptyDir:
      medium: Memory
`
    const sim = newSim()
    apply(sim, tmpfsPod('limited', 200, '    resources:\n      limits:\n        memory: 128Mi\n'))
    sim.advance(5_000)
    expect(pod(sim, 'limited').status.containerStatuses![0].lastState.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' })

    apply(sim, tmpfsPod('filler', 7600, ''))
    sim.advance(5_000)
    // 8Gi − 380Mi (the node's own) − 200Mi (limited's emptyDir) − 7600Mi leaves about 10Mi.
    expect(sim.kubelets.get('worker-1')!.volumes.memoryBackedEmptyDirBytes(pod(sim, 'filler'))).toBe(7600 * 2 ** 20)
    sim.advance(10_000)
    expect(pod(sim, 'filler').status).toMatchObject({ phase: 'Failed', reason: 'Evicted' })
    // tmpfs pages are charged to the container that wrote them: dd's 7600Mi plus the shell's 1Mi.
    expect(pod(sim, 'filler').status.message).toMatch(/^The node was low on resource: memory\. Threshold quantity: 100Mi, available: 11Mi\. Container main was using 7601Mi, request is 0, has larger consumption of memory\. $/)
  })
})
