import { describe, expect, it } from 'vitest'
import { readSessionLog, readSessionLogText } from '../engine/commandLog/readSessionLog.ts'
import { replaySession, type SessionLog } from '../engine/commandLog/sessionLog.ts'
import type { Simulation } from '../engine/simulation.ts'
import { EngineHost } from './engineHost.ts'
import type { EngineMessage, UiCommand } from './protocol.ts'

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        readinessProbe:
          httpGet: {path: /, port: 80}
          periodSeconds: 3
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
  - port: 80
---
apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  completions: 3
  parallelism: 2
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: pi
        image: busybox:1.36
        command: [sh, -c, "sleep 7"]
`

/** A host whose real clock and timer the test drives, as engineHost.test.ts does. */
function liveHost() {
  const messages: EngineMessage[] = []
  let realNow = 0
  let tick: (() => void) | undefined
  const host = new EngineHost({
    post: (m) => messages.push(structuredClone(m)),
    now: () => realNow,
    setInterval: (fn) => ((tick = fn), 1),
    clearInterval: () => void (tick = undefined),
  })
  const send = (cmd: UiCommand) => {
    host.handle(cmd)
    host.handle({ type: 'ack' })
  }
  const elapse = (ms: number) => {
    realNow += ms
    tick?.()
    host.handle({ type: 'ack' })
  }
  const session = () => messages.filter((m): m is Extract<EngineMessage, { type: 'session' }> => m.type === 'session').at(-1)!
  /** The log as the UI stores it: the last one the host sent, up to the time of the last batch. */
  const logNow = (): SessionLog => {
    const last = session()
    const patch = messages.filter((m) => m.type === 'patch').at(-1)
    return last.viewingPast || patch?.type !== 'patch' ? last.log : { ...last.log, time: patch.batch.time }
  }
  return { host, messages, send, elapse, session, logNow }
}

/** Every object as JSON (resourceVersions, uids, timestamps, Events included), by key. */
function state(sim: Simulation): string[] {
  return sim.store.all().map((o) => JSON.stringify(o)).sort()
}

/** Real-time steps of uneven sizes, so ticks land at odd simulated moments. */
const STEPS = [7, 13, 50, 3, 41, 29, 1, 50, 17]
function runFor(live: ReturnType<typeof liveHost>, realMs: number) {
  for (let i = 0, spent = 0; spent < realMs; i++) {
    const ms = STEPS[i % STEPS.length]
    live.elapse(ms)
    spent += ms
  }
}

/** A classroom-like session: applies, scaling, a crash loop, a node failure, a rollout. */
function liveSession() {
  const live = liveHost()
  live.send({ type: 'init', seed: 42 })
  live.send({ type: 'setSpeed', speed: 30 })
  live.send({ type: 'setRunning', running: true })
  runFor(live, 300)
  live.send({ type: 'apply', requestId: 1, yaml: MANIFEST, source: 'manifest.yaml' })
  runFor(live, 700)
  live.send({ type: 'kubectl', requestId: 2, args: 'run crash --image=busybox:1.36 -- sh -c "exit 1"' })
  runFor(live, 450)
  live.send({ type: 'kubectl', requestId: 3, args: 'scale deployment web --replicas=5' })
  live.send({ type: 'fault', action: 'node-down', node: 'worker-2' })
  runFor(live, 1200)
  live.send({ type: 'step', ms: 10_000 })
  live.send({ type: 'kubectl', requestId: 4, args: 'set image deployment/web nginx=nginx:1.28' })
  live.send({ type: 'setSpeed', speed: 100 })
  runFor(live, 4000)
  live.send({ type: 'fault', action: 'node-up', node: 'worker-2' })
  live.send({ type: 'machine', requestId: 6, line: 'node add worker-4' })
  live.send({ type: 'kubectl', requestId: 5, args: 'delete -f manifest.yaml --wait=false', files: [{ name: 'manifest.yaml', text: MANIFEST }, { name: 'other.yaml', text: 'x' }] })
  runFor(live, 900)
  live.send({ type: 'setRunning', running: false })
  return live
}

describe('the command log is the cluster', () => {
  it('a replay of a live session (ticking in small real-time steps, commands in between) reaches the same state', () => {
    const live = liveSession()
    const sim = live.host.simulation!
    const log = live.logNow()
    expect(log.time).toBe(sim.now)
    expect(sim.now).toBeGreaterThan(8 * 60_000)
    expect(log.commands.map((c) => c.type)).toEqual(['apply', 'kubectl', 'kubectl', 'fault', 'step', 'kubectl', 'fault', 'machine', 'kubectl'])
    // -f read the editor's manifest.yaml only: that is all the log needs to keep.
    expect(log.commands.at(-1)).toMatchObject({ type: 'kubectl', files: [{ name: 'manifest.yaml' }] })
    expect((log.commands.at(-1) as { files: unknown[] }).files).toHaveLength(1)

    // The log survives JSON (storage, files, links) and replays in one go.
    const stored = readSessionLogText(JSON.stringify(log))
    expect(stored.ok).toBe(true)
    const replayed = replaySession((stored as { log: SessionLog }).log)
    expect(replayed.now).toBe(sim.now)
    expect(state(replayed)).toEqual(state(sim))
    expect(replayed.store.list('Event').length).toBeGreaterThan(20)
    expect(replayed.kubelets.has('worker-4')).toBe(true)
    expect(replayed.ctx.rng.next()).toBe(sim.ctx.rng.next())
  })

  it('seeking back shows the earlier cluster, forward again the same end, and acting in the past drops the later commands', () => {
    const live = liveSession()
    const end = live.host.simulation!.now
    const endState = state(live.host.simulation!)
    const applyAt = live.session().log.commands[0].at

    live.send({ type: 'seek', time: applyAt - 1 })
    expect(live.host.simulation!.now).toBe(applyAt - 1)
    expect(live.host.simulation!.store.list('Pod', 'default')).toEqual([])
    expect(live.session()).toMatchObject({ viewingPast: true, log: { time: end } })

    live.send({ type: 'seek', time: applyAt + 60_000 })
    expect(live.host.simulation!.store.list('Pod', 'default').length).toBeGreaterThan(0)
    live.send({ type: 'seek', time: end })
    expect(live.session().viewingPast).toBe(false)
    expect(state(live.host.simulation!)).toEqual(endState)

    live.send({ type: 'seek', time: applyAt + 1000 })
    live.send({ type: 'kubectl', requestId: 9, args: 'get pods' })
    const after = live.session()
    expect(after.viewingPast).toBe(false)
    expect(after.log.commands.map((c) => c.type)).toEqual(['apply', 'kubectl'])
    expect(after.log.time).toBe(applyAt + 1000)
  })

  it('restores a stored log at its end or at an earlier moment, and keeps running or paused', () => {
    const live = liveSession()
    const log = live.logNow()
    const again = liveHost()
    again.send({ type: 'restore', log, running: true, speed: 5 })
    expect(state(again.host.simulation!)).toEqual(state(live.host.simulation!))
    const patch = again.messages.filter((m) => m.type === 'patch').at(-1)
    expect(patch).toMatchObject({ batch: { running: true, speed: 5 } })

    const earlier = liveHost()
    earlier.send({ type: 'restore', log, time: 1000, running: true })
    expect(earlier.host.simulation!.now).toBe(1000)
    expect(earlier.session().viewingPast).toBe(true)
    expect(earlier.messages.filter((m) => m.type === 'patch').at(-1)).toMatchObject({ batch: { running: false } })
  })
})

describe('readSessionLog', () => {
  const good = { format: 'kubesim-session', version: 1, seed: 1, cluster: {}, commands: [{ at: 5, type: 'kubectl', args: 'get pods' }], time: 10 }

  it('accepts a log and fills the cluster spec', () => {
    const read = readSessionLog(good)
    expect(read.ok && read.log.cluster.workers).toBe(3)
  })

  it('names what is wrong with damaged or other-version data instead of throwing', () => {
    expect(readSessionLogText('{"format":"kubesim-ses')).toEqual({ ok: false, problem: 'corrupt', message: 'it is not valid JSON' })
    expect(readSessionLog(null)).toMatchObject({ ok: false, problem: 'corrupt' })
    expect(readSessionLog({ ...good, version: 0 })).toMatchObject({ ok: false, problem: 'version', message: expect.stringContaining('format 0') })
    expect(readSessionLog({ ...good, commands: [{ at: 5, type: 'rm -rf' }] })).toMatchObject({ ok: false, message: 'command 1 is damaged' })
    expect(readSessionLog({ ...good, commands: [{ at: 50, type: 'kubectl', args: '' }] })).toMatchObject({ ok: false, message: 'command 1 is out of time order' })
    expect(readSessionLog({ ...good, cluster: { workers: 'three' } })).toMatchObject({ ok: false, problem: 'corrupt' })
  })
})
