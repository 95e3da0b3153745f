/**
 * What the inspector asks the engine: read-only kubectl lines (the engine's own
 * describer, `get -o yaml`, logs) and the causes behind one object at a time.
 */
import { splitCommandLine } from '../engine/kubectl/args.ts'
import { runKubectl } from '../engine/kubectl/runKubectl.ts'
import type { Simulation } from '../engine/simulation.ts'
import type { EngineMessage } from './protocol.ts'

/** Verbs that never write: the inspector may run only these. */
const READ_VERBS = new Set(['describe', 'get', 'logs'])

export function runQuery(sim: Simulation, args: string): string {
  const argv = splitCommandLine(args)
  if (!READ_VERBS.has(argv[0]) || argv.some((a) => a === '-w' || a === '--watch' || a === '-f' || a === '--follow')) {
    return `error: the inspector runs only describe, get and logs, without watching\n`
  }
  return runKubectl(sim, argv)
}

/** The one object whose causes stream to the UI, re-sent only when its records or its scheduler verdict change. */
export class WhyWatch {
  private uid: string | null = null
  private sentVersion = ''

  watch(uid: string | null): void {
    this.uid = uid
    this.sentVersion = ''
  }

  /** The message to send now, if the causes changed since the last one. */
  poll(sim: Simulation): Extract<EngineMessage, { type: 'why' }> | undefined {
    const uid = this.uid
    if (!uid) return undefined
    const latest = sim.store.causes.latest(uid)
    const decision = sim.scheduler.decisions.get(uid)
    const version = `${latest?.seq ?? 0}/${decision?.at ?? ''}/${decision?.message ?? ''}/${sim.store.findUid(uid) ? 1 : 0}`
    if (version === this.sentVersion) return undefined
    this.sentVersion = version
    return { type: 'why', uid, chain: sim.why(uid) ?? null }
  }
}
