/**
 * Hosts one Simulation for the UI: turns UiCommands into engine calls, drives simulated
 * time from real time while running, and streams changed objects back as patch batches
 * (at most one in flight: the next batch waits for the UI's ack). No DOM here, so the
 * same class runs inside the Web Worker and in unit tests.
 */
import type { KubeObject, Pod } from '../engine/api/types.ts'
import { runSessionCommand, type SessionCommand } from '../engine/commandLog/sessionCommand.ts'
import type { EditSession } from '../engine/kubectl/editSession.ts'
import type { WatchStream } from '../engine/kubectl/commands/getWatch.ts'
import { contextNamespace } from '../engine/kubeconfig.ts'
import { kubectlVocabulary } from '../engine/kubectl/vocabulary.ts'
import type { SchedulingDecision } from '../engine/scheduler/decision.ts'
import { Simulation } from '../engine/simulation.ts'
import { startLab } from '../labs/labRun.ts'
import { LabError } from '../labs/lab.ts'
import { parseLab } from '../labs/parseLab.ts'
import { LabHost, labHistoryLine } from './labHost.ts'
import { runQuery, WhyWatch } from './inspectorQueries.ts'
import type { EngineMessage, OpenedEdit, PatchBatch, TranscriptEntry, UiCommand } from './protocol.ts'
import { SessionTimeline } from './sessionTimeline.ts'
import { TrafficFeed } from './trafficFeed.ts'
import { FlowWatch } from './flowWatch.ts'
import { SimDriver, TICK_MS, type RealTime } from '../host/simDriver.ts'

export { TICK_MS }

/** Real time (performance.now in the worker; a fake in tests) and where messages go. */
export interface HostEnvironment extends RealTime {
  post(message: EngineMessage): void
}

/**
 * Kinds the UI never shows: their changes are not streamed. Node Leases are renewed
 * every 10s per node; sending them would be most of the traffic of an idle cluster.
 */
const UNSHOWN_KINDS = new Set(['Lease'])

function shown(key: string): boolean {
  return !UNSHOWN_KINDS.has(key.slice(0, key.indexOf('/')))
}

export class EngineHost {
  private sim: Simulation | undefined
  /** Simulated time from real time while running (the part shared with `kubesim serve`). */
  private driver: SimDriver

  private pending = new Map<string, KubeObject | null>()
  private awaitingAck = false
  private needsReset = true
  /** A fault changed which nodes are powered off: worth a batch even if no object changed. */
  private nodesDownChanged = false
  /** The countdowns version last sent (-1: none yet). */
  private sentCountdowns = -1
  private lastSentTime = -1
  private lastSentRunning = false
  private lastSentSpeed = 1
  /** Decisions already sent (weakly held: the scheduler drops old ones). */
  private sentDecisions = new WeakSet<SchedulingDecision>()
  /** The terminal's running `get -w`, if any (one terminal, one watch). */
  private watch: { requestId: number; stream: WatchStream } | undefined
  /** The guided lab under way, if any. */
  private lab: LabHost | undefined
  /** The object the inspector asks "why?" about. */
  private readonly why = new WhyWatch()
  /** The control-plane flow of user commands, while the UI shows it. */
  private readonly flow = new FlowWatch()
  /** Requests and per-pod rates for the network view. */
  private traffic = new TrafficFeed()
  /** `kubectl edit` buffers open in the app's editor, by edit id, with the command that opened each. */
  private edits = new Map<number, { session: EditSession; args: string }>()
  private nextEditId = 1
  /** The command log (seed + commands = the cluster) and where the simulation stands on it. */
  private timeline: SessionTimeline | undefined

  constructor(private readonly env: HostEnvironment) {
    this.driver = this.newDriver()
  }

  private newDriver(): SimDriver {
    return new SimDriver(this.env, () => this.sim, () => this.flush(), (err) =>
      this.env.post({ type: 'fatal', message: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
    )
  }

  private get running(): boolean {
    return this.driver.isRunning
  }

  private get speed(): number {
    return this.driver.speed
  }

  get simulation(): Simulation | undefined {
    return this.sim
  }

  handle(cmd: UiCommand): void {
    try {
      this.dispatch(cmd)
    } catch (err) {
      this.env.post({ type: 'fatal', message: err instanceof Error ? (err.stack ?? err.message) : String(err) })
    }
  }

  private dispatch(cmd: UiCommand): void {
    if (cmd.type === 'init') {
      this.leaveLab()
      this.timeline = new SessionTimeline(cmd.seed ?? 1, cmd.cluster)
      this.install(new Simulation({ seed: cmd.seed ?? 1, cluster: cmd.cluster }))
      this.env.post({ type: 'vocabulary', vocabulary: kubectlVocabulary() })
      this.postSession()
      this.flush()
      return
    }
    if (cmd.type === 'restore') {
      this.restore(cmd)
      return
    }
    if (cmd.type === 'seek') {
      if (!this.sim || !this.timeline) return
      this.setRunning(false)
      const sim = this.timeline.seek(this.sim, cmd.time)
      const hadLab = this.lab !== undefined
      if (sim !== this.sim) {
        this.install(sim)
        // A new replay brings its own lab, on the step it reached then (it re-evaluated the checks on the way).
        this.lab = this.timeline.lab
      }
      if (hadLab || this.lab) this.env.post({ type: 'lab', state: this.lab?.state() ?? null })
      this.postSession()
      this.flush()
      return
    }
    if (cmd.type === 'labStart' || cmd.type === 'labReset' || cmd.type === 'labQuit' || cmd.type === 'labSolution') {
      this.labCommand(cmd)
      this.flush()
      return
    }
    if (cmd.type === 'stopWatch') {
      this.stopWatch()
      return
    }
    if (cmd.type === 'watchFlow') {
      this.flow.set(cmd.on)
      return
    }
    if (cmd.type === 'watchWhy') {
      this.why.watch(cmd.uid)
      this.sendWhy()
      return
    }
    if (cmd.type === 'cancelEdit') {
      this.edits.delete(cmd.editId)
      return
    }
    if (cmd.type === 'ack') {
      this.awaitingAck = false
      this.flush()
      return
    }
    if (cmd.type === 'setRunning') {
      // Playing from an earlier moment continues from there.
      if (cmd.running && this.timeline?.continueFrom()) this.postSession()
      this.setRunning(cmd.running)
      this.flush()
      return
    }
    if (cmd.type === 'setSpeed') {
      this.driver.setSpeed(cmd.speed)
      this.flush()
      return
    }
    const sim = this.requireSim()
    switch (cmd.type) {
      case 'step':
        this.record(sim, { type: 'step', ms: Math.max(0, cmd.ms) })
        break
      case 'fault':
        this.record(sim, { type: 'fault', action: cmd.action, node: cmd.node })
        this.nodesDownChanged = true
        break
      case 'machine': {
        const { result } = this.record(sim, { type: 'machine', line: cmd.line })
        this.env.post({ type: 'machineResult', requestId: cmd.requestId, error: result.type === 'machine' ? result.error : null })
        break
      }
      case 'schedulerProfile': {
        const { result } = this.record(sim, { type: 'scheduler-profile', profile: cmd.profile })
        this.env.post({ type: 'profileResult', requestId: cmd.requestId, error: result.type === 'scheduler-profile' ? result.error : null })
        break
      }
      case 'apply': {
        const { result } = this.record(sim, { type: 'apply', yaml: cmd.yaml, source: cmd.source })
        if (result.type === 'apply') this.env.post({ type: 'applyResult', requestId: cmd.requestId, output: result.result.output, markers: result.result.markers, failed: result.result.failed })
        break
      }
      case 'query': {
        let output: string
        try {
          output = runQuery(sim, cmd.args)
        } catch (err) {
          output = `error: ${err instanceof Error ? err.message : String(err)}`
        }
        this.env.post({ type: 'queryResult', requestId: cmd.requestId, output })
        break
      }
      case 'kubectl': {
        let edit: OpenedEdit | undefined
        const { result } = this.record(
          sim,
          { type: 'kubectl', args: cmd.args },
          {
            files: cmd.files ?? [],
            watch: (stream) => {
              this.stopWatch()
              this.watch = { requestId: cmd.requestId, stream }
            },
            edit: (session) => {
              const editId = this.nextEditId++
              this.edits.set(editId, { session, args: cmd.args })
              edit = { editId, file: editFileName(session), text: session.text }
            },
          },
        )
        const output = result.type === 'kubectl' ? result.output : ''
        this.env.post({
          type: 'kubectlResult',
          requestId: cmd.requestId,
          output,
          watching: this.watch?.requestId === cmd.requestId,
          namespace: contextNamespace(sim.kubeconfig),
          ...(edit ? { edit } : {}),
        })
        break
      }
      case 'finishEdit': {
        const open = this.edits.get(cmd.editId)
        // A session lost to a restart: the buffer no longer belongs to anything kubectl is editing.
        const { result } = open
          ? this.record(sim, { type: 'edit', args: open.args, text: cmd.text }, { editSession: open.session })
          : { result: { type: 'edit' as const, output: 'error: this edit is no longer open; run kubectl edit again\n', done: true, text: undefined } }
        if (result.type !== 'edit') break
        if (result.done) this.edits.delete(cmd.editId)
        this.env.post({ type: 'editResult', requestId: cmd.requestId, output: result.output, done: result.done, ...(result.text !== undefined ? { text: result.text } : {}) })
        break
      }
    }
    this.flush()
  }

  /** Runs a command the person gave and appends it to the log at the time it was given. */
  private record(sim: Simulation, cmd: SessionCommand, io?: Parameters<typeof runSessionCommand>[2]): ReturnType<typeof runSessionCommand> {
    const at = sim.now
    // In a lab's history, an Apply is the command it stands for (replay counts it the same way).
    const line = labHistoryLine(cmd)
    if (line !== undefined) this.lab?.record(line)
    const ran = runSessionCommand(sim, cmd, io)
    this.timeline?.record(at, ran.recorded)
    this.postSession()
    return ran
  }

  /** Tells the UI the log changed (it stores it, and the timeline draws its marks). */
  private postSession(): void {
    if (!this.sim || !this.timeline) return
    this.env.post({ type: 'session', log: this.timeline.snapshot(this.sim.now), time: this.sim.now, viewingPast: this.timeline.viewingPast })
  }

  /** Shows `sim` from now on: the UI drops what it had and gets every object again. */
  private install(sim: Simulation): void {
    this.stopWatch()
    this.edits.clear()
    this.traffic = new TrafficFeed()
    this.sim = sim
    this.flow.attach(sim)
    sim.store.recordChanges()
    this.pending.clear()
    this.sentDecisions = new WeakSet()
    this.needsReset = true
    this.awaitingAck = false
    this.driver.resetCarry()
  }

  private labCommand(cmd: Extract<UiCommand, { type: 'labStart' | 'labReset' | 'labQuit' | 'labSolution' }>): void {
    if (cmd.type === 'labQuit') {
      this.leaveLab()
      return
    }
    if (cmd.type === 'labSolution') {
      if (!this.lab) return
      // Run and logged as if the student typed them, so a reload replays them.
      const sim = this.requireSim()
      const entries: TranscriptEntry[] = []
      for (const step of this.lab.solutionCommands()) {
        const { result } = this.record(sim, step)
        if (step.type === 'kubectl' && result.type === 'kubectl') entries.push({ command: labHistoryLine(step)!, output: result.output })
      }
      this.env.post({ type: 'labTranscript', entries })
      return
    }
    const start = cmd.type === 'labStart' ? { source: cmd.source, seed: cmd.seed ?? 1, origin: cmd.origin } : this.lab && { source: this.lab.source, seed: this.lab.seed, origin: this.lab.origin }
    if (!start) return
    let lab
    try {
      lab = parseLab(start.source)
    } catch (e) {
      if (!(e instanceof LabError)) throw e
      this.env.post({ type: 'lab', state: null, error: { line: e.line, reason: e.reason } })
      return
    }
    // The lab's cluster, built and set up before the student starts: setup is not history.
    const run = startLab(lab, start.seed)
    // A lab's cluster comes from its file: the session log names the lab, then logs the student's commands.
    this.lab = new LabHost(lab, start.source, start.seed, run, start.origin)
    this.timeline = new SessionTimeline(start.seed, lab.cluster, this.lab.sessionLab())
    this.install(run.sim)
    if (this.lab.evaluateIfDue()) this.timeline.notePassed(run.sim.now)
    this.postSession()
    this.env.post({ type: 'lab', state: this.lab.state() })
  }

  /** The lab ends (its cluster stays, unless another replaces it): no more checks. */
  private leaveLab(): void {
    if (!this.lab) return
    this.lab = undefined
    this.timeline?.noteLeft()
    this.postSession()
    this.env.post({ type: 'lab', state: null })
  }

  /** Live checks: after every command and as simulated time passes. */
  private evaluateLab(): void {
    // The past was evaluated as it replayed; evaluating it again could pass a step at a moment the log does not know.
    if (!this.sim || this.timeline?.viewingPast) return
    if (!this.lab?.evaluateIfDue()) return
    this.timeline?.notePassed(this.sim.now)
    this.postSession()
    this.env.post({ type: 'lab', state: this.lab.state() })
  }

  /** Replays a stored, imported or shared log; a log that cannot be replayed is reported, not fatal. */
  private restore(cmd: Extract<UiCommand, { type: 'restore' }>): void {
    this.setRunning(false)
    try {
      const { timeline, sim } = SessionTimeline.restore(cmd.log, cmd.time)
      this.leaveLab()
      this.timeline = timeline
      this.install(sim)
      // A lab's session comes back with its lab, on the step the replay reached.
      this.lab = timeline.lab
      if (this.lab) this.env.post({ type: 'lab', state: this.lab.state(), restored: true })
    } catch (err) {
      this.env.post({ type: 'restoreFailed', message: err instanceof Error ? err.message : String(err) })
      return
    }
    if (cmd.speed !== undefined) this.driver.setSpeed(cmd.speed)
    this.env.post({ type: 'vocabulary', vocabulary: kubectlVocabulary() })
    this.postSession()
    if (cmd.running && !this.timeline.viewingPast) this.setRunning(true)
    this.flush()
  }

  private stopWatch(): void {
    this.watch?.stream.stop()
    this.watch = undefined
  }

  private sendWhy(): void {
    const message = this.sim && this.why.poll(this.sim)
    if (message) this.env.post(message)
  }

  /** Sends the watch's new rows, if any, whatever the patch batches are doing. */
  private drainWatch(): void {
    if (!this.watch) return
    const text = this.watch.stream.drain()
    const ended = this.watch.stream.ended?.() ?? false
    if (text || ended) this.env.post({ type: 'watchOutput', requestId: this.watch.requestId, text, ...(ended ? { ended } : {}) })
    if (ended) this.stopWatch()
  }

  private requireSim(): Simulation {
    if (!this.sim) this.sim = new Simulation({})
    return this.sim
  }

  private setRunning(running: boolean): void {
    this.driver.setRunning(running)
  }

  /** Timer callback: advance by real elapsed time × speed, then maybe send a batch. */
  tick(): void {
    this.driver.tick()
  }

  /** Collects changes and sends them if the UI is ready for another batch. */
  private flush(): void {
    const sim = this.sim
    if (!sim) return
    this.drainWatch()
    this.evaluateLab()
    this.sendWhy()
    const flow = this.flow.poll()
    if (flow) this.env.post(flow)
    for (const [key, obj] of sim.store.drainChanges()) if (shown(key)) this.pending.set(key, obj)
    if (this.awaitingAck) return
    const changed =
      this.needsReset ||
      this.pending.size > 0 ||
      sim.now !== this.lastSentTime ||
      this.running !== this.lastSentRunning ||
      this.speed !== this.lastSentSpeed ||
      this.nodesDownChanged ||
      sim.ctx.countdowns.version !== this.sentCountdowns ||
      this.traffic.hasNewRequests(sim.ctx)
    if (!changed) return
    this.nodesDownChanged = false

    const batch: PatchBatch = {
      time: sim.now,
      clock: sim.ctx.clock.rfc3339(),
      running: this.running,
      speed: this.speed,
      upserts: [],
      deletes: [],
      decisions: [],
      nodesDown: [...sim.kubelets.values()].filter((k) => !k.online).map((k) => k.nodeName),
      reset: this.needsReset,
      tasksRun: sim.tasksRun,
    }
    if (this.needsReset) {
      batch.upserts = sim.store.all().filter((obj) => !UNSHOWN_KINDS.has(obj.kind))
      this.sentDecisions = new WeakSet()
    } else {
      for (const [key, obj] of this.pending) {
        if (obj) batch.upserts.push(obj)
        else batch.deletes.push(key)
      }
    }
    for (const obj of batch.upserts) {
      if (obj.kind !== 'Pod') continue
      const uid = (obj as Pod).metadata.uid
      const decision = sim.scheduler.decisions.get(uid)
      if (decision && !this.sentDecisions.has(decision)) {
        batch.decisions.push(decision)
        this.sentDecisions.add(decision)
      }
    }
    const traffic = this.traffic.take(sim.ctx, sim.now)
    if (traffic.requests.length > 0) batch.requests = traffic.requests
    if (traffic.podRates) batch.podRates = traffic.podRates
    if (batch.reset || sim.ctx.countdowns.version !== this.sentCountdowns) {
      batch.countdowns = sim.ctx.countdowns.live(sim.now)
      this.sentCountdowns = sim.ctx.countdowns.version
    }
    this.pending.clear()
    this.needsReset = false
    this.lastSentTime = sim.now
    this.lastSentRunning = this.running
    this.lastSentSpeed = this.speed
    this.awaitingAck = true
    this.env.post({ type: 'patch', batch })
  }

  dispose(): void {
    this.stopWatch()
    this.driver.dispose()
  }
}

/** The editor tab of a `kubectl edit` buffer, named like kubectl's temp file: `kubectl-edit-deployment-web.yaml`. */
export function editFileName(session: EditSession): string {
  return `kubectl-edit-${session.resource.singular}-${session.name}.yaml`
}
