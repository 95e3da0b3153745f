import { describe, expect, it } from 'vitest'
import { kubectl, newSim } from '../helpers.ts'

describe('kubectl get --raw', () => {
  it('answers the metrics API as metrics-server does, and NotFound for other paths', () => {
    const sim = newSim({ workers: 1, metricsServer: true })
    kubectl(sim, 'create deployment web --image=nginx:1.27')
    sim.advance(90_000)
    const nodes = JSON.parse(kubectl(sim, 'get --raw /apis/metrics.k8s.io/v1beta1/nodes'))
    expect(nodes).toMatchObject({ kind: 'NodeMetricsList', apiVersion: 'metrics.k8s.io/v1beta1', metadata: {} })
    expect(nodes.items[0]).toMatchObject({ metadata: { name: 'control-plane' }, window: '15s', usage: { cpu: expect.stringMatching(/^\d+n$/), memory: expect.stringMatching(/^\d+Ki$/) } })
    const pods = JSON.parse(kubectl(sim, 'get --raw /apis/metrics.k8s.io/v1beta1/namespaces/default/pods'))
    expect(pods.kind).toBe('PodMetricsList')
    const name = pods.items[0].metadata.name
    const one = JSON.parse(kubectl(sim, `get --raw /apis/metrics.k8s.io/v1beta1/namespaces/default/pods/${name}`))
    expect(one).toMatchObject({ kind: 'PodMetrics', metadata: { name, namespace: 'default' }, containers: [{ name: 'nginx' }] })
    expect(kubectl(sim, 'get --raw /healthz')).toBe('ok')
    expect(kubectl(sim, 'get --raw /version')).toContain('"gitVersion": "v1.35.0"')
    expect(kubectl(sim, 'get --raw /apis/nope')).toBe('Error from server (NotFound): the server could not find the requested resource\n')
  })
})
