import { describe, expect, it } from 'vitest'
import { inGoFieldOrder } from '../../src/engine/kubectl/printers/goFieldOrder.ts'
import { kubectlShell, newSim } from '../helpers.ts'

/** Every object's keys, depth first, as `path: k1 k2 …`, to compare orders whole. */
function keyOrders(v: unknown, path = ''): string[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => keyOrders(x, `${path}[${i}]`))
  if (typeof v !== 'object' || v === null) return []
  return [`${path || '.'}: ${Object.keys(v).join(' ')}`, ...Object.entries(v).flatMap(([k, x]) => keyOrders(x, `${path}.${k}`))]
}

describe('-o json of create/run/expose in Go struct order (issue 6)', () => {
  it('orders ObjectMeta, the spec and nested structs as the Go types declare them, and sorts maps', () => {
    const shuffled = {
      status: {},
      spec: {
        template: { spec: { schedulerName: 'default-scheduler', containers: [{ imagePullPolicy: 'IfNotPresent', resources: { requests: { memory: '1Gi', cpu: '1' } }, image: 'nginx', name: 'web' }] }, metadata: { labels: { b: '1', a: '2' } } },
        selector: { matchLabels: { app: 'web' } },
        replicas: 1,
      },
      metadata: { resourceVersion: '5', labels: { app: 'web' }, uid: 'u', name: 'web', creationTimestamp: '2026-01-05T09:00:00Z', namespace: 'default', generation: 1 },
      apiVersion: 'apps/v1',
      kind: 'Deployment',
    }
    expect(keyOrders(inGoFieldOrder(shuffled))).toEqual([
      '.: kind apiVersion metadata spec status',
      '.metadata: name namespace uid resourceVersion generation creationTimestamp labels',
      '.metadata.labels: app',
      '.spec: replicas selector template',
      '.spec.selector: matchLabels',
      '.spec.selector.matchLabels: app',
      '.spec.template: metadata spec',
      '.spec.template.metadata: labels',
      '.spec.template.metadata.labels: a b',
      '.spec.template.spec: containers schedulerName',
      '.spec.template.spec.containers[0]: name image resources imagePullPolicy',
      '.spec.template.spec.containers[0].resources: requests',
      '.spec.template.spec.containers[0].resources.requests: cpu memory',
      '.status: ',
    ])
  })

  it('keeps fields the struct does not declare after the others, and leaves unknown kinds as they are', () => {
    expect(Object.keys(inGoFieldOrder({ data: {}, zz: 1, metadata: {}, apiVersion: 'v1', kind: 'ConfigMap' }) as object)).toEqual(['kind', 'apiVersion', 'metadata', 'data', 'zz'])
    const other = { spec: {}, kind: 'Widget', apiVersion: 'example.com/v1' }
    expect(inGoFieldOrder(other)).toBe(other)
  })

  it('prints the server answer of create, run and expose in that order; get -o json stays alphabetical', () => {
    const sim = newSim()
    const created = JSON.parse(kubectlShell(sim, 'create deployment web --image=nginx:1.27 --port=80 -o json'))
    const orders = keyOrders(created)
    expect(orders[0]).toBe('.: kind apiVersion metadata spec status')
    expect(orders).toContain('.metadata: name namespace uid resourceVersion generation creationTimestamp labels')
    expect(orders).toContain('.spec: replicas selector template strategy revisionHistoryLimit progressDeadlineSeconds')
    expect(orders).toContain('.spec.template.spec.containers[0]: name image ports resources terminationMessagePath terminationMessagePolicy imagePullPolicy')
    expect(orders).toContain('.spec.template.spec: containers restartPolicy terminationGracePeriodSeconds dnsPolicy securityContext schedulerName')

    const pod = keyOrders(JSON.parse(kubectlShell(sim, 'run db --image=redis:7 --labels=tier=db,app=db -o json')))
    expect(pod).toContain('.metadata.labels: app tier')
    expect(pod.find((o) => o.startsWith('.spec: '))).toBe('.spec: volumes containers restartPolicy terminationGracePeriodSeconds dnsPolicy serviceAccountName serviceAccount securityContext schedulerName tolerations priority enableServiceLinks preemptionPolicy')
    expect(pod).toContain('.spec.tolerations[0]: key operator effect tolerationSeconds')

    const svc = keyOrders(JSON.parse(kubectlShell(sim, 'expose deployment web --port=8080 --target-port=80 -o json')))
    expect(svc).toContain('.spec: ports selector clusterIP clusterIPs type sessionAffinity ipFamilies ipFamilyPolicy internalTrafficPolicy')
    expect(svc).toContain('.spec.ports[0]: protocol port targetPort')

    const cm = keyOrders(JSON.parse(kubectlShell(sim, 'create configmap cfg --from-literal=size=10 --from-literal=color=blue -o json')))
    expect(cm).toContain('.data: color size')
    expect(cm).toContain('.metadata: name namespace uid resourceVersion creationTimestamp')

    const got = keyOrders(JSON.parse(kubectlShell(sim, 'get deployment web -o json')))
    expect(got[0]).toBe('.: apiVersion kind metadata spec status')
    expect(got.find((o) => o.startsWith('.metadata: '))).toBe('.metadata: annotations creationTimestamp generation labels name namespace resourceVersion uid')
  })
})
