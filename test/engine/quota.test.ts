import { describe, expect, it } from 'vitest'
import type { Pod } from '../../src/engine/api/types.ts'
import { canonicalQuantity } from '../../src/engine/util/exactQuantity.ts'
import { apply, kubectl, newSim } from '../helpers.ts'

const QUOTA = `apiVersion: v1
kind: Namespace
metadata: {name: dev}
---
apiVersion: v1
kind: ResourceQuota
metadata: {name: compute, namespace: dev}
spec:
  hard:
    pods: "10"
    requests.cpu: "1"
    requests.memory: 1Gi
    limits.cpu: "2"
    limits.memory: 2Gi
`

const pod = (name: string, resources: string, extra = '') => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: dev}
spec:
${extra}  containers:
  - name: app
    image: nginx:1.27
    resources: ${resources}
`
const SIZED = '{requests: {cpu: 400m, memory: 256Mi}, limits: {cpu: 500m, memory: 512Mi}}'

describe('quantities in canonical form', () => {
  it.each([
    ['0.5', '500m'],
    ['1000m', '1'],
    ['1500', '1500'],
    ['15000', '15k'],
    ['1024Mi', '1Gi'],
    ['1536Mi', '1536Mi'],
    ['0.5Ki', '512'],
    ['1e3', '1e3'],
    [2, '2'],
  ])('%s reads back as %s', (input, out) => expect(canonicalQuantity(input)).toBe(out))
})

describe('ResourceQuota', () => {
  it('the controller fills status.hard and status.used; kubectl get and describe show them', () => {
    const sim = newSim()
    apply(sim, QUOTA)
    expect(kubectl(sim, 'get quota -n dev')).toBe(
      'NAME      REQUEST                                                 LIMIT                                   AGE\n' +
        'compute   pods: 0/10, requests.cpu: 0/1, requests.memory: 0/1Gi   limits.cpu: 0/2, limits.memory: 0/2Gi   0s\n',
    )
    apply(sim, pod('a', SIZED))
    expect(kubectl(sim, 'describe quota compute -n dev')).toBe(
      [
        'Name:            compute',
        'Namespace:       dev',
        'Resource         Used   Hard',
        '--------         ----   ----',
        'limits.cpu       500m   2',
        'limits.memory    512Mi  2Gi',
        'pods             1      10',
        'requests.cpu     400m   1',
        'requests.memory  256Mi  1Gi',
        '',
      ].join('\n'),
    )
  })

  it('refuses a pod that would exceed the quota, with the API server\'s message', () => {
    const sim = newSim()
    apply(sim, QUOTA)
    apply(sim, pod('a', SIZED))
    apply(sim, pod('b', SIZED))
    expect(apply(sim, pod('c', SIZED))).toEqual([
      'Error from server (Forbidden): error when creating "STDIN": pods "c" is forbidden: exceeded quota: compute, requested: requests.cpu=400m, used: requests.cpu=800m, limited: requests.cpu=1',
    ])
  })

  it('names every resource a pod exceeds, sorted', () => {
    const sim = newSim()
    apply(sim, QUOTA)
    expect(apply(sim, pod('big', '{requests: {cpu: "2", memory: 2Gi}, limits: {cpu: "2", memory: 2Gi}}'))).toEqual([
      'Error from server (Forbidden): error when creating "STDIN": pods "big" is forbidden: exceeded quota: compute, requested: requests.cpu=2,requests.memory=2Gi, used: requests.cpu=0,requests.memory=0, limited: requests.cpu=1,requests.memory=1Gi',
    ])
  })

  it('refuses pods that do not state what a cpu/memory quota tracks', () => {
    const sim = newSim()
    apply(sim, QUOTA)
    expect(apply(sim, pod('bare', '{}'))).toEqual([
      'Error from server (Forbidden): error when creating "STDIN": pods "bare" is forbidden: failed quota: compute: must specify limits.cpu for: app; limits.memory for: app; requests.cpu for: app; requests.memory for: app',
    ])
    // Limits alone are enough: requests default to them.
    expect(apply(sim, pod('limited', '{limits: {cpu: 200m, memory: 128Mi}}'))).toEqual(['pod/limited created'])
    expect(sim.store.get<Pod>('Pod', 'dev', 'limited')?.spec.containers[0].resources?.requests).toEqual({ cpu: '200m', memory: '128Mi' })
  })

  it('counts pods, and finished pods give their share back', () => {
    const sim = newSim()
    apply(sim, `apiVersion: v1
kind: ResourceQuota
metadata: {name: count}
spec:
  hard: {pods: "1", count/pods: "5", configmaps: "2"}
`)
    apply(sim, `apiVersion: v1
kind: Pod
metadata: {name: once}
spec:
  restartPolicy: Never
  containers:
  - {name: c, image: busybox:1.36, command: [sh, -c, "exit 0"]}
`)
    expect(apply(sim, `apiVersion: v1\nkind: Pod\nmetadata: {name: second}\nspec:\n  containers:\n  - {name: c, image: nginx:1.27}\n`)).toEqual([
      'Error from server (Forbidden): error when creating "STDIN": pods "second" is forbidden: exceeded quota: count, requested: pods=1, used: pods=1, limited: pods=1',
    ])
    sim.advance(30_000)
    // The namespace's kube-root-ca.crt ConfigMap counts, as in a real cluster.
    expect(kubectl(sim, 'get quota count')).toBe(
      'NAME    REQUEST                                       LIMIT   AGE\ncount   configmaps: 1/2, count/pods: 1/5, pods: 0/1           30s\n',
    )
    expect(apply(sim, `apiVersion: v1\nkind: Pod\nmetadata: {name: second}\nspec:\n  containers:\n  - {name: c, image: nginx:1.27}\n`)).toEqual(['pod/second created'])
    expect(apply(sim, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: first}\n')).toEqual(['configmap/first created'])
    expect(apply(sim, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra}\n')).toEqual([
      'Error from server (Forbidden): error when creating "STDIN": configmaps "extra" is forbidden: exceeded quota: count, requested: configmaps=1, used: configmaps=2, limited: configmaps=2',
    ])
  })

  it('counts services, node ports and load balancers, and frees them on delete', () => {
    const sim = newSim()
    apply(sim, 'apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: svc}\nspec:\n  hard: {services.loadbalancers: "0", count/deployments.apps: "1"}\n')
    expect(apply(sim, 'apiVersion: v1\nkind: Service\nmetadata: {name: lb}\nspec:\n  type: LoadBalancer\n  ports: [{port: 80}]\n')).toEqual([
      'Error from server (Forbidden): error when creating "STDIN": services "lb" is forbidden: exceeded quota: svc, requested: services.loadbalancers=1, used: services.loadbalancers=0, limited: services.loadbalancers=0',
    ])
    const deploy = (name: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}}\nspec:\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec:\n      containers: [{name: c, image: nginx:1.27}]\n`
    expect(apply(sim, deploy('one'))).toEqual(['deployment.apps/one created'])
    expect(apply(sim, deploy('two'))).toEqual([
      'Error from server (Forbidden): error when creating "STDIN": deployments.apps "two" is forbidden: exceeded quota: svc, requested: count/deployments.apps=1, used: count/deployments.apps=1, limited: count/deployments.apps=1',
    ])
    kubectl(sim, 'delete deploy one')
    sim.settle()
    expect(apply(sim, deploy('two'))).toEqual(['deployment.apps/two created'])
  })

  it('a Deployment creates only the pods the quota allows; the ReplicaSet records FailedCreate', () => {
    const sim = newSim()
    apply(sim, QUOTA)
    apply(sim, `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: dev}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: app
        image: nginx:1.27
        resources: ${SIZED}
`)
    sim.advance(30_000)
    expect(kubectl(sim, 'get deploy web -n dev')).toBe('NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    2/3     2            2           30s\n')
    const describe = kubectl(sim, 'describe rs -n dev')
    expect(describe).toMatch(
      /Warning {2}FailedCreate {6}30s {16}replicaset-controller {2}Error creating: pods "web-[a-z0-9]+-[a-z0-9]{5}" is forbidden: exceeded quota: compute, requested: requests.cpu=400m, used: requests.cpu=800m, limited: requests.cpu=1\n/,
    )
    // From the tenth similar event on, client-go's recorder combines them.
    expect(describe).toMatch(/Warning {2}FailedCreate {6}\d+s \(x\d+ over 30s\) {2}replicaset-controller {2}\(combined from similar events\): Error creating: pods "web-/)
  })

  it('a quota whose status the controller has not filled yet constrains nothing', () => {
    const sim = newSim()
    // Same request: the pod is admitted before the controller copies spec.hard to status.
    expect(apply(sim, `apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: zero}\nspec:\n  hard: {pods: "0"}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: early}\nspec:\n  containers: [{name: c, image: nginx:1.27}]\n`)).toEqual([
      'resourcequota/zero created',
      'pod/early created',
    ])
    expect(kubectl(sim, 'describe quota zero')).toBe('Name:       zero\nNamespace:  default\nResource    Used  Hard\n--------    ----  ----\npods        1     0\n')
  })
})
