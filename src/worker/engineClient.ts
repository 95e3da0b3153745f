/**
 * The UI side of the worker protocol: starts the engine worker, sends commands, resolves
 * apply/kubectl requests by id, and feeds patch batches into the store, acking each one
 * from requestAnimationFrame so the worker sends at most one batch per frame.
 */
import type { SessionLog } from '../engine/commandLog/sessionLog.ts'
import type { ClusterSpec } from '../engine/simulation.ts'
import type { SchedulerProfile } from '../engine/scheduler/profile.ts'
import type { KubectlVocabulary } from '../engine/kubectl/vocabulary.ts'
import type { WhyChain } from '../engine/causes/whyChain.ts'
import type { FlowStep } from './flowWatch.ts'
import type { EditorFile, EngineMessage, LabState, OpenedEdit, TranscriptEntry, UiCommand } from './protocol.ts'

export interface ApplyResult {
  output: string[]
  markers: Extract<EngineMessage, { type: 'applyResult' }>['markers']
  failed: boolean
}

export interface EngineClientHandlers {
  onPatch(batch: Extract<EngineMessage, { type: 'patch' }>['batch']): void
  onFatal(message: string): void
  onVocabulary?(vocabulary: KubectlVocabulary): void
  /** New rows of the `get -w` (or `logs -f`) started by request `requestId`; `ended` when it is over. */
  onWatchOutput?(requestId: number, text: string, ended?: boolean): void
  /** A guided lab's progress (null: none), or why its Markdown is malformed. */
  onLab?(state: LabState | null, error?: { line: number; reason: string }, restored?: boolean): void
  /** Commands a lab ran for the student (a step's solution). */
  onLabTranscript?(entries: TranscriptEntry[]): void
  /** The command log changed (or where the cluster stands on it). */
  onSession?(log: SessionLog, time: number, viewingPast: boolean): void
  /** A restored log could not be replayed. */
  onRestoreFailed?(message: string): void
  /** Writes that followed from user commands (while watchFlow is on). */
  onFlow?(steps: FlowStep[]): void
}

/** Start from a command log instead of a fresh cluster. */
export interface RestoreOptions {
  log: SessionLog
  time?: number
  running?: boolean
  speed?: number
}

export interface KubectlResult {
  requestId: number
  output: string
  /** A `get -w` now streams its rows to onWatchOutput until stopWatch. */
  watching: boolean
  /** The kubeconfig context's namespace after the command. */
  namespace: string
  /** `kubectl edit`: the buffer the editor opens; finishEdit or cancelEdit ends it. */
  edit?: OpenedEdit
}

export interface EditResult {
  /** What kubectl printed. */
  output: string
  /** False when the buffer reopens (`text`, with the failures in its header). */
  done: boolean
  text?: string
}

type Pending = { resolve: (msg: EngineMessage) => void }

export class EngineClient {
  private readonly worker: Worker
  private nextId = 1
  private readonly pending = new Map<number, Pending>()
  private whyListener: { uid: string; listener: (chain: WhyChain | null) => void } | undefined

  constructor(
    private readonly handlers: EngineClientHandlers,
    opts: { seed?: number; cluster?: Partial<ClusterSpec>; running?: boolean; restore?: RestoreOptions } = {},
  ) {
    this.worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' })
    this.worker.onmessage = (e: MessageEvent<EngineMessage>) => this.receive(e.data)
    this.worker.onerror = (e) => this.handlers.onFatal(e.message || 'engine worker failed')
    if (opts.restore) this.restore(opts.restore)
    else this.init(opts.seed, opts.cluster, opts.running ?? true)
  }

  /** A fresh cluster (the log starts again). */
  init(seed?: number, cluster?: Partial<ClusterSpec>, running = true): void {
    this.send({ type: 'init', seed, cluster })
    if (running) this.send({ type: 'setRunning', running: true })
  }

  /** Rebuilds the cluster from a command log. */
  restore(opts: RestoreOptions): void {
    this.send({ type: 'restore', ...opts })
  }

  /** Time travel: the cluster as it was at `time`, paused there. */
  seek(time: number): void {
    this.send({ type: 'seek', time })
  }

  private send(cmd: UiCommand): void {
    this.worker.postMessage(cmd)
  }

  private receive(msg: EngineMessage): void {
    switch (msg.type) {
      case 'patch':
        this.handlers.onPatch(msg.batch)
        requestAnimationFrame(() => this.send({ type: 'ack' }))
        break
      case 'flow':
        this.handlers.onFlow?.(msg.steps)
        break
      case 'why':
        if (this.whyListener?.uid === msg.uid) this.whyListener.listener(msg.chain)
        break
      case 'applyResult':
      case 'kubectlResult':
      case 'machineResult':
      case 'profileResult':
      case 'queryResult':
      case 'editResult': {
        const p = this.pending.get(msg.requestId)
        this.pending.delete(msg.requestId)
        p?.resolve(msg)
        break
      }
      case 'fatal':
        this.handlers.onFatal(msg.message)
        break
      case 'watchOutput':
        this.handlers.onWatchOutput?.(msg.requestId, msg.text, msg.ended)
        break
      case 'vocabulary':
        this.handlers.onVocabulary?.(msg.vocabulary)
        break
      case 'lab':
        this.handlers.onLab?.(msg.state, msg.error, msg.restored === true)
        break
      case 'labTranscript':
        this.handlers.onLabTranscript?.(msg.entries)
        break
      case 'session':
        this.handlers.onSession?.(msg.log, msg.time, msg.viewingPast)
        break
      case 'restoreFailed':
        this.handlers.onRestoreFailed?.(msg.message)
        break
    }
  }

  private request<T extends EngineMessage>(build: (requestId: number) => UiCommand): Promise<T> {
    const requestId = this.nextId++
    return new Promise<T>((resolve) => {
      this.pending.set(requestId, { resolve: resolve as (msg: EngineMessage) => void })
      this.send(build(requestId))
    })
  }

  async apply(yaml: string, source: string): Promise<ApplyResult> {
    const msg = await this.request<Extract<EngineMessage, { type: 'applyResult' }>>((requestId) => ({ type: 'apply', requestId, yaml, source }))
    return { output: msg.output, markers: msg.markers, failed: msg.failed }
  }

  /** Runs a kubectl command line; a leading `kubectl` is optional. `files` are what `-f NAME` may read. */
  async kubectl(line: string, files?: EditorFile[]): Promise<KubectlResult> {
    const args = line.trim().replace(/^kubectl(\s+|$)/, '')
    const msg = await this.request<Extract<EngineMessage, { type: 'kubectlResult' }>>((requestId) => ({ type: 'kubectl', requestId, args, files }))
    return { requestId: msg.requestId, output: msg.output, watching: msg.watching, namespace: msg.namespace, ...(msg.edit ? { edit: msg.edit } : {}) }
  }

  /** Saves a `kubectl edit` buffer: kubectl's answer, and whether the edit is over. */
  async finishEdit(editId: number, text: string): Promise<EditResult> {
    const msg = await this.request<Extract<EngineMessage, { type: 'editResult' }>>((requestId) => ({ type: 'finishEdit', requestId, editId, text }))
    return { output: msg.output, done: msg.done, ...(msg.text !== undefined ? { text: msg.text } : {}) }
  }

  /** Closes a `kubectl edit` buffer without saving. */
  cancelEdit(editId: number): void {
    this.send({ type: 'cancelEdit', editId })
  }

  /** A read-only kubectl line for the inspector (`describe …`, `get … -o yaml`, `logs …`): its output, outside the terminal. */
  async query(args: string): Promise<string> {
    const msg = await this.request<Extract<EngineMessage, { type: 'queryResult' }>>((requestId) => ({ type: 'query', requestId, args }))
    return msg.output
  }

  /** Streams the causes behind one object to `listener` until the returned function is called. */
  /** Turns the control-plane flow stream (handlers.onFlow) on or off. */
  watchFlow(on: boolean): void {
    this.send({ type: 'watchFlow', on })
  }

  watchWhy(uid: string, listener: (chain: WhyChain | null) => void): () => void {
    const entry = { uid, listener }
    this.whyListener = entry
    this.send({ type: 'watchWhy', uid })
    return () => {
      if (this.whyListener !== entry) return
      this.whyListener = undefined
      this.send({ type: 'watchWhy', uid: null })
    }
  }

  /** Stops the running `get -w` (Ctrl+C). */
  stopWatch(): void {
    this.send({ type: 'stopWatch' })
  }

  setRunning(running: boolean): void {
    this.send({ type: 'setRunning', running })
  }

  setSpeed(speed: number): void {
    this.send({ type: 'setSpeed', speed })
  }

  /** Power a node's machine off (its kubelet stops reporting) or back on. */
  fault(action: 'node-down' | 'node-up', node: string): void {
    this.send({ type: 'fault', action, node })
  }

  /** A machine joins or leaves (`node add …` / `node remove …`): null when done, else why not. */
  async machine(line: string): Promise<string | null> {
    const msg = await this.request<Extract<EngineMessage, { type: 'machineResult' }>>((requestId) => ({ type: 'machine', requestId, line }))
    return msg.error
  }

  /** The scheduler's profile from now on: null when taken, else why not. */
  async schedulerProfile(profile: SchedulerProfile): Promise<string | null> {
    const msg = await this.request<Extract<EngineMessage, { type: 'profileResult' }>>((requestId) => ({ type: 'schedulerProfile', requestId, profile }))
    return msg.error
  }

  /** Throws the cluster away and builds a new one of this shape (the same seed unless given). */
  rebuild(cluster: Partial<ClusterSpec>, seed?: number): void {
    this.send({ type: 'init', seed, cluster })
  }

  step(ms: number): void {
    this.send({ type: 'step', ms })
  }

  /** Starts a guided lab from its Markdown, on a fresh cluster of its own; `origin` names it (a file, a catalog entry). */
  startLab(source: string, origin?: string): void {
    this.send({ type: 'labStart', source, ...(origin !== undefined ? { origin } : {}) })
  }

  labSolution(): void {
    this.send({ type: 'labSolution' })
  }

  resetLab(): void {
    this.send({ type: 'labReset' })
  }

  quitLab(): void {
    this.send({ type: 'labQuit' })
  }

  dispose(): void {
    this.worker.terminate()
  }
}
