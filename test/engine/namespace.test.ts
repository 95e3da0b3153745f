import { describe, expect, it } from 'vitest'
import type { KubeEvent, KubeObject, Pod } from '../../src/engine/api/types.ts'
import { allKinds } from '../../src/engine/kinds/registry.ts'
import type { Namespace } from '../../src/engine/kinds/namespace.ts'
import type { Simulation } from '../../src/engine/simulation.ts'
import { apply, deploymentYaml, kubectl, newSim, podYaml } from '../helpers.ts'

const inNamespace = (yaml: string, ns: string) => yaml.replace(/^metadata:\n/m, `metadata:\n  namespace: ${ns}\n`)

/** Everything stored in a namespace, of every namespaced kind. */
function contentOf(sim: Simulation, ns: string): KubeObject[] {
  return allKinds()
    .filter((k) => k.names.namespaced)
    .flatMap((k) => [...sim.store.list(k.names.kind, ns)])
}

function namespaceWithWeb(): Simulation {
  const sim = newSim({ workers: 1 })
  expect(kubectl(sim, 'create namespace dev')).toBe('namespace/dev created\n')
  apply(sim, inNamespace(deploymentYaml('web', 2), 'dev'))
  apply(sim, inNamespace('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n', 'dev'))
  sim.advance(30_000)
  return sim
}

describe('namespaces', () => {
  it('kubectl create namespace creates one, and says so when it exists', () => {
    const sim = newSim({ workers: 1 })
    expect(kubectl(sim, 'create namespace dev')).toBe('namespace/dev created\n')
    expect(kubectl(sim, 'create ns dev')).toBe('Error from server (AlreadyExists): namespaces "dev" already exists\n')
    expect(kubectl(sim, 'create namespace')).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples\n")
    const ns = sim.store.get<Namespace>('Namespace', undefined, 'dev')!
    expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'dev' })
    expect(ns.spec.finalizers).toEqual(['kubernetes'])
    expect(ns.status.phase).toBe('Active')
  })

  it('every namespace, the initial four included, gets the default ServiceAccount and kube-root-ca.crt', () => {
    const sim = newSim({ workers: 1 })
    kubectl(sim, 'create namespace dev')
    for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system', 'dev']) {
      expect(sim.store.get('ServiceAccount', ns, 'default'), ns).toBeDefined()
      const cm = sim.store.get<KubeObject & { data: Record<string, string> }>('ConfigMap', ns, 'kube-root-ca.crt')!
      expect(cm.data['ca.crt']).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n$/)
      expect(cm.metadata.annotations?.['kubernetes.io/description']).toMatch(/^Contains a CA bundle that can be used to verify the kube-apiserver/)
    }
    expect(kubectl(sim, 'get sa -n dev')).toBe('NAME      SECRETS   AGE\ndefault   0         0s\n')
    expect(kubectl(sim, 'get cm -n dev')).toBe('NAME               DATA   AGE\nkube-root-ca.crt   1      0s\n')
    // Deleted, they come back.
    kubectl(sim, 'delete sa default -n dev')
    kubectl(sim, 'delete cm kube-root-ca.crt -n dev')
    expect(sim.store.get('ServiceAccount', 'dev', 'default')).toBeDefined()
    expect(sim.store.get('ConfigMap', 'dev', 'kube-root-ca.crt')).toBeDefined()
  })

  it('only default, kube-system and kube-public are protected from deletion', () => {
    const sim = newSim({ workers: 1 })
    for (const ns of ['default', 'kube-system', 'kube-public']) {
      expect(kubectl(sim, `delete namespace ${ns}`)).toBe(`Error from server (Forbidden): namespaces "${ns}" is forbidden: this namespace may not be deleted\n`)
    }
    expect(kubectl(sim, 'delete namespace kube-node-lease')).toBe('namespace "kube-node-lease" deleted\n')
    expect(sim.store.get('Namespace', undefined, 'kube-node-lease')).toBeUndefined()
  })

  it('a deleted namespace is Terminating while its pods terminate gracefully, then goes with everything in it', () => {
    const sim = namespaceWithWeb()
    const start = sim.now
    expect(kubectl(sim, 'delete namespace dev --wait=false')).toBe('namespace "dev" deleted\n')
    expect(kubectl(sim, 'get ns dev')).toBe('NAME   STATUS        AGE\ndev    Terminating   30s\n')
    expect(kubectl(sim, 'run x --image=nginx -n dev')).toBe(
      'Error from server (Forbidden): pods "x" is forbidden: unable to create new content in namespace dev because it is being terminated\n',
    )
    expect(apply(sim, inNamespace(podYaml('y', 'nginx'), 'dev'))).toEqual([
      'Error from server (Forbidden): error when creating "STDIN": pods "y" is forbidden: unable to create new content in namespace dev because it is being terminated',
    ])

    // The namespace controller starts 5s after the deletion: pods first, with their grace period.
    sim.advance(5_000)
    const podsNow = sim.store.list<Pod>('Pod', 'dev')
    expect(podsNow).toHaveLength(2)
    for (const pod of podsNow) expect(pod.metadata).toMatchObject({ deletionGracePeriodSeconds: 30 })
    expect(sim.store.list('Deployment', 'dev')).toHaveLength(1) // the rest waits for the pods
    const ns = sim.store.get<Namespace>('Namespace', undefined, 'dev')!
    expect(ns.status.conditions!.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered', 'All resources successfully discovered'],
      ['NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'],
      ['NamespaceDeletionContentFailure', 'False', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'],
      ['NamespaceContentRemaining', 'True', 'SomeResourcesRemain', 'Some resources are remaining: pods. has 2 resource instances'],
      ['NamespaceFinalizersRemaining', 'False', 'ContentHasNoFinalizers', 'All content-preserving finalizers finished'],
    ])
    expect(kubectl(sim, 'get pods -n dev')).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\n(web-\S+\s+1\/1\s+Terminating\s+0\s+35s\n){2}$/)

    sim.advance(10_000)
    expect(sim.store.get('Namespace', undefined, 'dev')).toBeUndefined()
    expect(contentOf(sim, 'dev')).toEqual([])
    expect(sim.now - start).toBe(15_000)
    // The ReplicaSet's refused replacements are no failure worth an event.
    const events = sim.store.list<KubeEvent>('Event').filter((e) => e.reason === 'FailedCreate')
    expect(events).toEqual([])
  })

  it('kubectl delete namespace waits until the namespace is gone', () => {
    const sim = namespaceWithWeb()
    const start = sim.now
    expect(kubectl(sim, 'delete ns dev')).toBe('namespace "dev" deleted\n')
    expect(sim.store.get('Namespace', undefined, 'dev')).toBeUndefined()
    expect(sim.now - start).toBeGreaterThanOrEqual(5_000)
    expect(sim.now - start).toBeLessThanOrEqual(11_000)
    expect(kubectl(sim, 'get ns dev')).toBe('Error from server (NotFound): namespaces "dev" not found\n')
    expect(kubectl(sim, 'get pods -n dev')).toBe('No resources found in dev namespace.\n')
  })

  it('content with a finalizer holds the namespace until the finalizer is removed', () => {
    const sim = newSim({ workers: 1 })
    kubectl(sim, 'create namespace dev')
    apply(sim, inNamespace('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: held\n  finalizers: [example.com/hold]\n', 'dev'))
    kubectl(sim, 'delete namespace dev --wait=false')
    sim.advance(60_000)
    const ns = sim.store.get<Namespace>('Namespace', undefined, 'dev')!
    const condition = (type: string) => ns.status.conditions!.find((c) => c.type === type)
    expect(condition('NamespaceContentRemaining')).toMatchObject({ status: 'True', message: 'Some resources are remaining: configmaps. has 1 resource instances' })
    expect(condition('NamespaceFinalizersRemaining')).toMatchObject({
      status: 'True',
      reason: 'SomeFinalizersRemain',
      message: 'Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances',
    })
    sim.ctx.api.mutate('ConfigMap', 'dev', 'held', (cm) => void delete cm.metadata.finalizers)
    sim.advance(60_000)
    expect(sim.store.get('Namespace', undefined, 'dev')).toBeUndefined()
  })

  it('spec.finalizers changes only through the finalize subresource', () => {
    const sim = newSim({ workers: 1 })
    kubectl(sim, 'create namespace dev')
    const ns = sim.store.get<Namespace>('Namespace', undefined, 'dev')!
    const updated = sim.ctx.api.update({ ...ns, spec: { finalizers: [] } })
    expect(updated.spec.finalizers).toEqual(['kubernetes'])
    const finalized = sim.ctx.api.update({ ...updated, spec: { finalizers: [] } }, { subresource: 'finalize' })
    expect(finalized.spec.finalizers).toEqual([])
  })

  it('kubectl describe namespace prints what kubectl prints', () => {
    const sim = namespaceWithWeb()
    expect(kubectl(sim, 'describe namespace dev')).toBe(
      'Name:         dev\nLabels:       kubernetes.io/metadata.name=dev\nAnnotations:  <none>\nStatus:       Active\n\nNo resource quota.\n\nNo LimitRange resource.\n',
    )
    kubectl(sim, 'delete namespace dev --wait=false')
    sim.advance(5_000)
    expect(kubectl(sim, 'describe ns dev')).toBe(`Name:         dev
Labels:       kubernetes.io/metadata.name=dev
Annotations:  <none>
Status:       Terminating
Conditions:
  Type                                         Status  LastTransitionTime               Reason                  Message
  ----                                         ------  ------------------               ------                  -------
  NamespaceDeletionDiscoveryFailure            False   Mon, 05 Jan 2026 09:00:35 +0000  ResourcesDiscovered     All resources successfully discovered
  NamespaceDeletionGroupVersionParsingFailure  False   Mon, 05 Jan 2026 09:00:35 +0000  ParsedGroupVersions     All legacy kube types successfully parsed
  NamespaceDeletionContentFailure              False   Mon, 05 Jan 2026 09:00:35 +0000  ContentDeleted          All content successfully deleted, may be waiting on finalization
  NamespaceContentRemaining                    True    Mon, 05 Jan 2026 09:00:35 +0000  SomeResourcesRemain     Some resources are remaining: pods. has 2 resource instances
  NamespaceFinalizersRemaining                 False   Mon, 05 Jan 2026 09:00:35 +0000  ContentHasNoFinalizers  All content-preserving finalizers finished

No resource quota.

No LimitRange resource.
`)
  })
})
