import { describe, expect, it } from 'vitest'
import type { KubeEvent, Pod } from '../../src/engine/api/types.ts'
import type { ReplicationController } from '../../src/engine/kinds/replicationController.ts'
import { NAME_ALPHABET } from '../../src/engine/rng.ts'
import { apply, kubectl, newSim, podYaml, pods } from '../helpers.ts'

/** The ReplicationController from the Kubernetes docs (controllers/replication.yaml). */
const rcYaml = (replicas = 3, extra = '') => `apiVersion: v1
kind: ReplicationController
metadata:
  name: nginx
spec:
  replicas: ${replicas}
${extra}  template:
    metadata:
      name: nginx
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx
        ports:
        - containerPort: 80
`

const rcOf = (sim: ReturnType<typeof newSim>) => sim.store.get<ReplicationController>('ReplicationController', 'default', 'nginx')!

describe('ReplicationController', () => {
  it('defaults its selector and labels from the template and keeps its replicas', () => {
    const sim = newSim({ workers: 2 })
    expect(apply(sim, rcYaml())).toEqual(['replicationcontroller/nginx created'])
    const rc = rcOf(sim)
    expect(rc.spec.selector).toEqual({ app: 'nginx' })
    expect(rc.metadata.labels).toEqual({ app: 'nginx' })
    expect(pods(sim)).toHaveLength(3)
    for (const p of pods(sim)) {
      expect(p.metadata.name).toMatch(new RegExp(`^nginx-[${NAME_ALPHABET}]{5}$`))
      expect(p.metadata.ownerReferences?.[0]).toMatchObject({ apiVersion: 'v1', kind: 'ReplicationController', name: 'nginx', controller: true, blockOwnerDeletion: true })
    }
    sim.advance(30_000)
    expect(rcOf(sim).status).toMatchObject({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 })
    expect(kubectl(sim, 'get rc')).toBe('NAME    DESIRED   CURRENT   READY   AGE\nnginx   3         3         3       30s\n')
    expect(kubectl(sim, 'get replicationcontrollers -o wide')).toBe(
      'NAME    DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES   SELECTOR\nnginx   3         3         3       30s   nginx        nginx    app=nginx\n',
    )

    // Self-healing: a deleted pod is replaced.
    const victim = pods(sim)[0].metadata.name
    kubectl(sim, `delete pod ${victim} --wait=false`)
    expect(pods(sim).filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(3)
  })

  it('scales with kubectl scale and records the replication-controller events', () => {
    const sim = newSim({ workers: 2 })
    apply(sim, rcYaml())
    sim.advance(20_000)
    expect(kubectl(sim, 'scale rc nginx --replicas=1')).toBe('replicationcontroller/nginx scaled\n')
    sim.advance(10_000)
    expect(pods(sim)).toHaveLength(1)
    const events = sim.store.list<KubeEvent>('Event').filter((e) => e.involvedObject.kind === 'ReplicationController')
    expect(events.map((e) => [e.source.component, e.reason, e.message.replace(/nginx-\w{5}/, 'nginx-X')])).toEqual([
      ...Array(3).fill(['replication-controller', 'SuccessfulCreate', 'Created pod: nginx-X']),
      ...Array(2).fill(['replication-controller', 'SuccessfulDelete', 'Deleted pod: nginx-X']),
    ])
    const described = kubectl(sim, 'describe rc nginx')
    expect(described).toContain(`Name:         nginx
Namespace:    default
Selector:     app=nginx
Labels:       app=nginx
Annotations:  <none>
Replicas:     1 current / 1 desired
Pods Status:  1 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=nginx
  Containers:
   nginx:
    Image:         nginx
    Port:          80/TCP
`)
    expect(described).toMatch(/Events:\n  Type    Reason            Age   From                    Message\n  ----    ------            ----  ----                    -------\n  Normal  SuccessfulCreate  30s   replication-controller  Created pod: nginx-\w{5}\n/)
  })

  it('adopts a matching orphan pod, as its selector is a plain equality match', () => {
    const sim = newSim({ workers: 2 })
    apply(sim, podYaml('stray', 'nginx', '').replace('name: stray\n', 'name: stray\n  labels: {app: nginx}\n'))
    apply(sim, rcYaml(2))
    const all = pods(sim)
    expect(all).toHaveLength(2)
    expect(sim.store.get<Pod>('Pod', 'default', 'stray')!.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicationController', name: 'nginx' })
  })

  it('refuses a template its selector does not match, and pods that do not always restart', () => {
    const sim = newSim({ workers: 1 })
    const bad = rcYaml(1, '  selector:\n    app: other\n').replace('containers:', 'restartPolicy: Never\n      containers:')
    expect(apply(sim, bad)).toEqual([
      'The ReplicationController "nginx" is invalid: \n* spec.template.metadata.labels: Invalid value: {"app":"nginx"}: `selector` does not match template `labels`\n* spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ])
    expect(apply(sim, 'apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: empty\nspec:\n  replicas: 1\n')).toEqual([
      'The ReplicationController "empty" is invalid: \n* spec.selector: Required value\n* spec.template: Required value',
    ])
  })

  it('deleting it removes its pods gracefully', () => {
    const sim = newSim({ workers: 2 })
    apply(sim, rcYaml(2))
    sim.advance(20_000)
    expect(kubectl(sim, 'delete rc nginx')).toBe('replicationcontroller "nginx" deleted from default namespace\n')
    sim.advance(5_000)
    expect(pods(sim)).toEqual([])
  })
})
