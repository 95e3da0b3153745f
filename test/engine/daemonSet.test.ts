import { describe, expect, it } from 'vitest'
import type { ControllerRevision, DaemonSet, Node } from '../../src/engine/api/types.ts'
import type { Simulation } from '../../src/engine/simulation.ts'
import { apply, kubectl, newSim, pods } from '../helpers.ts'

const IMAGE = 'quay.io/fluentd_elasticsearch/fluentd:v4.7.2'
const NEXT_IMAGE = 'quay.io/fluentd_elasticsearch/fluentd:v5.0.1'

/** A DaemonSet manifest; `specExtra` is more YAML for the pod spec, indented 6 spaces. */
const dsYaml = (specExtra = '', name = 'fluentd') => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ${name}
spec:
  selector:
    matchLabels: {name: ${name}}
  template:
    metadata:
      labels: {name: ${name}}
    spec:
      containers:
      - name: fluentd
        image: ${IMAGE}
${specExtra}`

const CONTROL_PLANE_TOLERATION = `      tolerations:
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
        effect: NoSchedule
`

/** Node name → names of the live daemon pods on it (bound or pinned). */
function podsByNode(sim: Simulation): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const p of pods(sim)) {
    if (p.metadata.deletionTimestamp) continue
    const node = p.spec.nodeName ?? '(pending)'
    ;(out[node] ??= []).push(p.metadata.name)
  }
  return out
}

function ds(sim: Simulation, name = 'fluentd'): DaemonSet {
  return sim.store.get<DaemonSet>('DaemonSet', 'default', name)!
}

function setNode(sim: Simulation, name: string, change: (n: Node) => void): void {
  sim.ctx.api.mutate<Node>('Node', undefined, name, change)
  sim.settle()
}

function addWorker(sim: Simulation, name: string, ordinal: number): void {
  sim.addNode({ name, cpu: '4', memory: '8Gi', maxPods: 110, controlPlane: false, ordinal })
  sim.settle()
}

describe('DaemonSet', () => {
  it('runs one pod on every worker and none on the tainted control plane', () => {
    const sim = newSim()
    expect(apply(sim, dsYaml())).toEqual(['daemonset.apps/fluentd created'])
    sim.advance(10_000)
    expect(Object.keys(podsByNode(sim)).sort()).toEqual(['worker-1', 'worker-2', 'worker-3'])
    expect(Object.values(podsByNode(sim)).every((names) => names.length === 1)).toBe(true)
    expect(ds(sim).status).toEqual({
      currentNumberScheduled: 3,
      numberMisscheduled: 0,
      desiredNumberScheduled: 3,
      numberReady: 3,
      observedGeneration: 1,
      updatedNumberScheduled: 3,
      numberAvailable: 3,
    })
    expect(kubectl(sim, 'get ds')).toBe(
      'NAME      DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE\n' +
        'fluentd   3         3         3       3            3           <none>          10s\n',
    )
  })

  it('pins each pod to its node with matchFields affinity and adds the daemon tolerations; the scheduler binds it', () => {
    const sim = newSim()
    apply(sim, dsYaml('      hostNetwork: true\n'))
    sim.advance(5_000)
    const pod = pods(sim).find((p) => p.spec.nodeName === 'worker-2')!
    expect(pod.spec.affinity).toEqual({
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker-2'] }] }] } },
    })
    expect(pod.spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' },
    ])
    const revision = sim.store.list<ControllerRevision>('ControllerRevision', 'default')[0]
    expect(pod.metadata.labels).toEqual({ name: 'fluentd', 'controller-revision-hash': revision.metadata.name.replace('fluentd-', ''), 'pod-template-generation': '1' })
    expect(pod.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'fluentd', uid: ds(sim).metadata.uid, controller: true, blockOwnerDeletion: true }])
    expect(kubectl(sim, `get events --field-selector involvedObject.name=${pod.metadata.name}`)).toContain(`Successfully assigned default/${pod.metadata.name} to worker-2`)
  })

  it('puts a pod on the control plane too when the template tolerates its taint', () => {
    const sim = newSim()
    apply(sim, dsYaml(CONTROL_PLANE_TOLERATION))
    sim.advance(5_000)
    expect(Object.keys(podsByNode(sim)).sort()).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-3'])
    expect(ds(sim).status.desiredNumberScheduled).toBe(4)
  })

  it('gives a node that joins the cluster its pod', () => {
    const sim = newSim()
    apply(sim, dsYaml())
    sim.advance(5_000)
    addWorker(sim, 'worker-4', 5)
    sim.advance(30_000) // a new node pulls the image first
    expect(podsByNode(sim)['worker-4']).toHaveLength(1)
    expect(ds(sim).status).toMatchObject({ desiredNumberScheduled: 4, currentNumberScheduled: 4, numberReady: 4 })
  })

  it('keeps the pod on a cordoned node, and places a new DaemonSet there too (daemon pods tolerate unschedulable)', () => {
    const sim = newSim()
    apply(sim, dsYaml())
    sim.advance(5_000)
    const before = podsByNode(sim)['worker-1']
    expect(kubectl(sim, 'cordon worker-1')).toBe('node/worker-1 cordoned\n')
    sim.advance(5_000)
    expect(podsByNode(sim)['worker-1']).toEqual(before)
    apply(sim, dsYaml('', 'other'))
    sim.advance(5_000)
    expect(podsByNode(sim)['worker-1']).toHaveLength(2)
  })

  it('takes the pod off a node labelled out of its nodeSelector, and back when the label returns', () => {
    const sim = newSim()
    for (const n of ['worker-1', 'worker-2']) setNode(sim, n, (node) => void (node.metadata.labels!.disk = 'ssd'))
    apply(sim, dsYaml('      nodeSelector: {disk: ssd}\n'))
    sim.advance(5_000)
    expect(Object.keys(podsByNode(sim)).sort()).toEqual(['worker-1', 'worker-2'])
    const [onWorker2] = podsByNode(sim)['worker-2']
    setNode(sim, 'worker-2', (node) => void delete node.metadata.labels!.disk)
    sim.advance(60_000)
    expect(Object.keys(podsByNode(sim)).sort()).toEqual(['worker-1'])
    expect(kubectl(sim, 'get ds')).toBe(
      'NAME      DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE\n' +
        'fluentd   1         1         1       1            1           disk=ssd        65s\n',
    )
    expect(kubectl(sim, 'describe ds fluentd')).toContain(`Normal  SuccessfulDelete  60s   daemonset-controller  Deleted pod: ${onWorker2}`)
    setNode(sim, 'worker-3', (node) => void (node.metadata.labels!.disk = 'ssd'))
    sim.advance(5_000)
    expect(Object.keys(podsByNode(sim)).sort()).toEqual(['worker-1', 'worker-3'])
  })

  it('keeps its pod on a node that gains an untolerated NoSchedule taint, and loses it to a NoExecute one', () => {
    const sim = newSim()
    apply(sim, dsYaml())
    sim.advance(5_000)
    setNode(sim, 'worker-1', (n) => void (n.spec.taints = [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }]))
    sim.advance(5_000)
    expect(podsByNode(sim)['worker-1']).toHaveLength(1)
    expect(ds(sim).status).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2, numberMisscheduled: 1 })
    setNode(sim, 'worker-1', (n) => void (n.spec.taints = [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }]))
    sim.advance(60_000)
    expect(podsByNode(sim)['worker-1']).toBeUndefined()
    expect(ds(sim).status).toMatchObject({ desiredNumberScheduled: 2, numberMisscheduled: 0 })
  })

  it('rolls a new template out one node at a time (maxUnavailable 1), with a ControllerRevision per template', () => {
    const sim = newSim()
    apply(sim, dsYaml())
    sim.advance(10_000)
    const oldPods = new Set(pods(sim).map((p) => p.metadata.name))
    expect(kubectl(sim, `set image ds/fluentd fluentd=${NEXT_IMAGE}`)).toBe('daemonset.apps/fluentd image updated\n')
    // Sample every 100ms: never more than one node without an available pod.
    let worst = 0
    for (let t = 0; t < 60_000; t += 100) {
      sim.advance(100)
      const ready = pods(sim).filter((p) => !p.metadata.deletionTimestamp && p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'))
      worst = Math.max(worst, 3 - new Set(ready.map((p) => p.spec.nodeName)).size)
    }
    expect(worst).toBe(1)
    const now = pods(sim)
    expect(now).toHaveLength(3)
    expect(now.every((p) => !oldPods.has(p.metadata.name) && p.spec.containers[0].image === NEXT_IMAGE && p.metadata.labels!['pod-template-generation'] === '2')).toBe(true)
    const revisions = sim.store.list<ControllerRevision>('ControllerRevision', 'default').map((r) => r.revision).sort()
    expect(revisions).toEqual([1, 2])
    // The deletions and creations alternate, node by node.
    const reasons = kubectl(sim, 'describe ds fluentd').split('\n').filter((l) => l.includes('daemonset-controller')).map((l) => l.trim().split(/\s+/)[1])
    expect(reasons).toEqual(['SuccessfulCreate', 'SuccessfulCreate', 'SuccessfulCreate', 'SuccessfulDelete', 'SuccessfulCreate', 'SuccessfulDelete', 'SuccessfulCreate', 'SuccessfulDelete', 'SuccessfulCreate'])
  })

  it('prints `rollout status` as kubectl does while it watches', () => {
    const sim = newSim()
    apply(sim, dsYaml())
    expect(kubectl(sim, 'rollout status ds/fluentd')).toBe(
      'Waiting for daemon set "fluentd" rollout to finish: 0 of 3 updated pods are available...\n' + 'daemon set "fluentd" successfully rolled out\n',
    )
    kubectl(sim, `set image daemonset/fluentd fluentd=${NEXT_IMAGE}`)
    expect(kubectl(sim, 'rollout status daemonset/fluentd')).toBe(
      [
        'Waiting for daemon set "fluentd" rollout to finish: 0 out of 3 new pods have been updated...',
        'Waiting for daemon set "fluentd" rollout to finish: 1 out of 3 new pods have been updated...',
        'Waiting for daemon set "fluentd" rollout to finish: 2 out of 3 new pods have been updated...',
        'Waiting for daemon set "fluentd" rollout to finish: 2 of 3 updated pods are available...',
        'daemon set "fluentd" successfully rolled out',
        '',
      ].join('\n'),
    )
  })

  it('is described as kubectl describes it', () => {
    const sim = newSim()
    apply(sim, dsYaml())
    sim.advance(10_000)
    const names = kubectl(sim, 'describe ds fluentd').match(/Created pod: (\S+)/g)!.map((m) => m.slice('Created pod: '.length))
    expect(kubectl(sim, 'describe ds fluentd')).toBe(`Name:           fluentd
Namespace:      default
Selector:       name=fluentd
Node-Selector:  <none>
Labels:         <none>
Annotations:    deprecated.daemonset.template.generation: 1
Desired Number of Nodes Scheduled: 3
Current Number of Nodes Scheduled: 3
Number of Nodes Scheduled with Up-to-date Pods: 3
Number of Nodes Scheduled with Available Pods: 3
Number of Nodes Misscheduled: 0
Pods Status:  3 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  name=fluentd
  Containers:
   fluentd:
    Image:         ${IMAGE}
    Port:          <none>
    Host Port:     <none>
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:
  Type    Reason            Age   From                  Message
  ----    ------            ----  ----                  -------
  Normal  SuccessfulCreate  10s   daemonset-controller  Created pod: ${names[0]}
  Normal  SuccessfulCreate  10s   daemonset-controller  Created pod: ${names[1]}
  Normal  SuccessfulCreate  10s   daemonset-controller  Created pod: ${names[2]}
`)
  })

  it('keeps history: rollout history, undo and restart', () => {
    const sim = newSim()
    apply(sim, dsYaml())
    kubectl(sim, 'rollout status ds/fluentd')
    kubectl(sim, `set image ds/fluentd fluentd=${NEXT_IMAGE}`)
    kubectl(sim, 'rollout status ds/fluentd')
    expect(kubectl(sim, 'rollout history ds/fluentd')).toBe('daemonset.apps/fluentd \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n')
    expect(kubectl(sim, 'rollout undo ds/fluentd')).toBe('daemonset.apps/fluentd rolled back\n')
    kubectl(sim, 'rollout status ds/fluentd')
    expect(pods(sim).map((p) => p.spec.containers[0].image)).toEqual([IMAGE, IMAGE, IMAGE])
    expect(kubectl(sim, 'rollout history ds/fluentd')).toBe('daemonset.apps/fluentd \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n')
    expect(kubectl(sim, 'rollout undo ds/fluentd --to-revision=3')).toBe('daemonset.apps/fluentd skipped rollback (current template already matches revision 3)\n')
    expect(kubectl(sim, 'rollout undo ds/fluentd --to-revision=9')).toBe('error: unable to find specified revision 9 in history\n')
    expect(kubectl(sim, 'rollout restart ds/fluentd')).toBe('daemonset.apps/fluentd restarted\n')
    kubectl(sim, 'rollout status ds/fluentd')
    expect(pods(sim).every((p) => p.metadata.annotations?.['kubectl.kubernetes.io/restartedAt'])).toBe(true)
    expect(kubectl(sim, 'get controllerrevisions')).toMatch(/^NAME\s+CONTROLLER\s+REVISION\s+AGE\nfluentd-\w+\s+daemonset.apps\/fluentd\s+\d/)
  })

  it('deletes its pods and revisions with it', () => {
    const sim = newSim()
    apply(sim, dsYaml())
    sim.advance(5_000)
    expect(kubectl(sim, 'delete ds fluentd')).toBe('daemonset.apps "fluentd" deleted from default namespace\n')
    sim.advance(60_000)
    expect(pods(sim)).toEqual([])
    expect(sim.store.list('ControllerRevision', 'default')).toEqual([])
  })

  it('is validated as the API server validates it', () => {
    const sim = newSim()
    // An empty selector selects everything, so only its emptiness is an error.
    expect(apply(sim, dsYaml().replace('    matchLabels: {name: fluentd}', '    matchLabels: {}'))).toEqual([
      'The DaemonSet "fluentd" is invalid: spec.selector: Invalid value: {"matchLabels":{}}: empty selector is invalid for daemonset',
    ])
    expect(apply(sim, dsYaml('      restartPolicy: Never\n'))).toEqual([
      'The DaemonSet "fluentd" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ])
    apply(sim, dsYaml())
    expect(apply(sim, dsYaml().replace(/name: fluentd}/g, 'name: fluentd, tier: log}'))[0]).toContain('spec.selector: Invalid value: {"matchLabels":{"name":"fluentd","tier":"log"}}: field is immutable')
  })
})
