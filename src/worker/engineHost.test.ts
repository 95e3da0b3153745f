import { describe, expect, it } from 'vitest'
import type { Pod } from '../engine/api/types.ts'
import { summarizePod } from '../engine/kubectl/podSummary.ts'
import { splitCommandLine as splitArgs } from '../engine/kubectl/args.ts'
import type { PatchBatch } from './protocol.ts'
import { fakeHost, WEB } from './hostTestKit.ts'

/** These tests count the pods and Deployments a batch carries: no metrics-server among them. */
const NO_ADDONS = { metricsServer: false }

const setup = fakeHost

/** Mirrors batches the way the UI store does, acking each one. */
function mirror(batches: PatchBatch[]): Map<string, Record<string, unknown>> {
  const objects = new Map<string, Record<string, unknown>>()
  for (const b of batches) {
    if (b.reset) objects.clear()
    for (const o of b.upserts) objects.set(`${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`, o)
    for (const k of b.deletes) objects.delete(k)
  }
  return objects
}

describe('EngineHost', () => {
  it('sends a reset batch with every object after init', () => {
    const { host, patches } = setup()
    host.handle({ type: 'init', seed: 1, cluster: NO_ADDONS })
    expect(patches()).toHaveLength(1)
    const first = patches()[0]
    expect(first.reset).toBe(true)
    const nodes = first.upserts.filter((o) => o.kind === 'Node').map((o) => o.metadata.name)
    expect(nodes).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-3'])
    expect(first.running).toBe(false)
  })

  it('applies a manifest and replies with kubectl output', () => {
    const { host, messages } = setup()
    host.handle({ type: 'init', seed: 1, cluster: NO_ADDONS })
    host.handle({ type: 'apply', requestId: 7, yaml: WEB, source: 'manifest.yaml' })
    const result = messages.find((m) => m.type === 'applyResult')
    expect(result).toEqual({ type: 'applyResult', requestId: 7, output: ['deployment.apps/web created'], markers: [], failed: false })
    host.handle({ type: 'apply', requestId: 8, yaml: WEB, source: 'manifest.yaml' })
    expect(messages.filter((m) => m.type === 'applyResult').at(-1)).toMatchObject({ requestId: 8, output: ['deployment.apps/web unchanged'] })
  })

  it('reports syntax errors with markers and changes nothing', () => {
    const { host, messages } = setup()
    host.handle({ type: 'init', seed: 1, cluster: NO_ADDONS })
    host.handle({ type: 'apply', requestId: 1, yaml: 'metadata:\n  name: x\n  labels: [', source: 'manifest.yaml' })
    const result = messages.find((m) => m.type === 'applyResult')
    expect(result).toMatchObject({ failed: true, markers: [{ line: 3, severity: 'error' }] })
    expect(result?.type === 'applyResult' && result.output[0]).toMatch(/^error: error parsing manifest\.yaml/)
  })

  it('does not send a batch before the previous one is acked, and coalesces changes', () => {
    const { host, patches } = setup()
    host.handle({ type: 'init', seed: 1, cluster: NO_ADDONS })
    host.handle({ type: 'apply', requestId: 1, yaml: WEB, source: 'manifest.yaml' })
    host.handle({ type: 'step', ms: 30_000 })
    expect(patches()).toHaveLength(1) // still waiting for the ack of the reset batch
    host.handle({ type: 'ack' })
    expect(patches()).toHaveLength(2)
    const second = patches()[1]
    expect(second.reset).toBe(false)
    expect(second.time).toBe(30_000)
    // The three web pods, and kube-system's two CoreDNS pods, all started within the step.
    const pods = second.upserts.filter((o): o is Pod => o.kind === 'Pod')
    expect(pods.filter((p) => p.metadata.namespace === 'default')).toHaveLength(3)
    expect(pods).toHaveLength(5)
    expect(pods.map((p) => summarizePod(p, second.time).status)).toEqual(['Running', 'Running', 'Running', 'Running', 'Running'])
    expect(second.decisions.map((d) => d.podUid).sort()).toEqual(pods.map((p) => p.metadata.uid).sort())
    expect(second.upserts.some((o) => o.kind === 'Deployment')).toBe(true)
    // Nothing new to say: an ack alone sends nothing.
    host.handle({ type: 'ack' })
    expect(patches()).toHaveLength(2)
  })

  it('does not stream node Lease renewals, which the UI never shows', () => {
    const { host, patches } = setup()
    host.handle({ type: 'init', seed: 1, cluster: NO_ADDONS })
    expect(patches()[0].upserts.some((o) => o.kind === 'Lease')).toBe(false)
    host.handle({ type: 'ack' })
    // The first minute starts CoreDNS; after that the cluster is idle.
    host.handle({ type: 'step', ms: 60_000 })
    host.handle({ type: 'ack' })
    host.handle({ type: 'step', ms: 60_000 })
    const idle = patches().at(-1)!
    expect(idle.time).toBe(120_000)
    expect(idle.upserts).toEqual([])
    expect(host.simulation!.store.list('Lease', 'kube-node-lease')).toHaveLength(4)
  })

  it('advances simulated time by real time × speed while running', () => {
    const { host, patches, elapse, timers } = setup()
    host.handle({ type: 'init', seed: 1, cluster: NO_ADDONS })
    host.handle({ type: 'ack' })
    host.handle({ type: 'setRunning', running: true })
    expect(timers.size).toBe(1)
    host.handle({ type: 'ack' })
    host.handle({ type: 'setSpeed', speed: 30 })
    host.handle({ type: 'ack' })
    elapse(50)
    expect(patches().at(-1)).toMatchObject({ time: 1500, running: true, speed: 30 })
    elapse(50) // not acked yet: time moves on but no batch
    expect(patches().at(-1)?.time).toBe(1500)
    host.handle({ type: 'ack' })
    expect(patches().at(-1)?.time).toBe(3000)
    host.handle({ type: 'setRunning', running: false })
    expect(timers.size).toBe(0)
  })

  it('deletes a pod through kubectl and the ReplicaSet replaces it', () => {
    const { host, patches } = setup()
    host.handle({ type: 'init', seed: 1, cluster: NO_ADDONS })
    host.handle({ type: 'apply', requestId: 1, yaml: WEB, source: 'manifest.yaml' })
    host.handle({ type: 'step', ms: 30_000 })
    host.handle({ type: 'ack' })
    const before = [...mirror(patches()).values()].filter((o) => o.kind === 'Pod' && (o as unknown as Pod).metadata.namespace === 'default') as unknown as Pod[]
    const victim = before[0].metadata.name
    host.handle({ type: 'ack' })
    host.handle({ type: 'kubectl', requestId: 2, args: `delete pod ${victim}` })
    host.handle({ type: 'step', ms: 60_000 })
    host.handle({ type: 'ack' })
    const after = [...mirror(patches()).values()].filter((o) => o.kind === 'Pod' && (o as unknown as Pod).metadata.namespace === 'default') as unknown as Pod[]
    expect(after.map((p) => p.metadata.name)).not.toContain(victim)
    expect(after.filter((p) => summarizePod(p, 90_000).status === 'Running')).toHaveLength(3)
    expect(patches().some((b) => b.deletes.includes(`Pod/default/${victim}`))).toBe(true)
  })

  it('runs kubectl commands and answers by request id', () => {
    const { host, messages } = setup()
    host.handle({ type: 'init', seed: 1, cluster: NO_ADDONS })
    host.handle({ type: 'kubectl', requestId: 5, args: 'get pods' })
    const result = messages.find((m) => m.type === 'kubectlResult')
    expect(result).toMatchObject({ type: 'kubectlResult', requestId: 5 })
  })
})

describe('splitCommandLine', () => {
  it('splits on whitespace and honours quotes', () => {
    expect(splitArgs('get pods  -o wide')).toEqual(['get', 'pods', '-o', 'wide'])
    expect(splitArgs(`run x --image=busybox -- sh -c "echo 'hi there'"`)).toEqual(['run', 'x', '--image=busybox', '--', 'sh', '-c', "echo 'hi there'"])
    expect(splitArgs(`label pod a note='a b' empty=""`)).toEqual(['label', 'pod', 'a', 'note=a b', 'empty='])
    expect(splitArgs('   ')).toEqual([])
  })
})

describe("EngineHost: the terminal's get -w and -f manifest.yaml", () => {
  it('streams watch rows as simulated time runs, until stopWatch', () => {
    const { host, messages, elapse } = setup()
    host.handle({ type: 'init', seed: 1, cluster: NO_ADDONS })
    expect(messages.find((m) => m.type === 'vocabulary')).toBeDefined()
    host.handle({ type: 'kubectl', requestId: 7, args: 'get pods -w' })
    expect(messages.find((m) => m.type === 'kubectlResult')).toEqual({ type: 'kubectlResult', requestId: 7, output: '', watching: true, namespace: 'default' })
    host.handle({ type: 'kubectl', requestId: 8, args: 'apply -f manifest.yaml', files: [{ name: 'manifest.yaml', text: WEB }] })
    expect(messages.filter((m) => m.type === 'kubectlResult').at(-1)).toMatchObject({ requestId: 8, output: 'deployment.apps/web created\n', watching: false })
    host.handle({ type: 'setRunning', running: true })
    elapse(5_000)
    const rows = messages.flatMap((m) => (m.type === 'watchOutput' && m.requestId === 7 ? [m.text] : [])).join('')
    expect(rows).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\nweb-/)
    expect(rows).toMatch(/ContainerCreating/)
    host.handle({ type: 'stopWatch' })
    const before = messages.length
    host.handle({ type: 'kubectl', requestId: 9, args: 'scale deploy web --replicas=1' })
    elapse(5_000)
    expect(messages.slice(before).some((m) => m.type === 'watchOutput')).toBe(false)
  })

  it("tells the terminal kubectl's namespace after each command, for completing names", () => {
    const { host, messages } = setup()
    host.handle({ type: 'init', seed: 1, cluster: NO_ADDONS })
    host.handle({ type: 'kubectl', requestId: 1, args: 'config set-context --current --namespace=kube-system' })
    expect(messages.find((m) => m.type === 'kubectlResult')).toMatchObject({ requestId: 1, namespace: 'kube-system' })
  })
})

describe("EngineHost: the inspector's queries and causes", () => {
  it('runs read-only kubectl lines outside the terminal, and refuses writes', () => {
    const { host, messages } = setup()
    host.handle({ type: 'init', seed: 1, cluster: NO_ADDONS })
    host.handle({ type: 'query', requestId: 3, args: 'describe node worker-1' })
    expect(messages.find((m) => m.type === 'queryResult')).toMatchObject({ requestId: 3, output: expect.stringMatching(/^Name: +worker-1\n/) })
    host.handle({ type: 'query', requestId: 4, args: 'delete node worker-1' })
    expect(messages.filter((m) => m.type === 'queryResult').at(-1)).toMatchObject({ requestId: 4, output: expect.stringMatching(/^error: the inspector runs only/) })
  })

  it("streams the watched object's causes when watching starts and when they change", () => {
    const { host, messages, patches } = setup()
    host.handle({ type: 'init', seed: 1, cluster: NO_ADDONS })
    host.handle({ type: 'apply', requestId: 1, yaml: WEB, source: 'manifest.yaml' })
    host.handle({ type: 'ack' })
    const deployment = [...mirror(patches()).values()].find((o) => o.kind === 'Deployment' && (o as unknown as { metadata: { name: string } }).metadata.name === 'web') as { metadata: { uid: string } }
    host.handle({ type: 'watchWhy', uid: deployment.metadata.uid })
    const first = messages.filter((m) => m.type === 'why').at(-1)
    expect(first).toMatchObject({ uid: deployment.metadata.uid, chain: { created: [{ verb: 'create', command: 'kubectl apply -f manifest.yaml' }] } })
    const count = () => messages.filter((m) => m.type === 'why').length
    const sent = count()
    host.handle({ type: 'step', ms: 0 })
    expect(count()).toBe(sent)
    host.handle({ type: 'kubectl', requestId: 2, args: 'scale deploy web --replicas=1' })
    expect(messages.filter((m) => m.type === 'why').at(-1)).toMatchObject({ chain: { changed: [{ verb: 'update', command: 'kubectl scale deploy web --replicas=1' }] } })
    host.handle({ type: 'watchWhy', uid: null })
    const stopped = count()
    host.handle({ type: 'kubectl', requestId: 3, args: 'scale deploy web --replicas=2' })
    expect(count()).toBe(stopped)
  })
})

describe('EngineHost: traffic for the network view', () => {
  it('sends the requests since the last batch and per-pod rates that rise, then fall back to none', () => {
    const { host, messages, patches } = setup()
    const ack = () => host.handle({ type: 'ack' })
    host.handle({ type: 'init', seed: 1, cluster: NO_ADDONS })
    host.handle({ type: 'apply', requestId: 1, yaml: WEB, source: 'manifest.yaml' })
    host.handle({ type: 'kubectl', requestId: 2, args: 'expose deployment web --port=80' })
    host.handle({ type: 'kubectl', requestId: 3, args: 'run client --image=busybox:1.37 -- sleep 3600' })
    ack()
    ack()
    host.handle({ type: 'step', ms: 30_000 })
    ack()
    const before = patches().length
    host.handle({ type: 'kubectl', requestId: 4, args: `exec client -- sh -c 'for i in $(seq 1 20); do curl -s web; done'` })
    expect(messages.filter((m) => m.type === 'kubectlResult').at(-1)).toMatchObject({ requestId: 4 })
    // Nothing but traffic changed, and still a batch comes with the 20 requests.
    const batch = patches().at(-1)!
    expect(patches().length).toBe(before + 1)
    expect(batch.requests).toHaveLength(20)
    const served = batch.requests!.map((r) => r.servedBy)
    expect(served.every((p) => /^default\/web-[a-z0-9]+-[a-z0-9]{5}$/.test(p ?? ''))).toBe(true)
    expect(batch.requests![0].hops.map((h) => h.kind)).toEqual(['client', 'dns', 'service', 'endpoint', 'pod'])
    // Requests of the current second count once it is whole.
    ack()
    host.handle({ type: 'step', ms: 1_000 })
    const rates = patches().at(-1)!.podRates!
    expect(Object.keys(rates).sort()).toEqual([...new Set(served)].sort())
    expect(Object.values(rates).reduce((a, b) => a + b, 0)).toBeCloseTo(20 / 5)
    expect(patches().at(-1)!.requests).toBeUndefined()
    // Unchanged rates are not sent again; after the window they are all gone.
    ack()
    host.handle({ type: 'step', ms: 1_000 })
    expect(patches().at(-1)!.podRates).toBeUndefined()
    ack()
    host.handle({ type: 'step', ms: 10_000 })
    expect(patches().at(-1)!.podRates).toEqual({})
  })
})
