import { TrafficLog } from '../engine/network/trafficLog.ts'
import type { Simulation } from '../engine/simulation.ts'

/** Deep-copies an object's own fields now; the returned function puts them back. */
function saveFields(obj: object): () => void {
  const saved = structuredClone({ ...obj })
  return () => Object.assign(obj, saved)
}

/**
 * Runs `read` and then undoes what a read can still touch outside the API: `kubectl exec
 * … -- curl` draws an endpoint from the random stream and records the request in the
 * traffic log (which an autoscaler reads). A check runs many times as the app evaluates
 * it, so neither may move, or a run with the lab open would differ from one without.
 */
export function isolated<T>(sim: Simulation, read: () => T): T {
  const restores = [saveFields(sim.ctx.rng), saveFields(TrafficLog.of(sim.ctx))]
  try {
    return read()
  } finally {
    for (const restore of restores) restore()
  }
}
