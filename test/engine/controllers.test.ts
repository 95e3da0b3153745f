import { describe, expect, it } from 'vitest'
import type { Deployment, KubeEvent, ReplicaSet } from '../../src/engine/api/types.ts'
import { NAME_ALPHABET } from '../../src/engine/rng.ts'
import { apply, deploymentYaml, kubectl, newSim, pods } from '../helpers.ts'

/** The test's ReplicaSets (not CoreDNS's in kube-system). */
const replicaSets = (sim: ReturnType<typeof newSim>) => sim.store.list<ReplicaSet>('ReplicaSet', 'default')

describe('Deployment → ReplicaSet → Pods', () => {
  it('creates one ReplicaSet named by the template hash and the pods it asks for', () => {
    const sim = newSim()
    expect(apply(sim, deploymentYaml('web', 3))).toEqual(['deployment.apps/web created'])
    const [rs] = replicaSets(sim)
    expect(rs.metadata.name).toMatch(new RegExp(`^web-[${NAME_ALPHABET}]{6,10}$`))
    expect(rs.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Deployment', name: 'web', controller: true })
    expect(rs.spec.selector.matchLabels?.['pod-template-hash']).toBe(rs.metadata.name.slice(4))
    expect(pods(sim)).toHaveLength(3)
    for (const p of pods(sim)) {
      expect(p.metadata.name).toMatch(new RegExp(`^${rs.metadata.name}-[${NAME_ALPHABET}]{5}$`))
      expect(p.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: rs.metadata.name })
    }
    sim.advance(30_000)
    const d = sim.store.get<Deployment>('Deployment', 'default', 'web')!
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 })
    expect(pods(sim).map((p) => p.status.phase)).toEqual(['Running', 'Running', 'Running'])
  })

  it('goes Pending → ContainerCreating → Running for each pod', () => {
    const sim = newSim()
    apply(sim, deploymentYaml('web', 1))
    const seen: string[] = []
    for (let i = 0; i < 100; i++) {
      const p = pods(sim)[0]
      const state = p.status.containerStatuses?.[0]?.state
      const label = !p.spec.nodeName ? 'Pending' : (state?.waiting?.reason ?? (state?.running ? 'Running' : p.status.phase))
      if (seen[seen.length - 1] !== label) seen.push(label)
      sim.advance(100)
    }
    expect(seen).toEqual(['Pending', 'ContainerCreating', 'Running'])
  })

  it('replaces a deleted pod (self-healing)', () => {
    const sim = newSim()
    apply(sim, deploymentYaml('web', 3))
    sim.advance(30_000)
    const victim = pods(sim)[0].metadata.name
    expect(kubectl(sim, `delete pod ${victim}`)).toBe(`pod "${victim}" deleted from default namespace\n`)
    sim.advance(30_000)
    const names = pods(sim).map((p) => p.metadata.name)
    expect(names).toHaveLength(3)
    expect(names).not.toContain(victim)
    expect(pods(sim).every((p) => p.status.phase === 'Running')).toBe(true)
    const events = sim.store.list<KubeEvent>('Event', 'default').filter((e) => e.reason === 'SuccessfulCreate')
    expect(events.map((e) => e.count).reduce((a, b) => a + b)).toBe(4)
  })

  it('scales with kubectl scale and keeps the new count through a re-apply without replicas', () => {
    const sim = newSim()
    apply(sim, deploymentYaml('web', 2).replace('  replicas: 2\n', ''))
    expect(pods(sim)).toHaveLength(1)
    expect(kubectl(sim, 'scale deployment web --replicas=4')).toBe('deployment.apps/web scaled\n')
    expect(pods(sim)).toHaveLength(4)
    expect(apply(sim, deploymentYaml('web', 2).replace('  replicas: 2\n', ''))).toEqual(['deployment.apps/web unchanged'])
    sim.advance(30_000)
    expect(pods(sim)).toHaveLength(4)
  })

  it('rolls out a new template through a second ReplicaSet and scales the old one to zero', () => {
    const sim = newSim()
    apply(sim, deploymentYaml('web', 4))
    sim.advance(30_000)
    expect(apply(sim, deploymentYaml('web', 4, 'nginx:1.28'))).toEqual(['deployment.apps/web configured'])
    // Never more than replicas + maxSurge (1) pods, never fewer than replicas - maxUnavailable (1) available.
    for (let i = 0; i < 600; i++) {
      sim.advance(100)
      const live = pods(sim).filter((p) => !p.metadata.deletionTimestamp)
      expect(live.length).toBeLessThanOrEqual(5)
    }
    const [a, b] = replicaSets(sim)
    const byImage = Object.fromEntries([a, b].map((rs) => [rs.spec.template.spec.containers[0].image, rs.spec.replicas]))
    expect(byImage).toEqual({ 'nginx:1.27': 0, 'nginx:1.28': 4 })
    expect(pods(sim).every((p) => p.spec.containers[0].image === 'nginx:1.28')).toBe(true)
    const d = sim.store.get<Deployment>('Deployment', 'default', 'web')!
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2')
  })
})

describe('cascading deletion', () => {
  it('deleting a Deployment removes its ReplicaSet and, gracefully, its pods', () => {
    const sim = newSim()
    apply(sim, deploymentYaml('web', 3))
    sim.advance(30_000)
    expect(kubectl(sim, 'delete deployment web')).toBe('deployment.apps "web" deleted from default namespace\n')
    expect(sim.store.list('Deployment', 'default')).toHaveLength(0)
    sim.advance(5_000)
    expect(replicaSets(sim)).toHaveLength(0)
    expect(pods(sim)).toHaveLength(0)
  })

  it('--cascade=orphan leaves the ReplicaSet and pods running without an owner', () => {
    const sim = newSim()
    apply(sim, deploymentYaml('web', 2))
    sim.advance(30_000)
    kubectl(sim, 'delete deployment web --cascade=orphan')
    sim.advance(5_000)
    expect(replicaSets(sim)).toHaveLength(1)
    expect(replicaSets(sim)[0].metadata.ownerReferences).toBeUndefined()
    expect(pods(sim)).toHaveLength(2)
  })

  it('a pod being deleted shows Terminating until its containers stop', () => {
    const sim = newSim()
    apply(sim, `apiVersion: v1\nkind: Pod\nmetadata:\n  name: sleeper\nspec:\n  containers:\n  - name: main\n    image: busybox:1.36\n    command: ["sleep", "3600"]\n`)
    sim.advance(10_000)
    kubectl(sim, 'delete pod sleeper --wait=false')
    sim.advance(10_000)
    expect(kubectl(sim, 'get pods')).toMatch(/sleeper\s+1\/1\s+Terminating/)
    sim.advance(21_000)
    expect(pods(sim)).toHaveLength(0)
  })
})
