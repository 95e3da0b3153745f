import { describe, expect, it } from 'vitest'
import type { Pod } from '../../src/engine/api/types.ts'
import { apply, kubectl, newSim } from '../helpers.ts'

const LIMITS = `apiVersion: v1
kind: LimitRange
metadata: {name: cpu-limits}
spec:
  limits:
  - type: Container
    min: {cpu: 100m}
    max: {cpu: "2"}
    default: {cpu: 500m, memory: 256Mi}
    defaultRequest: {cpu: 200m}
    maxLimitRequestRatio: {cpu: "4"}
`
const pod = (name: string, resources: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    resources: ${resources}\n`

describe('LimitRange', () => {
  it('is listed with the server default table and described as kubectl does, defaults filled in', () => {
    const sim = newSim()
    expect(apply(sim, LIMITS)).toEqual(['limitrange/cpu-limits created'])
    expect(kubectl(sim, 'get limits')).toBe('NAME         CREATED AT\ncpu-limits   2026-01-05T09:00:00Z\n')
    expect(kubectl(sim, 'describe limitrange cpu-limits')).toBe(
      [
        'Name:       cpu-limits',
        'Namespace:  default',
        'Type        Resource  Min   Max  Default Request  Default Limit  Max Limit/Request Ratio',
        '----        --------  ---   ---  ---------------  -------------  -----------------------',
        'Container   cpu       100m  2    200m             500m           4',
        'Container   memory    -     -    256Mi            256Mi          -',
        '',
      ].join('\n'),
    )
  })

  it('fills in default requests and limits, and says so in an annotation', () => {
    const sim = newSim()
    apply(sim, LIMITS)
    expect(kubectl(sim, 'run web --image=nginx:1.27')).toBe('pod/web created\n')
    const web = sim.store.get<Pod>('Pod', 'default', 'web')!
    expect(web.spec.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '200m', memory: '256Mi' } })
    expect(web.metadata.annotations?.['kubernetes.io/limit-ranger']).toBe(
      'LimitRanger plugin set: cpu, memory request for container web; cpu, memory limit for container web',
    )
    apply(sim, pod('half', '{requests: {cpu: 300m}}'))
    expect(sim.store.get<Pod>('Pod', 'default', 'half')!.metadata.annotations?.['kubernetes.io/limit-ranger']).toBe(
      'LimitRanger plugin set: memory request for container app; cpu, memory limit for container app',
    )
  })

  it('refuses containers below min or above max with the real messages', () => {
    const sim = newSim()
    apply(sim, LIMITS)
    expect(apply(sim, pod('small', '{requests: {cpu: 50m}, limits: {cpu: 100m}}'))).toEqual([
      'Error from server (Forbidden): error when creating "STDIN": pods "small" is forbidden: minimum cpu usage per Container is 100m, but request is 50m',
    ])
    // The default limit (500m) is filled in before the checks: 500m over 50m breaks the ratio too.
    expect(apply(sim, pod('tiny', '{requests: {cpu: 50m}}'))).toEqual([
      'Error from server (Forbidden): error when creating "STDIN": pods "tiny" is forbidden: [minimum cpu usage per Container is 100m, but request is 50m, cpu max limit to request ratio per Container is 4, but provided ratio is 10.000000]',
    ])
    expect(apply(sim, pod('both', '{requests: {cpu: 50m}, limits: {cpu: "3"}}'))).toEqual([
      'Error from server (Forbidden): error when creating "STDIN": pods "both" is forbidden: [minimum cpu usage per Container is 100m, but request is 50m, maximum cpu usage per Container is 2, but limit is 3, cpu max limit to request ratio per Container is 4, but provided ratio is 60.000000]',
    ])
    expect(apply(sim, pod('bursty', '{requests: {cpu: 100m}, limits: {cpu: 500m}}'))).toEqual([
      'Error from server (Forbidden): error when creating "STDIN": pods "bursty" is forbidden: cpu max limit to request ratio per Container is 4, but provided ratio is 5.000000',
    ])
  })

  it('says when nothing is specified for a min or max', () => {
    const sim = newSim()
    apply(sim, 'apiVersion: v1\nkind: LimitRange\nmetadata: {name: pod-max}\nspec:\n  limits:\n  - type: Pod\n    max: {memory: 1Gi}\n    min: {cpu: 10m}\n')
    expect(apply(sim, pod('free', '{}'))).toEqual([
      'Error from server (Forbidden): error when creating "STDIN": pods "free" is forbidden: [minimum cpu usage per Pod is 10m.  No request is specified, maximum memory usage per Pod is 1Gi.  No limit is specified]',
    ])
  })

  it('refuses an inconsistent LimitRange', () => {
    const sim = newSim()
    expect(apply(sim, 'apiVersion: v1\nkind: LimitRange\nmetadata: {name: bad}\nspec:\n  limits:\n  - type: Container\n    min: {cpu: "1"}\n    max: {cpu: 500m}\n')).toEqual([
      'The LimitRange "bad" is invalid: \n* spec.limits[0].min[cpu]: Invalid value: "1": min value 1 is greater than max value 500m\n* spec.limits[0].defaultRequest[cpu]: Invalid value: "500m": min value 1 is greater than default request value 500m\n* spec.limits[0].default[cpu]: Invalid value: "1": min value 1 is greater than default value 500m',
    ])
  })

  it('Deployment pods are refused the same way; the ReplicaSet records FailedCreate', () => {
    const sim = newSim()
    apply(sim, LIMITS)
    apply(sim, `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: app
        image: nginx:1.27
        resources: {limits: {cpu: "4"}}
`)
    sim.advance(5_000)
    expect(kubectl(sim, 'describe rs')).toMatch(
      /Warning {2}FailedCreate .* replicaset-controller {2}Error creating: pods "web-[a-z0-9]+-[a-z0-9]{5}" is forbidden: maximum cpu usage per Container is 2, but limit is 4\n/,
    )
  })
})
