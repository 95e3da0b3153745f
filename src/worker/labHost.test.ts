import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readSessionLog, readSessionLogText } from '../engine/commandLog/readSessionLog.ts'
import type { Pod } from '../engine/api/types.ts'
import type { SessionLog } from '../engine/commandLog/sessionLog.ts'
import { EngineHost } from './engineHost.ts'
import type { EngineMessage, LabState } from './protocol.ts'

const CRASHLOOP = readFileSync(join(__dirname, '../../../shared/spec/examples/labs/crashloop.md'), 'utf8')

const FIXED = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: toolbox
spec:
  replicas: 1
  selector:
    matchLabels: {app: toolbox}
  template:
    metadata:
      labels: {app: toolbox}
    spec:
      containers:
      - name: toolbox
        image: ubuntu:24.04
        command: ["sleep", "infinity"]
`

function setup() {
  const messages: EngineMessage[] = []
  const host = new EngineHost({ post: (m) => messages.push(structuredClone(m)), now: () => 0, setInterval: () => 1, clearInterval: () => {} })
  host.handle({ type: 'init' })
  let id = 1
  const progress = () => messages.filter((m): m is Extract<EngineMessage, { type: 'lab' }> => m.type === 'lab').map((m) => (m.state ? m.state.current : m.error ? `error ${m.error.line}` : 'none'))
  const last = (): LabState | null => messages.filter((m): m is Extract<EngineMessage, { type: 'lab' }> => m.type === 'lab').at(-1)?.state ?? null
  const kubectl = (args: string) => host.handle({ type: 'kubectl', requestId: id++, args })
  return { host, messages, progress, last, kubectl, apply: (yaml: string) => host.handle({ type: 'apply', requestId: id++, yaml, source: 'toolbox.yaml' }) }
}

describe('a lab in the app (worker side)', () => {
  it('starts the lab on its own cluster, checks after each command and as time passes, and finishes', () => {
    const t = setup()
    t.host.handle({ type: 'labStart', source: CRASHLOOP })
    const state = t.last()!
    expect(state.view.title).toBe('Why does my pod keep restarting?')
    expect(state.view.steps.map((s) => [s.title, s.hints.length, s.solution !== undefined])).toEqual([
      ['Look at the pod', 1, true],
      ['Find out what the container did', 2, true],
      ['Keep the container running', 1, true],
    ])
    // The lab's cluster: a control plane and two workers, the setup's Deployment crash-looping.
    const sim = t.host.simulation!
    expect(sim.store.list('Node').map((n) => n.metadata.name)).toEqual(['control-plane', 'worker-1', 'worker-2'])
    expect(sim.now).toBe(120_000)
    t.kubectl('get pods')
    t.kubectl('describe pods -l app=toolbox')
    t.apply(FIXED)
    expect(t.progress()).toEqual([0, 1, 2])
    // The new pod is not available yet: the step passes as simulated time goes on.
    t.host.handle({ type: 'step', ms: 30_000 })
    expect(t.last()).toMatchObject({ current: 3, done: true })
  })

  it('counts an Apply as kubectl apply -f FILE and UI actions as their kubectl lines', () => {
    const t = setup()
    const lab = ['---', 'title: History', '---', '## Apply', '```check', 'history =~ ^kubectl apply -f toolbox\\.yaml$', '```', '## Delete', '```check', 'history =~ ^kubectl delete pod', '```'].join('\n')
    t.host.handle({ type: 'labStart', source: lab })
    t.apply(FIXED)
    t.kubectl('delete pod nothing-here')
    expect(t.progress()).toEqual([0, 1, 2])
  })

  it('applies the current step solution for a student who gives up, and shows its commands', () => {
    const t = setup()
    t.host.handle({ type: 'labStart', source: CRASHLOOP })
    t.host.handle({ type: 'labSolution' })
    const transcript = t.messages.find((m) => m.type === 'labTranscript')
    expect(transcript).toMatchObject({ entries: [{ command: 'kubectl get pods' }] })
    expect(transcript?.type === 'labTranscript' && transcript.entries[0].output).toMatch(/^NAME +READY +STATUS/)
    expect(t.last()?.current).toBe(1)
  })

  it('resets to the start, and leaves the lab keeping the cluster', () => {
    const t = setup()
    t.host.handle({ type: 'labStart', source: CRASHLOOP })
    t.kubectl('get pods')
    t.host.handle({ type: 'labReset' })
    expect(t.last()?.current).toBe(0)
    expect(t.host.simulation!.now).toBe(120_000)
    t.host.handle({ type: 'labQuit' })
    expect(t.last()).toBeNull()
    t.kubectl('get pods')
    expect(t.progress().at(-1)).toBe('none')
  })

  it('ends the lab when another cluster replaces its own (a preset, a restored session)', () => {
    const t = setup()
    t.host.handle({ type: 'labStart', source: CRASHLOOP })
    t.host.handle({ type: 'init', cluster: { workers: 1 } })
    expect(t.progress().at(-1)).toBe('none')
    t.kubectl('get pods')
    expect(t.progress().at(-1)).toBe('none')
  })

  it('reports a malformed lab with its line', () => {
    const t = setup()
    t.host.handle({ type: 'labStart', source: '---\ntitle: x\n---\n## Step\n' })
    expect(t.messages.find((m) => m.type === 'lab')).toEqual({ type: 'lab', state: null, error: { line: 4, reason: 'step "Step" has no check block' } })
  })
})

describe('a lab in a saved session (a reload)', () => {
  const lastLog = (t: ReturnType<typeof setup>) => t.messages.filter((m): m is Extract<EngineMessage, { type: 'session' }> => m.type === 'session').at(-1)!.log
  /** A new host (a reloaded page) restoring the stored log, as the app does, through JSON. */
  const reload = (log: SessionLog, time?: number) => {
    const read = readSessionLogText(JSON.stringify(log))
    if (!read.ok) throw new Error(read.message)
    const t = setup()
    t.messages.length = 0
    t.host.handle({ type: 'restore', log: read.log, ...(time !== undefined ? { time } : {}) })
    return t
  }

  it('logs the lab and the student commands, and comes back on the same step with the same history', () => {
    const t = setup()
    t.host.handle({ type: 'labStart', source: CRASHLOOP, origin: 'crashloop.md' })
    t.kubectl('get pods')
    const log = lastLog(t)
    expect(log.lab).toEqual({ source: CRASHLOOP, origin: 'crashloop.md', passed: [120_000] })
    expect(log.commands).toEqual([{ at: 120_000, type: 'kubectl', args: 'get pods' }])

    const r = reload(log)
    expect(r.messages.find((m) => m.type === 'lab')).toMatchObject({ type: 'lab', restored: true, state: { current: 1, done: false, origin: 'crashloop.md' } })
    expect(r.host.simulation!.store.list('Node').map((n) => n.metadata.name)).toEqual(['control-plane', 'worker-1', 'worker-2'])
    // The history came back too: step 2 needs only `describe` now, then the fix.
    r.kubectl('describe pods -l app=toolbox')
    expect(r.last()?.current).toBe(2)
    r.apply(FIXED)
    r.host.handle({ type: 'step', ms: 30_000 })
    expect(r.last()).toMatchObject({ current: 3, done: true })
    // Same lab, same commands: the reloaded cluster is the one the live session would have.
    t.kubectl('describe pods -l app=toolbox')
    t.apply(FIXED)
    t.host.handle({ type: 'step', ms: 30_000 })
    expect(r.host.simulation!.store.list('Pod').map((p) => [p.metadata.name, (p as Pod).status?.phase])).toEqual(t.host.simulation!.store.list('Pod').map((p) => [p.metadata.name, (p as Pod).status?.phase]))
  })

  it('a step that passed as time went by passes again at that moment', () => {
    const t = setup()
    t.host.handle({ type: 'labStart', source: CRASHLOOP })
    t.kubectl('get pods')
    t.kubectl('describe pods -l app=toolbox')
    t.apply(FIXED)
    t.host.handle({ type: 'step', ms: 30_000 })
    expect(t.last()?.done).toBe(true)
    const log = lastLog(t)
    expect(log.lab?.passed?.length).toBe(3)
    expect(reload(log).last()).toMatchObject({ current: 3, done: true })
  })

  it('logs a solution the lab applied as the commands it ran, and replays them', () => {
    const t = setup()
    t.host.handle({ type: 'labStart', source: CRASHLOOP })
    t.host.handle({ type: 'labSolution' })
    t.host.handle({ type: 'labSolution' })
    expect(t.last()?.current).toBe(2)
    const log = lastLog(t)
    expect(log.commands.map((c) => c.type === 'kubectl' && c.args)).toEqual(['get pods', expect.stringMatching(/^(describe|logs)/), ...log.commands.slice(2).map((c) => c.type === 'kubectl' && c.args)])
    expect(reload(log).last()?.current).toBe(2)
  })

  it('seeking back shows the progress of that moment', () => {
    const t = setup()
    t.host.handle({ type: 'labStart', source: CRASHLOOP })
    // A seek to where the cluster already is changes nothing, the lab included.
    t.host.handle({ type: 'seek', time: t.host.simulation!.now })
    expect(t.last()?.current).toBe(0)
    t.host.handle({ type: 'step', ms: 5_000 })
    t.kubectl('get pods')
    expect(t.last()?.current).toBe(1)
    t.host.handle({ type: 'seek', time: 122_000 })
    expect(t.last()?.current).toBe(0)
    t.host.handle({ type: 'seek', time: 125_000 })
    expect(t.last()?.current).toBe(1)
    // Back at the end, live again: the lab goes on.
    t.kubectl('describe pods -l app=toolbox')
    expect(t.last()?.current).toBe(2)
    t.host.handle({ type: 'seek', time: t.host.simulation!.now })
    expect(t.last()?.current).toBe(2)
    t.apply(FIXED)
    t.host.handle({ type: 'step', ms: 30_000 })
    expect(t.last()?.done).toBe(true)
  })

  it('a lab the student left comes back as its cluster without the lab; a preset ends the lab in the log too', () => {
    const t = setup()
    t.host.handle({ type: 'labStart', source: CRASHLOOP })
    t.host.handle({ type: 'labQuit' })
    t.kubectl('get pods')
    const left = lastLog(t)
    expect(left.lab?.left).toBe(true)
    const r = reload(left)
    expect(r.messages.some((m) => m.type === 'lab' && m.state)).toBe(false)
    expect(r.host.simulation!.store.list('Node')).toHaveLength(3)
    t.host.handle({ type: 'init' })
    expect(lastLog(t).lab).toBeUndefined()
  })

  it('reads logs without a lab as before, and refuses a damaged lab', () => {
    const t = setup()
    t.kubectl('get pods')
    const plain = lastLog(t)
    expect(plain.lab).toBeUndefined()
    expect(readSessionLog(plain)).toMatchObject({ ok: true, log: { commands: [{ args: 'get pods' }] } })
    expect(readSessionLog({ ...plain, lab: { source: 3 } })).toEqual({ ok: false, problem: 'corrupt', message: 'its lab is damaged' })
  })
})
