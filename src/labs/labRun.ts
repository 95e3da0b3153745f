import { runScriptStep, type ScriptIO } from '../cli/runScript.ts'
import type { ScriptStep } from '../cli/scriptParser.ts'
import { Simulation } from '../engine/simulation.ts'
import type { CheckEnv } from './assertions.ts'
import type { Lab } from './lab.ts'

/** A lab under way: the cluster, the context checks run in, and the student's kubectl lines. */
export interface LabRun extends CheckEnv {
  history: string[]
}

/** Builds the lab's cluster and runs its setup, which the student does not see and which is not history. */
export function startLab(lab: Lab, seed: number): LabRun {
  const sim = new Simulation({ seed, cluster: lab.cluster })
  for (const step of lab.setup) runScriptStep(sim, step)
  return { sim, startingKubeconfig: structuredClone(sim.kubeconfig), history: [] }
}

/** Runs one line as the student: kubectl lines count in the history as written. Returns what it printed. */
export function runAsStudent(run: LabRun, step: ScriptStep, io: ScriptIO = {}): string {
  if (step.kind === 'kubectl') run.history.push(step.text)
  return runScriptStep(run.sim, step, io)
}
