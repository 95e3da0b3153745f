/**
 * The UI's mirror of the cluster (filled from the worker's patch batches) plus UI state.
 * Objects live by kind, then by store key `Kind/namespace/name`; a batch replaces only
 * the kind maps it touches, so selectors on other kinds keep their identity.
 */
import type { Countdown } from '../../engine/countdowns.ts'
import { create } from 'zustand'
import type { KubeObject } from '../../engine/api/types.ts'
import type { ManifestMarker } from '../../engine/kubectl/applyText.ts'
import type { KubectlVocabulary } from '../../engine/kubectl/vocabulary.ts'
import type { SchedulingDecision } from '../../engine/scheduler/decision.ts'
import type { PatchBatch } from '../../worker/protocol.ts'
import { EMPTY_TRAFFIC, mirrorTraffic, type TrafficMirror } from './trafficMirror.ts'
import { emptyPodIndex, updatePodIndex, type PodIndex } from './podIndex.ts'

export type ObjectsByKind = Record<string, Record<string, KubeObject>>

export interface OutputBlock {
  id: number
  command: string
  lines: string[]
  failed: boolean
}

export interface ClusterState {
  objects: ObjectsByKind
  /** Pods by node, updated per batch from what changed (the canvas reads it, never all pods). */
  podIndex: PodIndex
  /** Latest scheduling decision per pod uid. */
  decisions: Record<string, SchedulingDecision>
  /** Simulated ms since the cluster started. */
  time: number
  clock: string
  /** Nodes whose machine is powered off in the simulation. */
  nodesDown: string[]
  running: boolean
  speed: number
  connected: boolean
  fatal: string | null
  /** Requests the cluster carried lately and each pod's request rate. */
  traffic: TrafficMirror
  /** What the cluster will do next and when (simulated ms), by object store key. */
  countdowns: Record<string, Countdown[]>

  /** The selected pod's key (what pod chips highlight): the selection when it is a pod. */
  selectedPodKey: string | null
  /** The object the inspector shows, any kind: its store key `Kind/namespace/name`. */
  selectedKey: string | null
  /** Namespace the canvas shows (null: all namespaces). */
  namespace: string | null
  applyOutput: OutputBlock[]
  applyMarkers: ManifestMarker[]
  applyPending: boolean
  terminal: OutputBlock[]
  /** Verbs and resources the engine answers, for the terminal's completion and `help`. */
  vocabulary: KubectlVocabulary | null
  /** The terminal's running `get -w`: its request, and the output block its rows go to. */
  watch: { requestId: number; blockId: number } | null
  /** kubectl's namespace (the kubeconfig context's), as of the last command: completion lists names from it. */
  kubectlNamespace: string

  applyBatch(batch: PatchBatch): void
  selectPod(key: string | null): void
  /** Selects any object by store key (null closes the inspector). */
  selectObject(key: string | null): void
  showNamespace(namespace: string | null): void
}

const MAX_BLOCKS = 50

export const useCluster = create<ClusterState>()((set) => ({
  objects: {},
  podIndex: emptyPodIndex(),
  decisions: {},
  time: 0,
  clock: '',
  nodesDown: [],
  running: true,
  speed: 1,
  connected: false,
  fatal: null,
  traffic: EMPTY_TRAFFIC,
  countdowns: {},
  selectedPodKey: null,
  selectedKey: null,
  namespace: null,
  applyOutput: [],
  applyMarkers: [],
  applyPending: false,
  terminal: [],
  vocabulary: null,
  watch: null,
  kubectlNamespace: 'default',

  applyBatch: (batch) =>
    set((state) => {
      const touched = batch.reset || batch.upserts.length > 0 || batch.deletes.length > 0
      const objects: ObjectsByKind = batch.reset ? {} : touched ? { ...state.objects } : state.objects
      const copied = new Set<string>()
      const kindMap = (kind: string) => {
        if (!copied.has(kind)) {
          objects[kind] = { ...(objects[kind] ?? {}) }
          copied.add(kind)
        }
        return objects[kind]
      }
      for (const obj of batch.upserts) kindMap(obj.kind)[objectKeyOf(obj)] = obj
      for (const key of batch.deletes) {
        const kind = key.slice(0, key.indexOf('/'))
        if (objects[kind] && key in objects[kind]) delete kindMap(kind)[key]
      }
      let decisions = batch.reset ? {} : state.decisions
      if (batch.decisions.length > 0) {
        decisions = { ...decisions }
        for (const d of batch.decisions) decisions[d.podUid] = d
      }
      return {
        objects,
        podIndex: updatePodIndex(batch.reset ? emptyPodIndex() : state.podIndex, batch.upserts, batch.deletes),
        decisions,
        time: batch.time,
        clock: batch.clock,
        nodesDown: batch.nodesDown.join() === state.nodesDown.join() ? state.nodesDown : batch.nodesDown,
        running: batch.running,
        speed: batch.speed,
        connected: true,
        traffic: mirrorTraffic(state.traffic, batch),
        countdowns: batch.countdowns ? countdownsByObject(batch.countdowns) : batch.reset ? {} : state.countdowns,
      }
    }),

  selectPod: (key) => set({ selectedPodKey: key, selectedKey: key }),
  selectObject: (key) => set({ selectedKey: key, selectedPodKey: key?.startsWith('Pod/') ? key : null }),
  showNamespace: (namespace) => set({ namespace }),
}))

export function objectKeyOf(obj: KubeObject): string {
  return `${obj.kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`
}

/** A watch's block keeps its newest rows only, like a terminal's scrollback. */
const MAX_WATCH_LINES = 1000

/** More lines for an existing block (a `get -w` printing rows as objects change). */
export function extendBlock(blocks: OutputBlock[], id: number, lines: string[]): OutputBlock[] {
  return blocks.map((b) => (b.id === id ? { ...b, lines: [...b.lines, ...lines].slice(-MAX_WATCH_LINES) } : b))
}

export function appendBlock(blocks: OutputBlock[], block: Omit<OutputBlock, 'id'>): OutputBlock[] {
  const id = (blocks.at(-1)?.id ?? 0) + 1
  return [...blocks, { ...block, id }].slice(-MAX_BLOCKS)
}

function countdownsByObject(list: Countdown[]): Record<string, Countdown[]> {
  const out: Record<string, Countdown[]> = {}
  for (const c of list) (out[c.object] ??= []).push(c)
  return out
}
