import type { EngineContext } from '../context.ts'
import type { Simulated } from './traffic.ts'

/**
 * The simulation as the network sees it (its kubelets, whether its plugin enforces
 * NetworkPolicies), for components that only hold the engine context, such as a
 * kubelet whose container sends requests.
 */
const bySimulation = new WeakMap<object, Simulated>()

export function registerNetwork(sim: Simulated): void {
  bySimulation.set(sim.ctx.store, sim)
}

export function networkOf(ctx: EngineContext): Simulated {
  return bySimulation.get(ctx.store) ?? { ctx }
}
