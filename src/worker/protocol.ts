/**
 * The one message protocol between the UI thread and the engine's Web Worker. The UI
 * never touches cluster state: it sends commands and mirrors the patches it receives.
 */
import type { KubeObject } from '../engine/api/types.ts'
import type { SessionLog } from '../engine/commandLog/sessionLog.ts'
import type { ManifestMarker } from '../engine/kubectl/applyText.ts'
import type { KubectlVocabulary } from '../engine/kubectl/vocabulary.ts'
import type { SchedulingDecision } from '../engine/scheduler/decision.ts'
import type { ClusterSpec } from '../engine/simulation.ts'

export type UiCommand =
  | { type: 'init'; seed?: number; cluster?: Partial<ClusterSpec> }
  /** Apply a (multi-document) manifest, as `kubectl apply -f`. */
  | { type: 'apply'; requestId: number; yaml: string; source: string }
  /**
   * Run one kubectl command line (without the leading `kubectl`). `files` are the editor's
   * open files by name, what `-f manifest.yaml` reads in the browser.
   */
  | { type: 'kubectl'; requestId: number; args: string; files?: EditorFile[] }
  | { type: 'setRunning'; running: boolean }
  | { type: 'setSpeed'; speed: number }
  /** A node's machine loses power (its kubelet stops reporting) or comes back. */
  | { type: 'fault'; action: 'node-down' | 'node-up'; node: string }
  /**
   * A machine joins or leaves: `line` is a scenario script's `node add NAME [--cpu C] …` or
   * `node remove NAME`, parsed by the same code as in scripts.
   */
  | { type: 'machine'; requestId: number; line: string }
  /** Advance simulated time by `ms` at once (works while paused). */
  | { type: 'step'; ms: number }
  /** The UI has rendered the last batch; the worker may send the next one. */
  | { type: 'ack' }
  /** Ctrl+C on a running `get -w`. */
  | { type: 'stopWatch' }
  /** Rebuild a cluster from its command log (stored, imported, shared), at `time` (default: its end). */
  | { type: 'restore'; log: SessionLog; time?: number; running?: boolean; speed?: number }
  /** Time travel: replay to an earlier (or later) moment of the log, paused there. */
  | { type: 'seek'; time: number }

/** A file open in the app's editor, as `kubectl -f NAME` sees it. */
export interface EditorFile {
  name: string
  text: string
}

/** Everything that changed since the previous batch. */
export interface PatchBatch {
  /** Simulated milliseconds since the cluster started. */
  time: number
  /** RFC 3339 simulated wall time, for display. */
  clock: string
  running: boolean
  speed: number
  /** Whole objects that were created or changed. */
  upserts: KubeObject[]
  /** Store keys (`Kind/namespace/name`) of objects that are gone. */
  deletes: string[]
  /** Scheduler decisions made since the previous batch. */
  decisions: SchedulingDecision[]
  /** Nodes whose machine is powered off (the API may still call them Ready for a while). */
  nodesDown: string[]
  /** True for the first batch after init: the UI should drop what it had. */
  reset: boolean
}

export type EngineMessage =
  | { type: 'patch'; batch: PatchBatch }
  | { type: 'applyResult'; requestId: number; output: string[]; markers: ManifestMarker[]; failed: boolean }
  /** `watching`: the command was `get -w`, whose rows keep coming as watchOutput until stopWatch. */
  /** `namespace`: the kubeconfig context's namespace after the command (what a bare `get pods` lists). */
  | { type: 'kubectlResult'; requestId: number; output: string; watching: boolean; namespace: string }
  | { type: 'watchOutput'; requestId: number; text: string }
  /** The answer to a `machine` command: empty when done, else why not. */
  | { type: 'machineResult'; requestId: number; error: string | null }
  | { type: 'fatal'; message: string }
  /**
   * The command log changed. `time`: where the simulation is; `viewingPast`: paused at an
   * earlier moment than the log's end (`log.time`).
   */
  | { type: 'session'; log: SessionLog; time: number; viewingPast: boolean }
  /** A restore could not replay its log (the engine threw): the UI offers to reset. */
  | { type: 'restoreFailed'; message: string }
  /** Sent once after init: the verbs and resources the terminal completes and lists in `help`. */
  | { type: 'vocabulary'; vocabulary: KubectlVocabulary }

export const SPEEDS = [1, 5, 30, 100] as const
