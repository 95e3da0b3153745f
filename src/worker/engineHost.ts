/**
 * Hosts one Simulation for the UI: turns UiCommands into engine calls, drives simulated
 * time from real time while running, and streams changed objects back as patch batches
 * (at most one in flight: the next batch waits for the UI's ack). No DOM here, so the
 * same class runs inside the Web Worker and in unit tests.
 */
import type { KubeObject, Pod } from '../engine/api/types.ts'
import { runSessionCommand, type SessionCommand } from '../engine/commandLog/sessionCommand.ts'
import type { WatchStream } from '../engine/kubectl/commands/getWatch.ts'
import { contextNamespace } from '../engine/kubeconfig.ts'
import { kubectlVocabulary } from '../engine/kubectl/vocabulary.ts'
import type { SchedulingDecision } from '../engine/scheduler/decision.ts'
import { Simulation } from '../engine/simulation.ts'
import { SessionTimeline } from './sessionTimeline.ts'
import type { EngineMessage, PatchBatch, UiCommand } from './protocol.ts'

export interface HostEnvironment {
  post(message: EngineMessage): void
  /** Real milliseconds (performance.now in the worker; a fake in tests). */
  now(): number
  setInterval(fn: () => void, ms: number): unknown
  clearInterval(handle: unknown): void
}

/**
 * Kinds the UI never shows: their changes are not streamed. Node Leases are renewed
 * every 10s per node; sending them would be most of the traffic of an idle cluster.
 */
const UNSHOWN_KINDS = new Set(['Lease'])

function shown(key: string): boolean {
  return !UNSHOWN_KINDS.has(key.slice(0, key.indexOf('/')))
}

/** How often the host advances simulated time while running. */
export const TICK_MS = 50
/** Real time credited per tick at most, so a throttled timer doesn't cause huge jumps. */
const MAX_REAL_MS_PER_TICK = 1000

export class EngineHost {
  private sim: Simulation | undefined
  private running = false
  private speed = 1
  private timer: unknown
  private lastTick = 0
  /** Fractional simulated milliseconds carried between ticks. */
  private carry = 0

  private pending = new Map<string, KubeObject | null>()
  private awaitingAck = false
  private needsReset = true
  /** A fault changed which nodes are powered off: worth a batch even if no object changed. */
  private nodesDownChanged = false
  private lastSentTime = -1
  private lastSentRunning = false
  private lastSentSpeed = 1
  private sentDecisions = new Map<string, SchedulingDecision>()
  /** The terminal's running `get -w`, if any (one terminal, one watch). */
  private watch: { requestId: number; stream: WatchStream } | undefined
  /** The command log (seed + commands = the cluster) and where the simulation stands on it. */
  private timeline: SessionTimeline | undefined

  constructor(private readonly env: HostEnvironment) {}

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
      if (sim !== this.sim) this.install(sim)
      this.postSession()
      this.flush()
      return
    }
    if (cmd.type === 'stopWatch') {
      this.stopWatch()
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
      if (Number.isFinite(cmd.speed) && cmd.speed > 0) {
        this.advanceToNow()
        this.speed = cmd.speed
      }
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
      case 'apply': {
        const { result } = this.record(sim, { type: 'apply', yaml: cmd.yaml, source: cmd.source })
        if (result.type === 'apply') this.env.post({ type: 'applyResult', requestId: cmd.requestId, output: result.result.output, markers: result.result.markers, failed: result.result.failed })
        break
      }
      case 'kubectl': {
        const { result } = this.record(
          sim,
          { type: 'kubectl', args: cmd.args },
          {
            files: cmd.files ?? [],
            watch: (stream) => {
              this.stopWatch()
              this.watch = { requestId: cmd.requestId, stream }
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
        })
        break
      }
    }
    this.flush()
  }

  /** Runs a command the person gave and appends it to the log at the time it was given. */
  private record(sim: Simulation, cmd: SessionCommand, io?: Parameters<typeof runSessionCommand>[2]): ReturnType<typeof runSessionCommand> {
    const at = sim.now
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
    this.sim = sim
    sim.store.recordChanges()
    this.pending.clear()
    this.sentDecisions.clear()
    this.needsReset = true
    this.awaitingAck = false
    this.carry = 0
  }

  /** Replays a stored, imported or shared log; a log that cannot be replayed is reported, not fatal. */
  private restore(cmd: Extract<UiCommand, { type: 'restore' }>): void {
    this.setRunning(false)
    try {
      const { timeline, sim } = SessionTimeline.restore(cmd.log, cmd.time)
      this.timeline = timeline
      this.install(sim)
    } catch (err) {
      this.env.post({ type: 'restoreFailed', message: err instanceof Error ? err.message : String(err) })
      return
    }
    if (cmd.speed !== undefined && Number.isFinite(cmd.speed) && cmd.speed > 0) this.speed = cmd.speed
    this.env.post({ type: 'vocabulary', vocabulary: kubectlVocabulary() })
    this.postSession()
    if (cmd.running && !this.timeline.viewingPast) this.setRunning(true)
    this.flush()
  }

  private stopWatch(): void {
    this.watch?.stream.stop()
    this.watch = undefined
  }

  /** Sends the watch's new rows, if any, whatever the patch batches are doing. */
  private drainWatch(): void {
    if (!this.watch) return
    const text = this.watch.stream.drain()
    if (text) this.env.post({ type: 'watchOutput', requestId: this.watch.requestId, text })
  }

  private requireSim(): Simulation {
    if (!this.sim) this.sim = new Simulation({})
    return this.sim
  }

  private setRunning(running: boolean): void {
    if (running === this.running) return
    this.running = running
    if (running) {
      this.lastTick = this.env.now()
      this.timer = this.env.setInterval(() => this.tick(), TICK_MS)
    } else {
      this.advanceToNow()
      this.env.clearInterval(this.timer)
      this.timer = undefined
    }
  }

  /** Timer callback: advance by real elapsed time × speed, then maybe send a batch. */
  tick(): void {
    try {
      this.advanceToNow()
      this.flush()
    } catch (err) {
      this.setRunning(false)
      this.env.post({ type: 'fatal', message: err instanceof Error ? (err.stack ?? err.message) : String(err) })
    }
  }

  private advanceToNow(): void {
    if (!this.running || !this.sim) return
    const now = this.env.now()
    const real = Math.min(MAX_REAL_MS_PER_TICK, Math.max(0, now - this.lastTick))
    this.lastTick = now
    const simMs = real * this.speed + this.carry
    const whole = Math.floor(simMs)
    this.carry = simMs - whole
    if (whole > 0) this.sim.advance(whole)
  }

  /** Collects changes and sends them if the UI is ready for another batch. */
  private flush(): void {
    const sim = this.sim
    if (!sim) return
    this.drainWatch()
    for (const [key, obj] of sim.store.drainChanges()) if (shown(key)) this.pending.set(key, obj)
    if (this.awaitingAck) return
    const changed =
      this.needsReset ||
      this.pending.size > 0 ||
      sim.now !== this.lastSentTime ||
      this.running !== this.lastSentRunning ||
      this.speed !== this.lastSentSpeed ||
      this.nodesDownChanged
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
    }
    if (this.needsReset) {
      batch.upserts = sim.store.all().filter((obj) => !UNSHOWN_KINDS.has(obj.kind))
      this.sentDecisions.clear()
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
      if (decision && this.sentDecisions.get(uid) !== decision) {
        batch.decisions.push(decision)
        this.sentDecisions.set(uid, decision)
      }
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
    if (this.timer !== undefined) this.env.clearInterval(this.timer)
    this.timer = undefined
  }
}
