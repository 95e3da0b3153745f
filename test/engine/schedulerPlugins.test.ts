import { describe, expect, it } from 'vitest'
import type { KubeEvent, Pod } from '../../src/engine/api/types.ts'
import { brokenLinear, resourceScorer } from '../../src/engine/scheduler/plugins/resourceScoring.ts'
import { normalizedImageName } from '../../src/engine/scheduler/plugins/imageLocality.ts'
import { DEFAULT_PROFILE, DEFAULT_RESOURCES } from '../../src/engine/scheduler/profile.ts'
import { apply, kubectl, newSim, pods, podYaml } from '../helpers.ts'

const GI = 1024 ** 3
const decisionOf = (sim: ReturnType<typeof newSim>, name: string) => sim.scheduler.decisions.get(sim.store.get<Pod>('Pod', 'default', name)!.metadata.uid)!
const nodeOf = (sim: ReturnType<typeof newSim>, name: string) => sim.store.get<Pod>('Pod', 'default', name)!.spec.nodeName
const failed = (sim: ReturnType<typeof newSim>, name: string) =>
  sim.store.list<KubeEvent>('Event').filter((e) => e.reason === 'FailedScheduling' && e.involvedObject.name === name).map((e) => e.message)

const labelled = (name: string, labels: string, extra = '') => podYaml(name, 'nginx:1.27', extra).replace(`name: ${name}\n`, `name: ${name}\n  labels: {${labels}}\n`)

describe('NodeResourcesFit scoring strategies', () => {
  // 1 of 4 cpu and 2 of 8Gi requested: 25% and 25% used.
  const requested = [1000, 2 * GI]
  const allocatable = [4000, 8 * GI]
  it('LeastAllocated scores the free share, MostAllocated the used share', () => {
    expect(resourceScorer({ type: 'LeastAllocated', resources: DEFAULT_RESOURCES })(requested, allocatable)).toBe(75)
    expect(resourceScorer({ type: 'MostAllocated', resources: DEFAULT_RESOURCES })(requested, allocatable)).toBe(25)
    // Resource weights: cpu 3 (75) and memory 1 (50 free of 4Gi used) → (225 + 50) / 4 = 68.
    expect(resourceScorer({ type: 'LeastAllocated', resources: [{ name: 'cpu', weight: 3 }, { name: 'memory', weight: 1 }] })([1000, 4 * GI], allocatable)).toBe(68)
  })
  it('RequestedToCapacityRatio follows its shape, scaled from 0..10 to 0..100', () => {
    const packing = { type: 'RequestedToCapacityRatio' as const, resources: DEFAULT_RESOURCES, requestedToCapacityRatio: { shape: [{ utilization: 0, score: 0 }, { utilization: 100, score: 10 }] } }
    expect(resourceScorer(packing)(requested, allocatable)).toBe(25)
    expect(brokenLinear([{ utilization: 0, score: 100 }, { utilization: 50, score: 0 }])(10)).toBe(80)
    expect(brokenLinear([{ utilization: 10, score: 30 }])(5)).toBe(30)
    // The default shape spreads: 25% used scores 75.
    expect(resourceScorer({ type: 'RequestedToCapacityRatio', resources: DEFAULT_RESOURCES })(requested, allocatable)).toBe(75)
  })
  it('a MostAllocated profile packs pods onto one node', () => {
    const sim = newSim({ workers: 3, cpu: '4', memory: '8Gi' })
    sim.scheduler.setProfile({ ...DEFAULT_PROFILE, scoringStrategy: { type: 'MostAllocated', resources: DEFAULT_RESOURCES }, disabled: ['NodeResourcesBalancedAllocation'] })
    for (const n of ['a', 'b', 'c']) apply(sim, podYaml(n, 'nginx:1.27', '    resources:\n      requests:\n        cpu: "1"\n'))
    sim.advance(5000)
    expect(new Set(['a', 'b', 'c'].map((n) => nodeOf(sim, n))).size).toBe(1)
    expect(decisionOf(sim, 'c').nodes.find((v) => v.scores)?.scores).not.toHaveProperty('NodeResourcesBalancedAllocation')
  })
})

describe('extended resources', () => {
  it('a pod asking for a resource no node has stays Pending with Insufficient NAME', () => {
    const sim = newSim({ workers: 2 })
    apply(sim, podYaml('d', 'nginx:1.27', '    resources:\n      limits:\n        example.com/dongle: "1"\n'))
    sim.advance(5000)
    expect(nodeOf(sim, 'd')).toBeUndefined()
    expect(failed(sim, 'd')[0]).toContain('2 Insufficient example.com/dongle.')
  })
})

describe('ImageLocality', () => {
  it('normalises an untagged image to :latest, as node status names it', () => {
    expect(normalizedImageName('nginx')).toBe('nginx:latest')
    expect(normalizedImageName('localhost:5000/app')).toBe('localhost:5000/app:latest')
    expect(normalizedImageName('nginx:1.27')).toBe('nginx:1.27')
  })
})

describe('InterPodAffinity', () => {
  it('keeps anti-affine pods apart, and refuses a node whose pods are anti-affine to the newcomer (symmetry)', () => {
    const sim = newSim({ workers: 2 })
    const anti = `  affinity:
    podAntiAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
      - labelSelector: {matchLabels: {app: db}}
        topologyKey: kubernetes.io/hostname
`
    apply(sim, labelled('db-1', 'app: db', anti))
    sim.advance(2000)
    apply(sim, labelled('db-2', 'app: db', anti))
    sim.advance(2000)
    expect(nodeOf(sim, 'db-1')).not.toBe(nodeOf(sim, 'db-2'))
    // A plain pod labelled app=db has no terms of its own, yet both nodes' pods push it away.
    apply(sim, labelled('db-3', 'app: db'))
    sim.advance(2000)
    expect(failed(sim, 'db-3')[0]).toContain("2 node(s) didn't satisfy existing pods anti-affinity rules")
  })

  it('normalises preferred weights between the lowest and highest node', () => {
    const sim = newSim({ workers: 3 })
    apply(sim, labelled('cache', 'app: cache', '  nodeName: worker-2\n'))
    apply(sim, labelled('front', 'app: front', '  nodeName: worker-3\n'))
    sim.advance(2000)
    apply(
      sim,
      labelled(
        'web',
        'app: web',
        `  affinity:
    podAffinity:
      preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 80
        podAffinityTerm: {labelSelector: {matchLabels: {app: cache}}, topologyKey: kubernetes.io/hostname}
    podAntiAffinity:
      preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 20
        podAffinityTerm: {labelSelector: {matchLabels: {app: front}}, topologyKey: kubernetes.io/hostname}
`,
      ),
    )
    sim.advance(2000)
    const scores = Object.fromEntries(decisionOf(sim, 'web').nodes.filter((v) => v.scores).map((v) => [v.node, v.scores!.InterPodAffinity]))
    // Raw: worker-1 0, worker-2 +80, worker-3 −20 → (s − min) / (max − min) × 100, times weight 2.
    expect(scores).toEqual({ 'worker-1': 40, 'worker-2': 200, 'worker-3': 0 })
    expect(nodeOf(sim, 'web')).toBe('worker-2')
  })

  it('lets the first pod of a self-affine group schedule', () => {
    const sim = newSim({ workers: 2 })
    apply(sim, labelled('first', 'app: group', `  affinity:
    podAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
      - labelSelector: {matchLabels: {app: group}}
        topologyKey: kubernetes.io/hostname
`))
    sim.advance(2000)
    expect(nodeOf(sim, 'first')).toMatch(/^worker-/)
  })
})

describe('PodTopologySpread', () => {
  const spread = (maxSkew: number, extra = '') => `  topologySpreadConstraints:
  - maxSkew: ${maxSkew}
    topologyKey: zone
    whenUnsatisfiable: DoNotSchedule
    labelSelector: {matchLabels: {app: s}}
${extra}`

  it('filters by skew: matching pods in the domain + itself − the global minimum ≤ maxSkew', () => {
    const sim = newSim({ workers: 3 })
    kubectl(sim, 'label node worker-1 worker-2 zone=a')
    kubectl(sim, 'label node worker-3 zone=b')
    apply(sim, labelled('s1', 'app: s', '  nodeName: worker-1\n'))
    apply(sim, labelled('s2', 'app: s', '  nodeName: worker-2\n'))
    sim.advance(2000)
    // Zone a has 2, zone b 0: zone a would be 3 − 0 > 1.
    apply(sim, labelled('s3', 'app: s', spread(1)))
    sim.advance(2000)
    expect(nodeOf(sim, 's3')).toBe('worker-3')
    const verdicts = Object.fromEntries(decisionOf(sim, 's3').nodes.map((v) => [v.node, v.reasons]))
    expect(verdicts['worker-1']).toEqual(["node(s) didn't match pod topology spread constraints"])
  })

  it('minDomains counts missing domains as holding 0 pods', () => {
    const sim = newSim({ workers: 2 })
    kubectl(sim, 'label node worker-1 worker-2 zone=a')
    apply(sim, labelled('s1', 'app: s', '  nodeName: worker-1\n'))
    sim.advance(2000)
    apply(sim, labelled('s2', 'app: s', spread(1, '    minDomains: 2\n')))
    sim.advance(2000)
    expect(nodeOf(sim, 's2')).toBeUndefined()
    expect(failed(sim, 's2')[0]).toContain("2 node(s) didn't match pod topology spread constraints.")
  })

  it('spreads a Deployment by the system default constraints (hostname maxSkew 3) when it states none', () => {
    const sim = newSim({ workers: 3 })
    apply(sim, `apiVersion: apps/v1
kind: Deployment
metadata: {name: s}
spec:
  replicas: 9
  selector: {matchLabels: {app: s}}
  template:
    metadata: {labels: {app: s}}
    spec:
      containers: [{name: main, image: nginx:1.27}]
`)
    sim.advance(30_000)
    const counts = new Map<string, number>()
    for (const p of pods(sim)) counts.set(p.spec.nodeName!, (counts.get(p.spec.nodeName!) ?? 0) + 1)
    expect([...counts.values()].sort()).toEqual([3, 3, 3])
    const last = pods(sim).map((p) => sim.scheduler.decisions.get(p.metadata.uid)!).sort((a, b) => a.at - b.at).at(-1)!
    expect(last.nodes.some((v) => v.scores && 'PodTopologySpread' in v.scores)).toBe(true)
  })
})

describe('schedulingGates', () => {
  it('holds a gated pod as SchedulingGated until its gates are gone; gates cannot be added', () => {
    const sim = newSim({ workers: 1 })
    apply(sim, podYaml('g', 'nginx:1.27', '  schedulingGates:\n  - name: example.com/a\n'))
    sim.advance(5000)
    const pod = sim.store.get<Pod>('Pod', 'default', 'g')!
    expect(pod.spec.nodeName).toBeUndefined()
    expect(pod.status.conditions).toEqual([
      { type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates', lastProbeTime: null, lastTransitionTime: null },
    ])
    expect(kubectl(sim, 'get pod g')).toContain('SchedulingGated')
    expect(failed(sim, 'g')).toEqual([])
    expect(kubectl(sim, `patch pod g --type=merge -p {"spec":{"schedulingGates":[{"name":"example.com/a"},{"name":"b"}]}}`)).toContain(
      "spec.schedulingGates[1].name: Forbidden: only deletion is allowed, but found new scheduling gate 'b'",
    )
    kubectl(sim, `patch pod g --type=json -p [{"op":"remove","path":"/spec/schedulingGates"}]`)
    sim.advance(5000)
    expect(nodeOf(sim, 'g')).toBe('worker-1')
  })
})

describe('scheduler profile as a session command', () => {
  it('is taken when valid and refused with a reason otherwise', async () => {
    const { runSessionCommand } = await import('../../src/engine/commandLog/sessionCommand.ts')
    const sim = newSim({ workers: 1 })
    const ok = runSessionCommand(sim, { type: 'scheduler-profile', profile: { ...DEFAULT_PROFILE, weights: { ImageLocality: 5 } } })
    expect(ok.result).toEqual({ type: 'scheduler-profile', error: null })
    expect(sim.scheduler.profile.weights).toEqual({ ImageLocality: 5 })
    const bad = runSessionCommand(sim, { type: 'scheduler-profile', profile: { ...DEFAULT_PROFILE, disabled: ['NodeName'] } })
    expect(bad.result).toEqual({ type: 'scheduler-profile', error: 'NodeName cannot be disabled' })
  })
})
