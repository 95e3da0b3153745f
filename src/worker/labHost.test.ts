import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
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
