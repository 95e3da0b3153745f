import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { KubeEvent } from '../../src/engine/api/types.ts'
import { apply, kubectl, newSim, pods, podYaml } from '../helpers.ts'

const CORPUS = join(__dirname, '../../../shared/corpus/k8s-website-examples')
const events = (sim: ReturnType<typeof newSim>, reason: string) =>
  sim.store.list<KubeEvent>('Event').filter((e) => e.reason === reason)

describe('probes', () => {
  it('liveness: the docs\' exec example is killed about 30s after /tmp/healthy goes, then restarted', () => {
    const sim = newSim()
    apply(sim, readFileSync(join(CORPUS, 'pods/probe/exec-liveness.yaml'), 'utf8'))
    sim.advance(30_000)
    expect(pods(sim)[0].status.containerStatuses![0].restartCount).toBe(0)
    expect(events(sim, 'Unhealthy')).toHaveLength(0)
    sim.advance(30_000)
    const unhealthy = events(sim, 'Unhealthy')
    expect(unhealthy.map((e) => e.message)).toEqual(["Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory"])
    expect(unhealthy[0].count).toBe(3)
    expect(events(sim, 'Killing').map((e) => e.message)).toEqual(['Container liveness failed liveness probe, will be restarted'])
    // busybox's shell ignores SIGTERM: it is killed after the 30s grace period, exit code 137.
    sim.advance(40_000)
    const status = pods(sim)[0].status.containerStatuses![0]
    expect(status.restartCount).toBe(1)
    expect(status.lastState.terminated).toMatchObject({ reason: 'Error', exitCode: 137 })
  })

  it('readiness: a failing probe keeps the pod out of READY without restarting it', () => {
    const sim = newSim()
    apply(sim, podYaml('web', 'nginx:1.27', '    readinessProbe:\n      httpGet: {path: /healthz, port: 80}\n      periodSeconds: 5\n'))
    apply(sim, podYaml('ok', 'nginx:1.27', '    readinessProbe:\n      httpGet: {path: /, port: 80}\n      periodSeconds: 5\n'))
    sim.advance(60_000)
    expect(kubectl(sim, 'get pods')).toMatch(/ok\s+1\/1\s+Running\s+0[\s\S]*web\s+0\/1\s+Running\s+0/)
    expect(events(sim, 'Unhealthy').map((e) => e.message)).toContain('Readiness probe failed: HTTP probe failed with statuscode: 404')
    const ready = pods(sim).find((p) => p.metadata.name === 'web')!.status.conditions!.find((c) => c.type === 'Ready')
    expect(ready).toMatchObject({ status: 'False', reason: 'ContainersNotReady' })
  })

  it('startup: liveness waits for it; a probe on a closed port fails it and restarts the container', () => {
    const sim = newSim()
    const probes = '    startupProbe:\n      tcpSocket: {port: 8080}\n      periodSeconds: 2\n      failureThreshold: 5\n    livenessProbe:\n      httpGet: {path: /, port: 80}\n'
    apply(sim, podYaml('slow', 'nginx:1.27', probes))
    sim.advance(12_000)
    const s = pods(sim)[0].status.containerStatuses![0]
    expect(s.started).toBe(false)
    expect(s.ready).toBe(false)
    sim.advance(10_000)
    expect(events(sim, 'Killing').map((e) => e.message)).toEqual(['Container main failed startup probe, will be restarted'])
    expect(events(sim, 'Unhealthy').every((e) => e.message.startsWith('Startup probe failed: dial tcp'))).toBe(true)
  })
})
