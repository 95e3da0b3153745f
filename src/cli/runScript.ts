import { runKubectl, type KubectlIO } from '../engine/kubectl/runKubectl.ts'
import { DEFAULT_CLUSTER, Simulation } from '../engine/simulation.ts'
import type { ScriptStep } from './scriptParser.ts'

/**
 * Runs parsed script steps against a fresh simulation and returns the transcript:
 * each line echoed after `$ `, followed by what kubectl printed.
 */
export function runScript(steps: ScriptStep[], opts: { seed: number; readPath: KubectlIO['readPath']; readLocal?: KubectlIO['readLocal'] }): string {
  const clusterStep = steps.find((s) => s.kind === 'cluster')
  const clusterSpec = clusterStep?.kind === 'cluster' ? clusterStep.spec : undefined
  const sim = new Simulation({ seed: opts.seed, cluster: clusterSpec })
  // `node add` defaults to the cluster's worker size.
  const worker = { ...DEFAULT_CLUSTER, ...clusterSpec }
  let out = ''
  for (const step of steps) {
    out += `$ ${step.text}\n`
    switch (step.kind) {
      case 'cluster':
        break
      case 'kubectl':
        out += runKubectl(sim, step.argv, { stdin: step.stdin, readPath: opts.readPath, readLocal: opts.readLocal, waitAdvancesTime: true })
        break
      case 'advance':
        sim.advance(step.ms)
        break
      case 'fault':
        sim.store.causes.run({ actor: 'you', command: step.text }, () => (step.action === 'node-down' ? sim.nodeDown(step.node) : sim.nodeUp(step.node)))
        break
      case 'node-add':
        sim.store.causes.run({ actor: 'you', command: step.text }, () => sim.addMachine({ cpu: worker.cpu, memory: worker.memory, maxPods: worker.maxPods, ...step.machine }))
        break
      case 'node-remove':
        sim.store.causes.run({ actor: 'you', command: step.text }, () => sim.removeMachine(step.node))
        break
    }
  }
  return out
}
