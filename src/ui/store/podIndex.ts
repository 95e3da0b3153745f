/**
 * The UI's pods by node, kept up to date per patch batch: a batch costs what it changed (its
 * pods and the nodes they were or are on), never a pass over every pod. A node's entry is
 * replaced only when one of its pods changed, so a card's selector keeps its identity otherwise.
 */
import type { KubeObject, Pod } from '../../engine/api/types.ts'
import { summarizePod } from '../../engine/kubectl/podSummary.ts'
import { podRequests } from '../../engine/scheduler/nodeInfo.ts'
import { podTone, type PodTone } from '../format/podTone.ts'

/** The tones in a fixed order, with a one-letter code each (a node's tones as one short string). */
export const TONES: readonly PodTone[] = ['ready', 'starting', 'notready', 'pending', 'failing', 'terminating', 'done']
const CODE: Record<PodTone, string> = { ready: 'r', starting: 's', notready: 'n', pending: 'p', failing: 'f', terminating: 't', done: 'd' }
export const TONE_OF_CODE: Record<string, PodTone> = Object.fromEntries(TONES.map((t) => [CODE[t], t]))

interface PodEntry {
  /** Node name, '' while unscheduled. */
  node: string
  tone: PodTone
  cpu: number
  memory: number
  /** Occupies its node (not Succeeded or Failed). */
  active: boolean
}

/** One node's pods (or, under '', the unscheduled ones). */
export interface NodePods {
  /** Store keys, in key order (namespace, then name). */
  keys: readonly string[]
  /** Each pod's tone code, in `keys` order (what the dots draw). */
  tones: string
  /** Pods per tone. */
  counts: Readonly<Record<PodTone, number>>
  /** Requests of the pods that occupy the node, and how many do. */
  cpu: number
  memory: number
  active: number
}

export interface PodIndex {
  /** Mutated in place per batch (the store's state holds a new PodIndex wrapper each time). */
  readonly pods: Map<string, PodEntry>
  readonly byNode: Map<string, NodePods>
}

export const EMPTY_NODE_PODS: NodePods = { keys: [], tones: '', counts: zeroCounts(), cpu: 0, memory: 0, active: 0 }

function zeroCounts(): Record<PodTone, number> {
  return { ready: 0, starting: 0, notready: 0, pending: 0, failing: 0, terminating: 0, done: 0 }
}

export function emptyPodIndex(): PodIndex {
  return { pods: new Map(), byNode: new Map() }
}

function entryOf(pod: Pod): PodEntry {
  const summary = summarizePod(pod, 0)
  const r = podRequests(pod)
  const active = pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed'
  return { node: pod.spec.nodeName ?? '', tone: podTone(pod, summary), cpu: r.cpu, memory: r.memory, active }
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Applies a batch's pod upserts and deletes (other kinds are skipped). `deletes` are store keys.
 * Returns a new wrapper over the same maps when anything changed, else the same index.
 */
export function updatePodIndex(index: PodIndex, upserts: readonly KubeObject[], deletes: readonly string[]): PodIndex {
  const added = new Map<string, string[]>()
  const removed = new Map<string, Set<string>>()
  const touched = new Set<string>()
  const leave = (node: string, key: string) => {
    let set = removed.get(node)
    if (!set) removed.set(node, (set = new Set()))
    set.add(key)
    touched.add(node)
  }
  const join = (node: string, key: string) => {
    let list = added.get(node)
    if (!list) added.set(node, (list = []))
    list.push(key)
    touched.add(node)
  }
  for (const obj of upserts) {
    if (obj.kind !== 'Pod') continue
    const key = `Pod/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`
    const next = entryOf(obj as Pod)
    const prev = index.pods.get(key)
    index.pods.set(key, next)
    if (!prev) join(next.node, key)
    else if (prev.node !== next.node) {
      leave(prev.node, key)
      join(next.node, key)
    } else touched.add(next.node)
  }
  for (const key of deletes) {
    if (!key.startsWith('Pod/')) continue
    const prev = index.pods.get(key)
    if (!prev) continue
    index.pods.delete(key)
    leave(prev.node, key)
  }
  if (touched.size === 0) return index
  for (const node of touched) {
    const prev = index.byNode.get(node)
    const gone = removed.get(node)
    const joined = added.get(node)
    let keys: readonly string[] = prev?.keys ?? []
    if (gone || joined) keys = mergeKeys(keys, gone, joined)
    if (keys.length === 0) {
      index.byNode.delete(node)
      continue
    }
    index.byNode.set(node, summarize(index.pods, keys))
  }
  return { pods: index.pods, byNode: index.byNode }
}

/** `keys` without `gone`, with `joined` merged in order: linear in the node's pods, not a re-sort. */
function mergeKeys(keys: readonly string[], gone: Set<string> | undefined, joined: string[] | undefined): string[] {
  const kept = gone ? keys.filter((k) => !gone.has(k)) : keys
  if (!joined) return kept as string[]
  const fresh = [...new Set(joined)].sort(byKey)
  const out: string[] = []
  let i = 0
  let j = 0
  while (i < kept.length || j < fresh.length) {
    if (j >= fresh.length || (i < kept.length && kept[i] <= fresh[j])) {
      if (j < fresh.length && kept[i] === fresh[j]) j++
      out.push(kept[i++])
    } else out.push(fresh[j++])
  }
  return out
}

function summarize(pods: Map<string, PodEntry>, keys: readonly string[]): NodePods {
  const counts = zeroCounts()
  let tones = ''
  let cpu = 0
  let memory = 0
  let active = 0
  for (const key of keys) {
    const e = pods.get(key)!
    counts[e.tone]++
    tones += CODE[e.tone]
    if (!e.active) continue
    cpu += e.cpu
    memory += e.memory
    active++
  }
  return { keys, tones, counts, cpu, memory, active }
}

/** "12 running, 3 pending": the counts a screen reader hears for a node's dots (tones with pods only). */
export function countsSentence(counts: Readonly<Record<PodTone, number>>): string {
  const words: Record<PodTone, string> = {
    ready: 'ready',
    starting: 'starting',
    notready: 'running, not ready',
    pending: 'pending',
    failing: 'failing',
    terminating: 'terminating',
    done: 'completed',
  }
  const parts = TONES.filter((t) => counts[t] > 0).map((t) => `${counts[t]} ${words[t]}`)
  return parts.length > 0 ? parts.join(', ') : 'no pods'
}
