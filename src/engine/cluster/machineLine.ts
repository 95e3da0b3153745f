import { NODE_USAGE, parseNodeLine } from './nodeLine.ts'
import { splitCommandLine } from '../kubectl/args.ts'
import type { Simulation } from '../simulation.ts'

/**
 * Runs a scenario script's `node add …` / `node remove …` line against the app's cluster, as
 * `kubesim run` would: a new machine gets the cluster's worker size unless the line says
 * otherwise. Returns null when done, or the one-line reason it was refused.
 */
export function runMachineLine(sim: Simulation, line: string): string | null {
  let words: string[]
  try {
    words = splitCommandLine(line.trim())
  } catch (err) {
    return err instanceof Error ? err.message : String(err)
  }
  if (words[0] !== 'node') return NODE_USAGE
  const fail = (reason: string): never => {
    throw new RefusedLine(reason)
  }
  try {
    const parsed = parseNodeLine(words.slice(1), new Set(sim.kubelets.keys()), fail)
    if (parsed.action === 'remove') sim.removeMachine(parsed.node)
    else sim.addMachine({ cpu: sim.cluster.cpu, memory: sim.cluster.memory, maxPods: sim.cluster.maxPods, ...parsed.machine })
    return null
  } catch (err) {
    if (err instanceof RefusedLine) return err.message
    throw err
  }
}

class RefusedLine extends Error {}
