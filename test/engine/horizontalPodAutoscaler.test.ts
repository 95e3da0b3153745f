import { describe, expect, it } from 'vitest'
import type { KubeEvent, KubeObject } from '../../src/engine/api/types.ts'
import { DOCS_EXAMPLE_MANIFESTS } from '../../src/engine/kubectl/commands/docsExampleManifests.ts'
import { apply, kubectl, kubectlShell, newSim } from '../helpers.ts'

/** The docs' php-apache Deployment and Service, with other CPU requests if asked. */
const php = (requests = 'cpu: 200m') => DOCS_EXAMPLE_MANIFESTS['https://k8s.io/examples/application/php-apache.yaml'].replace('cpu: 200m', requests)
const LOAD = 'run load-generator --image=busybox:1.28 --restart=Never -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://php-apache; done"'

const replicas = (sim: ReturnType<typeof newSim>) => (sim.store.get('Deployment', 'default', 'php-apache') as KubeObject & { spec: { replicas: number } }).spec.replicas
const hpaEvents = (sim: ReturnType<typeof newSim>) =>
  sim.store
    .list<KubeEvent>('Event', 'default')
    .filter((e) => e.involvedObject.kind === 'HorizontalPodAutoscaler')
    .map((e) => `${e.reason}: ${e.message}`)

describe('HorizontalPodAutoscaler controller', () => {
  it('runs the docs walkthrough: up to 7 under the wget loop, back to 1 five minutes after it stops', () => {
    const sim = newSim({ metricsServer: true })
    apply(sim, php())
    expect(kubectl(sim, 'autoscale deployment php-apache --cpu=50% --min=1 --max=10')).toBe('horizontalpodautoscaler.autoscaling/php-apache autoscaled\n')
    sim.advance(90_000)
    expect(kubectl(sim, 'get hpa')).toMatch(/php-apache   Deployment\/php-apache   cpu: 0%\/50%   1         10        1          90s/)
    kubectlShell(sim, LOAD)
    sim.advance(180_000)
    expect(replicas(sim)).toBe(7)
    expect(hpaEvents(sim)).toContain('SuccessfulRescale: New size: 7; reason: cpu resource utilization (percentage of request) above target')
    expect(kubectl(sim, 'get hpa php-apache')).toMatch(/cpu: (4[5-9]|5[0-4])%\/50%/)
    kubectl(sim, 'delete pod load-generator')
    sim.advance(4 * 60_000)
    // Still stabilized: the high recommendations are not five minutes old yet.
    expect(replicas(sim)).toBe(7)
    expect(kubectl(sim, 'describe hpa php-apache')).toContain('AbleToScale     True    ScaleDownStabilized  recent recommendations were higher than current one, applying the highest recent recommendation')
    sim.advance(2 * 60_000)
    expect(replicas(sim)).toBe(1)
    expect(hpaEvents(sim).at(-1)).toBe('SuccessfulRescale: New size: 1; reason: All metrics below target')
  })

  it('reports pods without a CPU request', () => {
    const sim = newSim({ metricsServer: true })
    apply(sim, php('memory: 64Mi').replace('cpu: 500m', 'memory: 128Mi'))
    kubectl(sim, 'autoscale deployment php-apache --cpu=50% --max=3')
    sim.advance(120_000)
    const out = kubectl(sim, 'describe hpa php-apache')
    expect(out).toMatch(/ScalingActive  +False   FailedGetResourceMetric  the HPA was unable to compute the replica count: failed to get cpu utilization: missing request for cpu in container php-apache of Pod php-apache-\w+-\w+/)
    expect(kubectl(sim, 'get hpa')).toContain('cpu: <unknown>/50%')
  })

  it('brings the target within min and max at once', () => {
    const sim = newSim({ metricsServer: true })
    apply(sim, php())
    kubectl(sim, 'scale deployment php-apache --replicas=6')
    kubectl(sim, 'autoscale deployment php-apache --cpu=50% --min=1 --max=3')
    sim.advance(16_000)
    expect(replicas(sim)).toBe(3)
    expect(hpaEvents(sim)).toContain('SuccessfulRescale: New size: 3; reason: Current number of replicas above Spec.MaxReplicas')
  })

  it('says when the target does not exist', () => {
    const sim = newSim({ metricsServer: true })
    apply(sim, `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ghost
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ghost}
  maxReplicas: 3
`)
    sim.advance(16_000)
    expect(hpaEvents(sim)).toEqual(['FailedGetScale: deployments.apps "ghost" not found'])
    expect(kubectl(sim, 'describe hpa ghost')).toContain(`AbleToScale  False   FailedGetScale  the HPA controller was unable to get the target's current scale: deployments.apps "ghost" not found`)
  })
})
