/**
 * The one message protocol between the UI thread and the engine's Web Worker. The UI
 * never touches cluster state: it sends commands and mirrors the patches it receives.
 */
import type { KubeObject } from '../engine/api/types.ts'
import type { SessionLog } from '../engine/commandLog/sessionLog.ts'
import type { ManifestMarker } from '../engine/kubectl/applyText.ts'
import type { KubectlVocabulary } from '../engine/kubectl/vocabulary.ts'
import type { WhyChain } from '../engine/causes/whyChain.ts'
import type { FlowStep } from './flowWatch.ts'
import type { RequestRecord } from '../engine/network/trafficLog.ts'
import type { SchedulingDecision } from '../engine/scheduler/decision.ts'
import type { SchedulerProfile } from '../engine/scheduler/profile.ts'
import type { ClusterSpec } from '../engine/simulation.ts'
import type { Countdown } from '../engine/countdowns.ts'

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
  /** The scheduler runs later cycles with this profile (the cluster editor's Scheduler profile). */
  | { type: 'schedulerProfile'; requestId: number; profile: SchedulerProfile }
  /** Advance simulated time by `ms` at once (works while paused). */
  | { type: 'step'; ms: number }
  /** The UI has rendered the last batch; the worker may send the next one. */
  | { type: 'ack' }
  /** Ctrl+C on a running `get -w` or `logs -f`. */
  | { type: 'stopWatch' }
  /** Start a guided lab from its Markdown: a fresh cluster of the lab's shape, its setup run. */
  /** `origin`: the file or catalog entry it came from, kept with the session. */
  | { type: 'labStart'; source: string; seed?: number; origin?: string }
  /** Run the current step's solution for a student who gives up. */
  | { type: 'labSolution' }
  /** Start the lab again from the beginning; `labQuit` leaves it, keeping the cluster. */
  | { type: 'labReset' }
  | { type: 'labQuit' }
  /** A read-only kubectl line for the inspector (`describe`, `get`, `logs`): not a user command, never in the terminal. */
  | { type: 'query'; requestId: number; args: string }
  /** Stream the causes behind this object (one at a time; null stops). */
  | { type: 'watchWhy'; uid: string | null }
  /** Stream the control-plane flow of user commands (flow messages) while on. */
  | { type: 'watchFlow'; on: boolean }
  /** The editor saved a `kubectl edit` buffer: apply it as kubectl does when its editor closes. */
  | { type: 'finishEdit'; requestId: number; editId: number; text: string }
  /** The `kubectl edit` buffer was closed without saving. */
  | { type: 'cancelEdit'; editId: number }
  /** Rebuild a cluster from its command log (stored, imported, shared), at `time` (default: its end). */
  | { type: 'restore'; log: SessionLog; time?: number; running?: boolean; speed?: number }
  /** Time travel: replay to an earlier (or later) moment of the log, paused there. */
  | { type: 'seek'; time: number }

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
  /** Requests the cluster carried since the previous batch (at most 50, the newest), oldest first. */
  requests?: RequestRecord[]
  /** When any changed: every pod's requests/s over the last 5 simulated seconds (`namespace/name`; absent means 0). */
  podRates?: Record<string, number>
  /** When any changed: every countdown still ahead (restarts, pull retries, NotReady, evictions), one per object, kind and container. */
  countdowns?: Countdown[]
  /** Simulated events the engine has run so far (the performance overlay's events per second). */
  tasksRun?: number
}

export type EngineMessage =
  | { type: 'patch'; batch: PatchBatch }
  | { type: 'applyResult'; requestId: number; output: string[]; markers: ManifestMarker[]; failed: boolean }
  /** `watching`: the command was `get -w`, whose rows keep coming as watchOutput until stopWatch. */
  /** `namespace`: the kubeconfig context's namespace after the command (what a bare `get pods` lists). */
  /** The answer to a `machine` command: empty when done, else why not. */
  | { type: 'machineResult'; requestId: number; error: string | null }
  /** The answer to `schedulerProfile`: null when taken, else why not. */
  | { type: 'profileResult'; requestId: number; error: string | null }
  /** `edit`: the command was `kubectl edit`, whose buffer the editor opens; finishEdit or cancelEdit ends it. */
  | { type: 'kubectlResult'; requestId: number; output: string; watching: boolean; namespace: string; edit?: OpenedEdit }
  /** `ended`: the stream is over (a followed container stopped), as when kubectl returns. */
  | { type: 'watchOutput'; requestId: number; text: string; ended?: boolean }
  /** What kubectl printed when the edit buffer was saved; `done: false` reopens `text` (the failures in its header). */
  | { type: 'editResult'; requestId: number; output: string; done: boolean; text?: string }
  | { type: 'fatal'; message: string }
  | { type: 'queryResult'; requestId: number; output: string }
  /** The causes behind the watched object, sent when watching starts and whenever they change (null: unknown object). */
  | { type: 'why'; uid: string; chain: WhyChain | null }
  /** Writes that followed from user commands since the last flow message (watchFlow on). */
  | { type: 'flow'; steps: FlowStep[] }
  /**
   * The command log changed. `time`: where the simulation is; `viewingPast`: paused at an
   * earlier moment than the log's end (`log.time`).
   */
  | { type: 'session'; log: SessionLog; time: number; viewingPast: boolean }
  /** A restore could not replay its log (the engine threw): the UI offers to reset. */
  | { type: 'restoreFailed'; message: string }
  /** Sent once after init: the verbs and resources the terminal completes and lists in `help`. */
  | { type: 'vocabulary'; vocabulary: KubectlVocabulary }
  /**
   * The lab's progress after a change (null: no lab); `error` when its Markdown is malformed;
   * `restored` when it came back with a restored session (a reload): the panel reopens on it.
   */
  | { type: 'lab'; state: LabState | null; error?: { line: number; reason: string }; restored?: true }
  /** Commands a lab ran for the student (its solution), for the terminal's log. */
  | { type: 'labTranscript'; entries: TranscriptEntry[] }

/** What the UI shows of a lab: parsed in the worker, rendered by the UI as safe Markdown. */
export interface LabView {
  title: string
  level?: string
  minutes?: number
  topics: string[]
  intro: string
  steps: { title: string; instructions: string; hints: string[]; solution?: string }[]
}

/** A lab under way: `current` is the index of the step to do (steps before it passed). */
export interface LabState {
  view: LabView
  current: number
  done: boolean
  /** The file or catalog entry the lab came from (`crashloop.md`), when the UI named it. */
  origin?: string
}

/** A command run for the student (a solution's kubectl line) and what it printed. */
export interface TranscriptEntry {
  command: string
  output: string
}

export const SPEEDS = [1, 5, 30, 100] as const
