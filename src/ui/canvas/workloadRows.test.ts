import { describe, expect, it } from 'vitest'
import type { KubeObject, Pod } from '../../engine/api/types.ts'
import { summarizePod } from '../../engine/kubectl/podSummary.ts'
import { podTone } from '../format/podTone.ts'
import { apply, deploymentYaml, kubectl, newSim } from '../../../test/helpers.ts'
import { objectKeyOf, useCluster, type ClusterState } from '../store/clusterStore.ts'
import { SAMPLES } from '../editor/samples.ts'
import { parseOutlineRow, workloadOutline, workloadRowView } from './workloadRows.ts'

type Sim = ReturnType<typeof newSim>

/** The UI's mirror of the simulation, as the worker's patch batches would fill it. */
function mirror(sim: Sim, namespace: string | null = null): ClusterState {
  const objects: ClusterState['objects'] = {}
  for (const obj of sim.store.all()) (objects[obj.kind] ??= {})[objectKeyOf(obj)] = obj
  return { ...useCluster.getState(), objects, time: sim.now, namespace }
}

function rows(s: ClusterState): string[] {
  return workloadOutline(s).map((r) => {
    const { depth, key } = parseOutlineRow(r)
    const obj = s.objects[key.slice(0, key.indexOf('/'))][key] as KubeObject
    return `${'  '.repeat(depth)}${workloadRowView(obj, s.time).label}`
  })
}

const sample = (id: string) => SAMPLES.find((s) => s.id === id)!.yaml

const rcYaml = `apiVersion: v1
kind: ReplicationController
metadata:
  name: legacy
spec:
  replicas: 2
  selector: {app: legacy}
  template:
    metadata:
      labels: {app: legacy}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`

describe('workload rows', () => {
  it("lists every workload kind in kubectl get all's order, with kubectl's numbers", () => {
    const sim = newSim()
    apply(sim, deploymentYaml('api', 2))
    for (const id of ['daemonset', 'statefulset', 'cronjob', 'job']) apply(sim, sample(id))
    apply(sim, rcYaml)
    sim.advance(65_000)
    const s = mirror(sim, 'default')
    expect(rows(s).map((r) => r.replace(/-[a-z0-9]{8,10}\b/g, '-HASH'))).toEqual([
      'Deployment api: 2/2 ready · 2 up-to-date',
      '  ReplicaSet api-HASH: 2 desired · 2 current · 2 ready',
      'DaemonSet log-agent: 3 desired · 3 ready · 3 up-to-date',
      'StatefulSet web: 3/3 ready',
      expect.stringMatching(/^CronJob hello: schedule \* \* \* \* \* · suspend False · [01] active · last schedule \d+s$/),
      expect.stringMatching(/^ {2}Job hello-HASH: (Running · 0\/1 completions · duration \d+s|Complete · 1\/1 completions · duration \d+s)$/),
      'Job pi: Complete · 1/1 completions · duration 13s',
      'ReplicationController legacy: 2 desired · 2 current · 2 ready',
    ])
    // The same cells kubectl prints.
    expect(kubectl(sim, 'get job pi')).toMatch(/^pi +Complete +1\/1 +13s /m)
    expect(kubectl(sim, 'get ds')).toMatch(/^log-agent +3 +3 +3 +3 +3 +<none> /m)
  })

  it('shows only the chosen namespace, and names namespaces other than default', () => {
    const sim = newSim()
    kubectl(sim, 'create namespace demo')
    apply(sim, deploymentYaml('api', 1))
    apply(sim, sample('job').replace('name: pi', 'name: pi\n  namespace: demo'))
    sim.advance(30_000)
    expect(rows(mirror(sim, 'demo'))).toEqual(['Job pi (namespace demo): Complete · 1/1 completions · duration 13s'])
    expect(rows(mirror(sim, 'default'))).toEqual([expect.stringMatching(/^Deployment api: /), expect.stringMatching(/^ {2}ReplicaSet api-/)])
    // All namespaces: kube-system's CoreDNS too, as kubectl get all -A lists it.
    expect(rows(mirror(sim)).map((r) => r.replace(/-[a-z0-9]{8,10}\b/g, '-HASH').replace(/:.*/, ''))).toEqual([
      'Deployment api',
      '  ReplicaSet api-HASH',
      'Deployment coredns (namespace kube-system)',
      '  ReplicaSet coredns-HASH (namespace kube-system)',
      'Job pi (namespace demo)',
    ])
  })

  it('a Job that runs out of retries reads Failed, as kubectl get jobs prints it', () => {
    const sim = newSim()
    apply(sim, sample('job').replace('perl:5.34.0', 'busybox:1.36').replace(/command: .*/, 'command: ["sh", "-c", "exit 1"]').replace('backoffLimit: 4', 'backoffLimit: 0'))
    sim.advance(30_000)
    expect(rows(mirror(sim, 'default'))).toEqual([expect.stringMatching(/^Job pi: Failed · 0\/1 completions · duration \d+s$/)])
    expect(kubectl(sim, 'get jobs')).toMatch(/^pi +Failed +0\/1 /m)
    // Its pod's chip reads what kubectl get pods prints for it, in the failing tone.
    const [pod] = sim.store.list<Pod>('Pod', 'default')
    const summary = summarizePod(pod, sim.now)
    expect([summary.status, podTone(pod, summary)]).toEqual(['Error', 'failing'])
  })
})
