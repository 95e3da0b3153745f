import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../src/engine/api/types.ts'
import { apply, deploymentYaml, kubectl, newSim } from '../helpers.ts'

const STS_RC = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, labels: {tier: back}}
spec:
  replicas: 1
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: ReplicationController
metadata: {name: old, labels: {tier: back}}
spec:
  replicas: 1
  selector: {app: old}
  template:
    metadata: {labels: {app: old}}
    spec: {containers: [{name: c, image: nginx}]}
`

describe('kubectl scale', () => {
  it('scales StatefulSets and ReplicationControllers, by name, TYPE/NAME or selector', () => {
    const sim = newSim()
    apply(sim, STS_RC)
    expect(kubectl(sim, 'scale sts/db rc/old --replicas=2')).toBe('statefulset.apps/db scaled\nreplicationcontroller/old scaled\n')
    expect(kubectl(sim, 'scale sts,rc -l tier=back --replicas=0')).toBe('statefulset.apps/db scaled\nreplicationcontroller/old scaled\n')
    expect((sim.store.get('StatefulSet', 'default', 'db') as KubeObject & { spec: { replicas: number } }).spec.replicas).toBe(0)
    expect(kubectl(sim, 'scale rc -l tier=none --replicas=1')).toBe('error: no objects passed to scale\n')
  })

  it('checks --current-replicas first, and goes on past a missing name', () => {
    const sim = newSim()
    apply(sim, deploymentYaml('web', 2))
    expect(kubectl(sim, 'scale deploy web --current-replicas=3 --replicas=5')).toBe('error: Expected replicas to be 3, was 2\n')
    expect(kubectl(sim, 'scale deploy web --current-replicas=2 --replicas=5')).toBe('deployment.apps/web scaled\n')
    expect(kubectl(sim, 'scale deploy ghost web --replicas=1')).toBe('deployment.apps/web scaled\nError from server (NotFound): deployments.apps "ghost" not found\n')
    expect(kubectl(sim, 'scale deploy web --replicas=x')).toBe('error: invalid argument "x" for "--replicas" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'kubectl scale --help\' for usage.\n')
    expect(kubectl(sim, 'scale deploy web --replicas=1 --current-replicas=-2')).toBe('error: The --current-replicas must specify an integer of -1 or greater\n')
  })
})

describe('kubectl autoscale', () => {
  it('creates an autoscaling/v2 HorizontalPodAutoscaler with the API server defaults', () => {
    const sim = newSim()
    apply(sim, deploymentYaml('web', 2))
    expect(kubectl(sim, 'autoscale deploy/web --max=5 --cpu=70%')).toBe('horizontalpodautoscaler.autoscaling/web autoscaled\n')
    const hpa = sim.store.get('HorizontalPodAutoscaler', 'default', 'web')!
    expect(hpa.apiVersion).toBe('autoscaling/v2')
    expect(hpa.spec).toEqual({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 1,
      maxReplicas: 5,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
    })
    expect(kubectl(sim, 'autoscale deploy web --min=2 --max=4 --cpu-percent=50 --memory=256 --name=other')).toBe(
      "Flag --cpu-percent has been deprecated, Use --cpu with percentage or resource quantity format (e.g., '70%' for utilization or '500m' for milliCPU).\nhorizontalpodautoscaler.autoscaling/other autoscaled\n",
    )
    expect(kubectl(sim, 'get hpa other')).toContain('cpu: <unknown>/50%, memory: <unknown>/256Mi   2         4')
    expect(kubectl(sim, 'autoscale deploy/web --max=5')).toBe('Error from server (AlreadyExists): horizontalpodautoscalers.autoscaling "web" already exists\n')
  })

  it("refuses with kubectl's words", () => {
    const sim = newSim()
    apply(sim, deploymentYaml('web', 1))
    expect(kubectl(sim, 'autoscale deploy/web')).toBe('error: required flag(s) "max" not set\n')
    expect(kubectl(sim, 'autoscale deploy/web --max=0')).toBe('error: --max=MAXPODS is required and must be at least 1, max: 0\n')
    expect(kubectl(sim, 'autoscale deploy/web --min=3 --max=2')).toBe('error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: 2, min: 3\n')
    expect(kubectl(sim, 'autoscale deploy/web --max=3 --cpu-percent=x')).toBe('error: invalid argument "x" for "--cpu-percent" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'kubectl autoscale --help\' for usage.\n')
    apply(sim, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n')
    expect(kubectl(sim, 'autoscale cm/x --max=2')).toBe('error: cannot autoscale a ConfigMap: could not find scale subresource for /v1, Resource=configmaps in discovery information\n')
  })
})

describe('kubectl delete flags', () => {
  it('-A with -l deletes across namespaces; names across namespaces are refused', () => {
    const sim = newSim()
    kubectl(sim, 'create namespace dev')
    kubectl(sim, 'run a --image=nginx -n dev --labels=app=a')
    kubectl(sim, 'run b --image=nginx --labels=app=a')
    sim.advance(5_000)
    expect(kubectl(sim, 'delete pod a -A')).toBe('error: a resource cannot be retrieved by name across all namespaces\n')
    expect(kubectl(sim, 'delete pods -l app=a -A --wait=false')).toBe('pod "b" deleted from default namespace\npod "a" deleted from dev namespace\n')
    expect(kubectl(sim, 'delete pods --all -l app=a')).toBe("error: setting 'all' parameter but found a non empty selector. \n")
    expect(kubectl(sim, 'delete pod a --now --grace-period=5')).toBe('error: --now and --grace-period cannot be specified together\n')
    expect(kubectl(sim, 'delete pod a --force --grace-period=5')).toBe('error: --force and --grace-period greater than 0 cannot be specified together\n')
  })
})

describe('kubectl rollout restart', () => {
  it('restarts every Deployment when given the type alone, once per second', () => {
    const sim = newSim()
    apply(sim, deploymentYaml('web', 1))
    apply(sim, deploymentYaml('api', 1))
    sim.advance(5_000)
    expect(kubectl(sim, 'rollout restart deployment')).toBe('deployment.apps/api restarted\ndeployment.apps/web restarted\n')
    expect(kubectl(sim, 'rollout restart deploy/web')).toBe(
      'error: failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another\n',
    )
    kubectl(sim, 'rollout pause deploy/api')
    sim.advance(1_000)
    expect(kubectl(sim, 'rollout restart deploy -l app=api')).toBe('No resources found in default namespace.\n')
    expect(kubectl(sim, 'rollout restart deploy/api')).toBe(`error: deployments.apps "api" can't restart paused deployment (run rollout resume first)\n`)
    expect(kubectl(sim, 'rollout restart')).toBe('error: required resource not specified\n')
  })
})
