import { describe, expect, it } from 'vitest'
import type { Container } from '../../src/engine/api/types.ts'
import { lookupImage, parseImageReference } from '../../src/engine/images/reference.ts'
import { planContainer } from '../../src/engine/kubelet/containerBehaviour.ts'
import { cpuDemand, memoryAt, memoryCrossing, memoryProfile, throttled } from '../../src/engine/metrics/usageModel.ts'

const MI = 1024 * 1024
const image = (name: string) => lookupImage(parseImageReference(name)!)!
const stress = (args: string[], limit?: string): Container => ({
  name: 'ctr',
  image: 'polinux/stress',
  command: ['stress'],
  args,
  ...(limit ? { resources: { limits: { memory: limit } } } : {}),
})

describe('usage model', () => {
  it('takes memory from stress --vm-bytes (powers of two) on top of the image', () => {
    const p = memoryProfile(stress(['--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1']), image('polinux/stress'))
    expect(p.steadyBytes).toBe(151 * MI)
    expect(memoryAt(p, 3_600_000)).toBe(151 * MI)
  })

  it('grows memory by the annotation per minute, and adds a spike while it lasts', () => {
    const annotations = {
      'sim.kubesim.dev/memory': '40Mi',
      'sim.kubesim.dev/memory-growth': '20Mi',
      'sim.kubesim.dev/spike-at': '5m',
      'sim.kubesim.dev/spike-memory': '100Mi',
      'sim.kubesim.dev/spike-duration': '1m',
    }
    const p = memoryProfile({ name: 'app', image: 'nginx' }, image('nginx'), annotations)
    expect(memoryAt(p, 0)).toBe(40 * MI)
    expect(memoryAt(p, 90_000)).toBe(70 * MI)
    expect(memoryAt(p, 5 * 60_000 + 1)).toBeGreaterThan(240 * MI)
    expect(memoryAt(p, 6 * 60_000 + 1)).toBeLessThan(161 * MI)
  })

  it('solves when memory crosses the limit instead of sampling it', () => {
    const leak = memoryProfile({ name: 'app', image: 'nginx' }, image('nginx'), { 'sim.kubesim.dev/memory': '40Mi', 'sim.kubesim.dev/memory-growth': '20Mi' })
    // 24Mi of headroom at 20Mi a minute: 72 s.
    expect(memoryCrossing(leak, 64 * MI)).toBe(72_001)
    expect(memoryCrossing(leak, undefined as unknown as number)).toBeUndefined()
    const steady = memoryProfile({ name: 'app', image: 'nginx' }, image('nginx'))
    expect(memoryCrossing(steady, 64 * MI)).toBeUndefined()
    const spike = memoryProfile({ name: 'app', image: 'nginx' }, image('nginx'), { 'sim.kubesim.dev/spike-at': '2m', 'sim.kubesim.dev/spike-memory': '300Mi' })
    expect(memoryCrossing(spike, 256 * MI)).toBe(120_000)
  })

  it('charges CPU per request served and throttles it at the limit', () => {
    const php: Container = { name: 'php-apache', image: 'registry.k8s.io/hpa-example', resources: { requests: { cpu: '200m' }, limits: { cpu: '500m' } } }
    const demand = cpuDemand(php, image('registry.k8s.io/hpa-example'), {}, 60_000, 80)
    expect(demand).toBe(1 + 80 * 8)
    expect(throttled(demand, php)).toBe(500)
    expect(throttled(cpuDemand(php, image('registry.k8s.io/hpa-example'), {}, 60_000, 10), php)).toBe(81)
  })

  it('reads vish/stress -cpus as cores busy, and the cpu annotation as steady use', () => {
    const demo: Container = { name: 'cpu-demo-ctr', image: 'vish/stress', args: ['-cpus', '2'], resources: { limits: { cpu: '1' } } }
    expect(cpuDemand(demo, image('vish/stress'), {}, 0, 0)).toBe(2000)
    expect(throttled(2000, demo)).toBe(1000)
    expect(cpuDemand({ name: 'a', image: 'nginx' }, image('nginx'), { 'sim.kubesim.dev/cpu': '250m' }, 0, 0)).toBe(250)
  })
})

describe('OOM timing in the container plan', () => {
  it('kills memory-demo-2 (250M under a 100Mi limit) at once, OOMKilled with 137', () => {
    const plan = planContainer(stress(['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'], '100Mi'), image('polinux/stress'))
    expect(plan).toMatchObject({ kind: 'exits', exitCode: 137, reason: 'OOMKilled', afterMs: 200 })
  })

  it('keeps memory-demo (150M under 200Mi) running', () => {
    expect(planContainer(stress(['--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'], '200Mi'), image('polinux/stress')).kind).toBe('runs')
  })

  it('kills a leak when it reaches the limit, unless the script ends first', () => {
    const annotations = { 'sim.kubesim.dev/memory': '40Mi', 'sim.kubesim.dev/memory-growth': '20Mi' }
    const app: Container = { name: 'app', image: 'nginx', resources: { limits: { memory: '64Mi' } } }
    expect(planContainer(app, image('nginx'), annotations)).toMatchObject({ kind: 'exits', afterMs: 72_001, reason: 'OOMKilled' })
    const quick: Container = { name: 'job', image: 'busybox', command: ['sh', '-c', 'sleep 10; exit 3'], resources: { limits: { memory: '64Mi' } } }
    expect(planContainer(quick, image('busybox'), annotations)).toMatchObject({ kind: 'exits', afterMs: 10_050, exitCode: 3 })
  })
})
