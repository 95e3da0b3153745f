import { describe, expect, it } from 'vitest'
import type { KubeEvent } from '../../src/engine/api/types.ts'
import { apply, kubectl, newSim, podYaml } from '../helpers.ts'

const CONFIGMAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  MODE: prod\n'
const messages = (sim: ReturnType<typeof newSim>, reason: string) =>
  sim.store.list<KubeEvent>('Event').filter((e) => e.reason === reason).map((e) => e.message)

describe('ConfigMap and Secret references', () => {
  it('a missing ConfigMap in env gives CreateContainerConfigError until it is created', () => {
    const sim = newSim()
    const env = '    env:\n    - name: MODE\n      valueFrom:\n        configMapKeyRef: {name: app-config, key: MODE}\n'
    apply(sim, podYaml('app', 'nginx:1.27', env))
    sim.advance(15_000)
    expect(kubectl(sim, 'get pod app')).toMatch(/app\s+0\/1\s+CreateContainerConfigError\s+0/)
    expect(messages(sim, 'Failed')).toContain('Error: configmap "app-config" not found')
    apply(sim, CONFIGMAP.replace('MODE: prod', 'OTHER: x'))
    sim.advance(10_000)
    expect(messages(sim, 'Failed')).toContain("Error: couldn't find key MODE in ConfigMap default/app-config")
    apply(sim, CONFIGMAP)
    sim.advance(12_000)
    expect(kubectl(sim, 'get pod app')).toMatch(/app\s+1\/1\s+Running\s+0/)
  })

  it('a missing Secret volume keeps the pod ContainerCreating with FailedMount events', () => {
    const sim = newSim()
    apply(sim, podYaml('app', 'nginx:1.27', '  volumes:\n  - name: creds\n    secret: {secretName: db-pass}\n'))
    sim.advance(30_000)
    expect(kubectl(sim, 'get pod app')).toMatch(/app\s+0\/1\s+ContainerCreating\s+0/)
    expect(messages(sim, 'FailedMount')).toEqual(['MountVolume.SetUp failed for volume "creds" : secret "db-pass" not found'])
    apply(sim, 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-pass\nstringData:\n  password: s3cret\n')
    sim.advance(15_000)
    expect(kubectl(sim, 'get pod app')).toMatch(/app\s+1\/1\s+Running\s+0/)
  })
})
