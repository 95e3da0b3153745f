/**
 * The one message protocol between the UI thread and the engine's Web Worker. The UI
 * never touches cluster state: it sends commands and mirrors the patches it receives.
 */
import type { KubeObject } from '../engine/api/types.ts'
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
  /** Advance simulated time by `ms` at once (works while paused). */
  | { type: 'step'; ms: number }
  /** The UI has rendered the last batch; the worker may send the next one. */
  | { type: 'ack' }
  /** Ctrl+C on a running `get -w` or `logs -f`. */
  | { type: 'stopWatch' }
  /** The editor saved a `kubectl edit` buffer: apply it as kubectl does when its editor closes. */
  | { type: 'finishEdit'; requestId: number; editId: number; text: string }
  /** The `kubectl edit` buffer was closed without saving. */
  | { type: 'cancelEdit'; editId: number }

/** A file open in the app's editor, as `kubectl -f NAME` sees it. */
export interface EditorFile {
  name: string
  text: string
}

/** `kubectl edit` in the app: the buffer to open in the editor under kubectl's temp-file name. */
export interface OpenedEdit {
  editId: number
  file: string
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
  /** `edit`: the command was `kubectl edit`, whose buffer the editor opens; finishEdit or cancelEdit ends it. */
  | { type: 'kubectlResult'; requestId: number; output: string; watching: boolean; namespace: string; edit?: OpenedEdit }
  /** `ended`: the stream is over (a followed container stopped), as when kubectl returns. */
  | { type: 'watchOutput'; requestId: number; text: string; ended?: boolean }
  /** What kubectl printed when the edit buffer was saved; `done: false` reopens `text` (the failures in its header). */
  | { type: 'editResult'; requestId: number; output: string; done: boolean; text?: string }
  | { type: 'fatal'; message: string }
  /** Sent once after init: the verbs and resources the terminal completes and lists in `help`. */
  | { type: 'vocabulary'; vocabulary: KubectlVocabulary }

export const SPEEDS = [1, 5, 30, 100] as const
