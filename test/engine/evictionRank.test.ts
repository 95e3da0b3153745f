import { describe, expect, it } from 'vitest'
import type { Pod } from '../../src/engine/api/types.ts'
import { memoryEvictionMessage, podMemoryRequest, rankMemoryPressure, type PodMemoryStats } from '../../src/engine/kubelet/evictionRank.ts'

const MI = 2 ** 20

/** A pod whose one container `main` requests `request` (none when undefined), at `priority`, using `usedMi`. */
function stats(name: string, usedMi: number, request?: string, priority?: number): PodMemoryStats {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: name, resourceVersion: '', creationTimestamp: '' },
    spec: { containers: [{ name: 'main', image: 'nginx', ...(request ? { resources: { requests: { memory: request } } } : {}) }], ...(priority !== undefined ? { priority } : {}) },
    status: {},
  } as unknown as Pod
  return { pod, containers: [{ name: 'main', workingSetBytes: usedMi * MI }], workingSetBytes: usedMi * MI }
}

const order = (pods: PodMemoryStats[]) => rankMemoryPressure(pods).map((s) => s.pod.metadata.name)

describe('rankMemoryPressure', () => {
  it('puts pods over their requests first: BestEffort ones, then Burstable over, then pods within their requests', () => {
    const guaranteed = stats('guaranteed', 900, '1Gi')
    const under = stats('burstable-under', 100, '512Mi')
    const over = stats('burstable-over', 300, '128Mi')
    const bestEffort = stats('best-effort', 400)
    expect(order([guaranteed, under, over, bestEffort])).toEqual(['best-effort', 'burstable-over', 'guaranteed', 'burstable-under'])
  })

  it('within those over their requests, evicts lower priority first, then the largest use above requests', () => {
    const small = stats('small', 50)
    const big = stats('big', 700)
    const important = stats('important', 2000, undefined, 1000)
    const burstable = stats('burstable', 900, '100Mi')
    // 800Mi above requests beats 700Mi: a Burstable pod can go before a BestEffort one.
    expect(order([small, important, big, burstable])).toEqual(['burstable', 'big', 'small', 'important'])
  })

  it('ranks pods within their requests by priority, then by how far below requests they are', () => {
    const nearlyFull = stats('nearly-full', 500, '512Mi')
    const idle = stats('idle', 10, '512Mi')
    const critical = stats('critical', 10, '1Gi', 2_000_000_000)
    expect(order([critical, idle, nearlyFull])).toEqual(['nearly-full', 'idle', 'critical'])
  })

  it('takes the larger of app containers summed and an init container as the pod request', () => {
    const pod = stats('p', 1, '100Mi').pod
    pod.spec.initContainers = [{ name: 'init', image: 'busybox', resources: { requests: { memory: '300Mi' } } }]
    expect(podMemoryRequest(pod)).toBe(300 * MI)
    pod.spec.initContainers = [{ name: 'side', image: 'busybox', restartPolicy: 'Always', resources: { requests: { memory: '50Mi' } } }]
    expect(podMemoryRequest(pod)).toBe(150 * MI)
  })
})

describe('the eviction message', () => {
  it("names the threshold, what was available and each container over its request, every sentence ending in '. '", () => {
    expect(memoryEvictionMessage(stats('web', 120.5, '64Mi'), 100 * MI, 91264 * 1024)).toBe(
      'The node was low on resource: memory. Threshold quantity: 100Mi, available: 91264Ki. Container main was using 123392Ki, request is 64Mi, has larger consumption of memory. ',
    )
    expect(memoryEvictionMessage(stats('be', 2), 100 * MI, 50 * MI)).toBe(
      'The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi. Container main was using 2Mi, request is 0, has larger consumption of memory. ',
    )
    // A container within its request is not named.
    expect(memoryEvictionMessage(stats('ok', 10, '0.5Gi'), 100 * MI, 99 * MI)).toBe('The node was low on resource: memory. Threshold quantity: 100Mi, available: 99Mi. ')
  })
})
