import { describe, expect, it } from 'vitest'
import { runKubectl } from '../engine/kubectl/runKubectl.ts'
import { deploymentYaml, newSim } from '../../test/helpers.ts'
import { FlowWatch, stageOf } from './flowWatch.ts'

describe('FlowWatch: the path of a command through the control plane', () => {
  it("follows an apply's Deployment to ReplicaSet, Pods, scheduling and the kubelet, each kind of step once", () => {
    const sim = newSim()
    const flow = new FlowWatch()
    flow.attach(sim)
    flow.set(true)
    runKubectl(sim, ['apply', '-f', 'manifest.yaml'], { readPath: (path) => [{ name: path, text: deploymentYaml('web', 3) }] })
    sim.advance(10_000)
    const steps = flow.poll()!.steps
    const path = steps.map((s) => `${s.stage} ${s.actor} ${s.verb} ${s.kind}`)
    expect(path[0]).toBe('kubectl kubectl create Deployment')
    expect(path).toContain('controller-manager replicaset-controller create Pod')
    expect(path).toContain('scheduler default-scheduler bind Pod')
    expect(path.some((p) => /^kubelet kubelet\/worker-\d status Pod$/.test(p))).toBe(true)
    // Three pods, one step of each kind: the path, not every pod.
    expect(path.filter((p) => p === 'controller-manager replicaset-controller create Pod')).toHaveLength(1)
    expect(new Set(steps.map((s) => s.command))).toEqual(new Set(['kubectl apply -f manifest.yaml']))
    expect(steps.every((s, i) => i === 0 || s.at >= steps[i - 1].at)).toBe(true)
    expect(flow.poll()).toBeNull()
  })

  it('notes nothing while off, nor writes that no command started', () => {
    const sim = newSim()
    const flow = new FlowWatch()
    flow.attach(sim)
    runKubectl(sim, ['apply', '-f', 'manifest.yaml'], { readPath: (path) => [{ name: path, text: deploymentYaml('web', 1) }] })
    sim.advance(5_000)
    expect(flow.poll()).toBeNull()
    flow.set(true)
    sim.advance(60_000)
    // Kubelet heartbeats and lease renewals follow from no command.
    expect(flow.poll()?.steps.filter((s) => s.stage === 'other') ?? []).toEqual([])
  })

  it('names the component of each actor', () => {
    expect(stageOf('kubectl')).toBe('kubectl')
    expect(stageOf('deployment-controller')).toBe('controller-manager')
    expect(stageOf('default-scheduler')).toBe('scheduler')
    expect(stageOf('kubelet/worker-1')).toBe('kubelet')
    expect(stageOf('kubeadm')).toBe('other')
  })
})
