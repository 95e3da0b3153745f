import { describe, expect, it } from 'vitest'
import { ApiError } from '../../src/engine/api/errors.ts'
import type { ConfigMapLike } from './apiServerTypes.ts'
import type { Deployment, Pod, ReplicaSet } from '../../src/engine/api/types.ts'
import { apply, deploymentYaml, kubectl, newSim, pods } from '../helpers.ts'

const configMap = (name: string, extra: Partial<ConfigMapLike> = {}): ConfigMapLike => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' },
  ...extra,
})

function refusal(f: () => unknown): ApiError {
  try {
    f()
  } catch (e) {
    if (e instanceof ApiError) return e
    throw e
  }
  throw new Error('expected the API server to refuse')
}

describe('the API server', () => {
  it('refuses a write with a stale resourceVersion', () => {
    const sim = newSim()
    const created = sim.ctx.api.create(configMap('c', { data: { a: '1' } }))
    sim.ctx.api.update({ ...created, data: { a: '2' } })
    const e = refusal(() => sim.ctx.api.update({ ...created, data: { a: '3' } }))
    expect(e.printed()).toBe(
      'Error from server (Conflict): Operation cannot be fulfilled on configmaps "c": the object has been modified; please apply your changes to the latest version and try again',
    )
    expect(sim.store.get<ConfigMapLike>('ConfigMap', 'default', 'c')!.data).toEqual({ a: '2' })
  })

  it('validates updates, immutable fields included, for kubectl commands as for apply', () => {
    const sim = newSim()
    apply(sim, deploymentYaml('web', 2))
    expect(kubectl(sim, 'scale deployment web --replicas=-1')).toBe('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n')
    const e = refusal(() =>
      sim.ctx.api.mutate<Deployment>('Deployment', 'default', 'web', (d) => {
        d.spec.selector = { matchLabels: { app: 'other' } }
        d.spec.template.metadata!.labels = { app: 'other' }
      }),
    )
    expect(e.printed()).toBe('The Deployment "web" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"other"}}: field is immutable')
    const pod = pods(sim)[0]
    const podError = refusal(() => sim.ctx.api.mutate<Pod>('Pod', 'default', pod.metadata.name, (p) => void (p.spec.restartPolicy = 'Never')))
    expect(podError.message).toMatch(/^The Pod "web-\w+-\w+" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`/)
  })

  it('bumps generation on spec changes only', () => {
    const sim = newSim()
    apply(sim, deploymentYaml('web', 1))
    const gen = () => sim.store.get<Deployment>('Deployment', 'default', 'web')!.metadata.generation
    expect(gen()).toBe(1)
    kubectl(sim, 'scale deployment web --replicas=3')
    expect(gen()).toBe(2)
    sim.ctx.api.mutate<Deployment>('Deployment', 'default', 'web', (d) => void (d.metadata.labels = { team: 'a' }))
    expect(gen()).toBe(2)
  })

  it('keeps an object with finalizers until the last one is removed', () => {
    const sim = newSim()
    sim.ctx.api.create(configMap('held', { metadata: { ...configMap('held').metadata, finalizers: ['example.com/hold'] } }))
    expect(kubectl(sim, 'delete configmap held --wait=false')).toBe('configmap "held" deleted from default namespace\n')
    const held = sim.store.get('ConfigMap', 'default', 'held')!
    expect(held.metadata.deletionTimestamp).toBeDefined()
    sim.ctx.api.mutate('ConfigMap', 'default', 'held', (c) => void (c.metadata.finalizers = []))
    expect(sim.store.get('ConfigMap', 'default', 'held')).toBeUndefined()
  })

  it('foreground deletion keeps the Deployment until its ReplicaSet and pods are gone', () => {
    const sim = newSim()
    // A shell ignores SIGTERM: its pods take the whole 30s grace period to go.
    apply(sim, deploymentYaml('web', 2, 'busybox:1.36', '        command: ["sleep", "3600"]\n'))
    sim.advance(20_000)
    expect(kubectl(sim, 'delete deployment web --cascade=foreground --wait=false')).toBe('deployment.apps "web" deleted from default namespace\n')
    const d = sim.store.get<Deployment>('Deployment', 'default', 'web')!
    expect(d.metadata.finalizers).toEqual(['foregroundDeletion'])
    const rs = sim.store.list<ReplicaSet>('ReplicaSet')[0]
    expect(rs.metadata.deletionTimestamp).toBeDefined()
    expect(pods(sim).every((p) => p.metadata.deletionTimestamp)).toBe(true)
    sim.advance(20_000)
    expect(kubectl(sim, 'get deploy --no-headers')).toMatch(/^web\s+0\/2/)
    expect(kubectl(sim, 'get pods --no-headers')).toMatch(/Terminating/)
    sim.advance(15_000)
    expect(kubectl(sim, 'get deploy,rs,pods')).toBe('No resources found in default namespace.\n')
  })

  it('orphan deletion leaves the ReplicaSet and pods, and a re-created Deployment adopts them', () => {
    const sim = newSim()
    apply(sim, deploymentYaml('web', 2))
    sim.advance(20_000)
    const before = pods(sim).map((p) => p.metadata.name)
    expect(kubectl(sim, 'delete deployment web --cascade=orphan')).toBe('deployment.apps "web" deleted from default namespace\n')
    sim.advance(1_000)
    const rs = sim.store.list<ReplicaSet>('ReplicaSet', 'default')[0]
    expect(rs.metadata.ownerReferences).toBeUndefined()
    expect(apply(sim, deploymentYaml('web', 2))).toEqual(['deployment.apps/web created'])
    sim.advance(5_000)
    const d = sim.store.get<Deployment>('Deployment', 'default', 'web')!
    const adopted = sim.store.list<ReplicaSet>('ReplicaSet', 'default')
    expect(adopted.map((r) => r.metadata.name)).toEqual([rs.metadata.name])
    expect(adopted[0].metadata.ownerReferences?.[0].uid).toBe(d.metadata.uid)
    expect(pods(sim).map((p) => p.metadata.name)).toEqual(before)
    expect(kubectl(sim, 'get deploy web --no-headers')).toMatch(/^web\s+2\/2\s+2\s+2/)
  })

  it('refuses new objects in a namespace that is missing or being deleted', () => {
    const sim = newSim()
    expect(apply(sim, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: dev}\n')).toEqual([
      'Error from server (NotFound): error when creating "STDIN": namespaces "dev" not found',
    ])
    apply(sim, 'apiVersion: v1\nkind: Namespace\nmetadata: {name: dev}\n')
    sim.ctx.api.delete('Namespace', undefined, 'dev')
    expect(apply(sim, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: dev}\n')).toEqual([
      'Error from server (Forbidden): error when creating "STDIN": configmaps "c" is forbidden: unable to create new content in namespace dev because it is being terminated',
    ])
  })
})
