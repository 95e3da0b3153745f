import { describe, expect, it } from 'vitest'
import type { Pod } from '../../src/engine/api/types.ts'
import { RECENT_WRITES } from '../../src/engine/causes/causeLog.ts'
import type { WhyStep } from '../../src/engine/causes/whyChain.ts'
import { whyText } from '../../src/engine/causes/whySentences.ts'
import { runKubectl } from '../../src/engine/kubectl/runKubectl.ts'
import type { Simulation } from '../../src/engine/simulation.ts'
import { deploymentYaml, kubectl, newSim, podYaml, pods } from '../helpers.ts'

/** Each step as `Kind/name verb by who`, the user's steps by their command line. */
const who = (steps: WhyStep[]) => steps.map((s) => `${s.object.kind}/${s.object.name} ${s.verb} by ${s.command ?? s.actor}`)

function applyFile(sim: Simulation, yaml: string): void {
  runKubectl(sim, ['apply', '-f', 'manifest.yaml'], { readPath: (path) => [{ name: path, text: yaml }] })
  sim.settle()
}

function live(sim: Simulation): Pod[] {
  return pods(sim).filter((p) => !p.metadata.deletionTimestamp)
}

function rsName(sim: Simulation): string {
  return sim.store.list('ReplicaSet')[0].metadata.name
}

describe('causes: who wrote what, in reaction to what', () => {
  it("a Deployment's pod was created by the ReplicaSet's controller, because of the Deployment, because of the apply", () => {
    const sim = newSim()
    applyFile(sim, deploymentYaml('web', 3))
    sim.advance(5_000)
    const pod = live(sim)[0]
    const chain = sim.why(pod.metadata.uid)!
    expect(who(chain.created)).toEqual([
      `Pod/${pod.metadata.name} create by replicaset-controller`,
      `ReplicaSet/${rsName(sim)} update by deployment-controller`,
      'Deployment/web create by kubectl apply -f manifest.yaml',
    ])
    expect(chain.created[1].change).toBe('scaled from 0 to 3 replicas')
    // Its current state: the kubelet started it on the node the scheduler chose.
    expect(who(chain.changed!)).toEqual([
      `Pod/${pod.metadata.name} bind by default-scheduler`,
      ...who(chain.created),
    ])
    expect(who(chain.status!).slice(0, 3)).toEqual([
      `Pod/${pod.metadata.name} status by kubelet/${pod.spec.nodeName}`,
      `Pod/${pod.metadata.name} bind by default-scheduler`,
      `Pod/${pod.metadata.name} create by replicaset-controller`,
    ])
    expect(chain.pending).toBeUndefined()
    const text = whyText(chain)
    expect(text.split('\n')[2]).toBe('because Deployment web was created with 3 replicas by you (kubectl apply -f manifest.yaml) at 00:00:00')
    // A later chain stops where it meets the creation, already told.
    expect(text).toContain(`Last change:\nPod ${pod.metadata.name} was changed (bound to ${pod.spec.nodeName}) by default-scheduler at 00:00:00\nbecause it was created (see why it exists)`)
  })

  it("a scaled Deployment's new pod names the kubectl scale command", () => {
    const sim = newSim()
    applyFile(sim, deploymentYaml('web', 2))
    sim.advance(10_000)
    const before = new Set(live(sim).map((p) => p.metadata.name))
    kubectl(sim, 'scale deployment web --replicas=3')
    sim.advance(1_000)
    const fresh = live(sim).filter((p) => !before.has(p.metadata.name))
    expect(fresh).toHaveLength(1)
    const chain = sim.why(fresh[0].metadata.uid)!
    expect(who(chain.created)).toEqual([
      `Pod/${fresh[0].metadata.name} create by replicaset-controller`,
      `ReplicaSet/${rsName(sim)} update by deployment-controller`,
      'Deployment/web update by kubectl scale deployment web --replicas=3',
    ])
    expect(chain.created.map((s) => s.change).slice(1)).toEqual(['scaled from 2 to 3 replicas', 'scaled from 2 to 3 replicas'])
  })

  it('a replacement pod after kubectl delete pod names the delete', () => {
    const sim = newSim()
    applyFile(sim, deploymentYaml('web', 2))
    sim.advance(10_000)
    const victim = live(sim)[0].metadata.name
    const before = new Set(live(sim).map((p) => p.metadata.name))
    kubectl(sim, `delete pod ${victim} --wait=false`)
    sim.advance(1_000)
    const fresh = live(sim).filter((p) => !before.has(p.metadata.name))
    expect(fresh).toHaveLength(1)
    const steps = sim.why(fresh[0].metadata.uid)!.created
    expect(steps[0].actor).toBe('replicaset-controller')
    const deletion = steps.find((s) => s.command)!
    expect(deletion).toMatchObject({ object: { kind: 'Pod', name: victim }, verb: 'delete', command: `kubectl delete pod ${victim} --wait=false` })
  })

  it("the garbage collector's deletions name the owner's deletion", () => {
    const sim = newSim()
    applyFile(sim, deploymentYaml('web', 2))
    sim.advance(10_000)
    const pod = live(sim)[0]
    const rs = sim.store.list('ReplicaSet')[0]
    kubectl(sim, 'delete deployment web --wait=false')
    sim.advance(1_000)
    const rsChain = sim.why(rs.metadata.uid)!
    expect(rsChain.deleted).toBe(true)
    expect(who(rsChain.changed!)).toEqual([`ReplicaSet/${rs.metadata.name} remove by garbage-collector`, 'Deployment/web remove by kubectl delete deployment web --wait=false'])
    // The pod is gone: its kubelet confirmed the deletion the garbage collector asked for.
    const podSteps = sim.why(pod.metadata.uid)!.changed!
    expect(podSteps[0]).toMatchObject({ actor: `kubelet/${pod.spec.nodeName}`, verb: 'remove' })
    expect(podSteps.find((s) => s.actor === 'garbage-collector')).toMatchObject({ object: { name: pod.metadata.name }, verb: 'delete' })
    expect(who(podSteps)).toContain(`ReplicaSet/${rs.metadata.name} remove by garbage-collector`)
    expect(podSteps.at(-1)).toMatchObject({ object: { kind: 'Deployment', name: 'web' }, command: 'kubectl delete deployment web --wait=false' })
  })

  it("a pending pod carries the scheduler's verdict", () => {
    const sim = newSim()
    applyFile(sim, podYaml('big', 'nginx', '    resources: {requests: {cpu: "64"}}'))
    sim.advance(2_000)
    const pod = pods(sim)[0]
    const chain = sim.why(pod.metadata.uid)!
    expect(chain.pending).toMatch(/^0\/4 nodes are available: .*Insufficient cpu/)
    expect(who(chain.created)).toEqual(['Pod/big create by kubectl apply -f manifest.yaml'])
    expect(whyText(chain)).toContain('\nPending: 0/4 nodes are available')
  })

  it('kubeadm made what was there before anyone typed', () => {
    const sim = newSim()
    const node = sim.store.list('Node').find((n) => n.metadata.name === 'worker-1')!
    expect(sim.why(node.metadata.uid)!.created[0]).toMatchObject({ actor: 'kubeadm', verb: 'create' })
  })

  it('keeps bounded records: the creation and the last writes of each object, and forgets deleted objects after a while', () => {
    const sim = newSim()
    applyFile(sim, deploymentYaml('web', 1))
    for (let i = 2; i <= 30; i++) kubectl(sim, `scale deployment web --replicas=${(i % 3) + 1}`)
    sim.advance(5_000)
    const deployment = sim.store.get('Deployment', 'default', 'web')!
    const causes = sim.store.causes
    expect(causes.recent(deployment.metadata.uid)).toHaveLength(RECENT_WRITES)
    expect(causes.creation(deployment.metadata.uid)?.command).toBe('kubectl apply -f manifest.yaml')
    kubectl(sim, 'delete deployment web')
    sim.advance(1_000)
    expect(sim.why(deployment.metadata.uid)?.deleted).toBe(true)
    const tracked = causes.objectsTracked
    sim.advance(11 * 60_000)
    // Any write after the retention period sweeps the deleted objects' records.
    kubectl(sim, 'create namespace later')
    expect(sim.why(deployment.metadata.uid)).toBeUndefined()
    expect(causes.objectsTracked).toBeLessThan(tracked)
  })

  it('is deterministic', () => {
    const run = () => {
      const sim = newSim()
      applyFile(sim, deploymentYaml('web', 3))
      kubectl(sim, 'scale deployment web --replicas=4')
      sim.advance(10_000)
      return live(sim).map((p) => whyText(sim.why(p.metadata.uid)!)).join('\n')
    }
    expect(run()).toBe(run())
  })
})
