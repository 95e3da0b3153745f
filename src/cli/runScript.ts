import { runKubectl, type KubectlIO } from '../engine/kubectl/runKubectl.ts'
import { DEFAULT_CLUSTER, Simulation, type ClusterSpec } from '../engine/simulation.ts'
import type { ScriptStep } from './scriptParser.ts'

/** Where a script's kubectl lines read `-f PATH` and `--from-file` from. */
export type ScriptIO = Pick<KubectlIO, 'readPath' | 'readLocal'>

/** The cluster a script's `cluster` line (or its absence) builds. */
export function clusterOf(steps: ScriptStep[]): Partial<ClusterSpec> | undefined {
  const clusterStep = steps.find((s) => s.kind === 'cluster')
  return clusterStep?.kind === 'cluster' ? clusterStep.spec : undefined
}

/**
 * Runs one script line against the simulation and returns what it prints (kubectl's
 * output; nothing for the other verbs). The transcript echo is the caller's.
 */
export function runScriptStep(sim: Simulation, step: ScriptStep, io: ScriptIO = {}): string {
  switch (step.kind) {
    case 'cluster':
      return ''
    case 'kubectl':
      return runKubectl(sim, step.argv, { stdin: step.stdin, readPath: io.readPath, readLocal: io.readLocal, waitAdvancesTime: true })
    case 'advance':
      sim.advance(step.ms)
      return ''
    case 'fault':
      sim.store.causes.run({ actor: 'you', command: step.text }, () => (step.action === 'node-down' ? sim.nodeDown(step.node) : sim.nodeUp(step.node)))
      return ''
    case 'node-add': {
      // `node add` defaults to the cluster's worker size.
      const worker = { ...DEFAULT_CLUSTER, ...sim.cluster }
      sim.store.causes.run({ actor: 'you', command: step.text }, () => sim.addMachine({ cpu: worker.cpu, memory: worker.memory, maxPods: worker.maxPods, ...step.machine }))
      return ''
    }
    case 'node-remove':
      sim.store.causes.run({ actor: 'you', command: step.text }, () => sim.removeMachine(step.node))
      return ''
  }
}

/**
 * Runs parsed script steps against a fresh simulation and returns the transcript:
 * each line echoed after `$ `, followed by what kubectl printed.
 */
export function runScript(steps: ScriptStep[], opts: { seed: number } & ScriptIO): string {
  const sim = new Simulation({ seed: opts.seed, cluster: clusterOf(steps) })
  let out = ''
  for (const step of steps) out += `$ ${step.text}\n` + runScriptStep(sim, step, opts)
  return out
}
