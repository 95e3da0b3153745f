/**
 * "Why?" for one object: the chain of writes behind it, each with who made it and
 * the earlier write it reacted to, back to a user command (or to kubeadm setting the
 * cluster up). Three chains: why the object exists (its creation), why its spec is as
 * it is (its latest other write: a scale, a bind, a deletion), and why its status is
 * (its latest status write), plus the scheduler's verdict for a pod still waiting.
 */
import type { ApiStore } from '../api/store.ts'
import type { KubeObject, Pod } from '../api/types.ts'
import type { SchedulingDecision } from '../scheduler/decision.ts'
import type { ObjectRef, WriteRecord } from './causeLog.ts'
import type { WriteVerb } from './changeSummary.ts'

/** One write in a chain, as plain data (it crosses the worker boundary). */
export interface WhyStep {
  object: ObjectRef
  resourceVersion: string
  verb: WriteVerb
  change: string
  /** Simulated milliseconds since the cluster started. */
  at: number
  actor?: string
  /** The user's command line, when the user made this write. */
  command?: string
}

export interface WhyChain {
  object: ObjectRef
  /** Why it exists: its creation, then what that reacted to, and so on. Empty if the creation is forgotten. */
  created: WhyStep[]
  /** Its latest write other than a status write, when that is not the creation: a scale, a bind, a deletion. */
  changed?: WhyStep[]
  /** Its latest status write: who reported its state, reacting to what. */
  status?: WhyStep[]
  /** For a pod not on a node yet: the scheduler's last verdict. */
  pending?: string
  /** The object is gone (its records are kept a while after deletion). */
  deleted: boolean
}

/** Longest chain returned; records already cut theirs at MAX_DEPTH. */
const MAX_STEPS = 32

export function chainFrom(record: WriteRecord | undefined): WhyStep[] {
  const steps: WhyStep[] = []
  for (let r = record; r && steps.length < MAX_STEPS; r = r.trigger) {
    steps.push({ object: r.object, resourceVersion: r.resourceVersion, verb: r.verb, change: r.change, at: r.at, actor: r.actor, command: r.command })
  }
  return steps
}

export function whyChain(store: ApiStore, uid: string, decision?: SchedulingDecision): WhyChain | undefined {
  const causes = store.causes
  const recent = causes.recent(uid)
  const live = store.findUid(uid)
  if (recent.length === 0 && !live) return undefined
  const creation = causes.creation(uid)
  const object = recent.at(-1)?.object ?? refOf(live!)
  const chain: WhyChain = { object, created: chainFrom(creation), deleted: !live }
  const changed = recent.findLast((r) => r.verb !== 'status')
  if (changed && changed !== creation) chain.changed = chainFrom(changed)
  const status = recent.findLast((r) => r.verb === 'status')
  if (status) chain.status = chainFrom(status)
  if (live?.kind === 'Pod' && !(live as Pod).spec.nodeName && !live.metadata.deletionTimestamp) {
    chain.pending = decision?.message ?? 'waiting for the scheduler'
  }
  return chain
}

function refOf(obj: KubeObject): ObjectRef {
  return { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name, uid: obj.metadata.uid }
}
