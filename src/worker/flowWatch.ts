/**
 * The control-plane flow: the path a user's command takes, from its causal records. While
 * the UI watches, every write that follows from a kubectl command (walking its triggers back
 * to the command) is noted once per command for each (component, verb, kind): the path, not
 * every pod of a ReplicaSet. Sent with the next batch, oldest first.
 */
import type { WriteRecord } from '../engine/causes/causeLog.ts'
import type { WriteVerb } from '../engine/causes/changeSummary.ts'
import type { Simulation } from '../engine/simulation.ts'

/** The control-plane component that made a write (every write then goes API server → etcd). */
export type FlowStage = 'kubectl' | 'controller-manager' | 'scheduler' | 'kubelet' | 'other'

export interface FlowStep {
  /** The command's record number: steps with the same root follow from one command. */
  root: number
  command: string
  /** Simulated milliseconds since the cluster started. */
  at: number
  actor: string
  stage: FlowStage
  verb: WriteVerb
  kind: string
  namespace?: string
  name: string
  change: string
}

/** Steps kept per command: a Deployment's apply has about ten distinct ones. */
const MAX_STEPS_PER_COMMAND = 16
/** Commands whose steps are being collected (older ones are done). */
const MAX_COMMANDS = 4

export function stageOf(actor: string | undefined): FlowStage {
  if (actor === 'kubectl') return 'kubectl'
  if (actor === 'default-scheduler') return 'scheduler'
  if (actor?.startsWith('kubelet')) return 'kubelet'
  if (actor === undefined || actor === 'kubeadm') return 'other'
  return 'controller-manager'
}

export class FlowWatch {
  private on = false
  private sim: Simulation | undefined
  private steps: FlowStep[] = []
  private seenPerCommand = new Map<number, Set<string>>()

  attach(sim: Simulation): void {
    if (this.sim) this.sim.store.causes.onWrite = undefined
    this.sim = sim
    this.steps = []
    this.seenPerCommand.clear()
    this.listen()
  }

  set(on: boolean): void {
    this.on = on
    if (!on) this.steps = []
    this.listen()
  }

  private listen(): void {
    if (this.sim) this.sim.store.causes.onWrite = this.on ? (r) => this.note(r) : undefined
  }

  private note(record: WriteRecord): void {
    if (record.object.kind === 'Event') return
    let root = record
    while (root.trigger) root = root.trigger // at most MAX_DEPTH steps: chains are cut there
    if (root.actor !== 'kubectl' || !root.command) return
    let seen = this.seenPerCommand.get(root.seq)
    if (!seen) {
      seen = new Set()
      this.seenPerCommand.set(root.seq, seen)
      if (this.seenPerCommand.size > MAX_COMMANDS) this.seenPerCommand.delete(this.seenPerCommand.keys().next().value!)
    }
    const stage = stageOf(record.actor)
    const key = `${stage}|${record.verb}|${record.object.kind}`
    if (seen.has(key) || seen.size >= MAX_STEPS_PER_COMMAND) return
    seen.add(key)
    const { kind, namespace, name } = record.object
    this.steps.push({ root: root.seq, command: root.command, at: record.at, actor: record.actor ?? 'unknown', stage, verb: record.verb, kind, namespace, name, change: record.change })
  }

  /** The steps noted since the last poll, as a message (null: none). */
  poll(): { type: 'flow'; steps: FlowStep[] } | null {
    if (this.steps.length === 0) return null
    const steps = this.steps
    this.steps = []
    return { type: 'flow', steps }
  }
}
