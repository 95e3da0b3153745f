import { describe, expect, it } from 'vitest'
import type { EngineMessage } from './protocol.ts'
import { fakeHost, WEB } from './hostTestKit.ts'


/** The docs' counter pod (concepts/cluster-administration/logging). */
const COUNTER = `apiVersion: v1
kind: Pod
metadata:
  name: counter
spec:
  containers:
  - name: count
    image: busybox:1.28
    args: [/bin/sh, -c, 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done']
`

function setup() {
  const { host, messages, elapse: elapseAtOnce } = fakeHost()
  /** Real time passes in ticks of at most a second, as the worker's timer sees it. */
  const elapse = (ms: number) => elapseAtOnce(ms, 1000)
  const result = (requestId: number) => messages.find((m) => (m.type === 'kubectlResult' || m.type === 'editResult') && m.requestId === requestId)
  const kubectl = (requestId: number, args: string, files?: { name: string; text: string }[]) => {
    host.handle({ type: 'kubectl', requestId, args, files })
    return result(requestId) as Extract<EngineMessage, { type: 'kubectlResult' }>
  }
  const watched = (requestId: number) => messages.flatMap((m) => (m.type === 'watchOutput' && m.requestId === requestId ? [m.text] : [])).join('')
  host.handle({ type: 'init', seed: 1 })
  return { host, messages, elapse, kubectl, result, watched }
}

describe('EngineHost: kubectl edit in the app', () => {
  it("opens the object's buffer under kubectl's temp-file name, prints nothing until saved", () => {
    const { kubectl } = setup()
    kubectl(1, 'apply -f manifest.yaml', [{ name: 'manifest.yaml', text: WEB }])
    const r = kubectl(2, 'edit deployment web')
    expect(r.output).toBe('')
    expect(r.edit).toMatchObject({ editId: 1, file: 'kubectl-edit-deployment-web.yaml' })
    expect(r.edit!.text).toMatch(/^# Please edit the object below\. Lines beginning with a '#' will be ignored,\n/)
    expect(r.edit!.text).toContain('\n  replicas: 3\n')
  })

  it('saving applies the change as an update: deployment.apps/web edited, and the pods follow', () => {
    const { host, kubectl, result, elapse } = setup()
    kubectl(1, 'apply -f manifest.yaml', [{ name: 'manifest.yaml', text: WEB }])
    const { edit } = kubectl(2, 'edit deploy/web')
    host.handle({ type: 'finishEdit', requestId: 3, editId: edit!.editId, text: edit!.text.replace('  replicas: 3\n', '  replicas: 5\n') })
    expect(result(3)).toEqual({ type: 'editResult', requestId: 3, output: 'deployment.apps/web edited\n', done: true })
    host.handle({ type: 'setRunning', running: true })
    elapse(10_000)
    expect(kubectl(4, 'get deploy web').output).toMatch(/^web +5\/5 +5 +5 /m)
  })

  it('an unchanged save cancels; an invalid one reopens the buffer with the reasons on top', () => {
    const { host, kubectl, result } = setup()
    kubectl(1, 'apply -f manifest.yaml', [{ name: 'manifest.yaml', text: WEB }])
    const { edit } = kubectl(2, 'edit deployment web')
    host.handle({ type: 'finishEdit', requestId: 3, editId: edit!.editId, text: edit!.text })
    expect(result(3)).toMatchObject({ output: 'Edit cancelled, no changes made.\n', done: true })

    const again = kubectl(4, 'edit deployment web').edit!
    host.handle({ type: 'finishEdit', requestId: 5, editId: again.editId, text: again.text.replace('  replicas: 3\n', '  replicas: -1\n') })
    const invalid = result(5) as Extract<EngineMessage, { type: 'editResult' }>
    expect(invalid).toMatchObject({ output: 'error: deployments.apps "web" is invalid\n', done: false })
    expect(invalid.text).toMatch(/^# Please edit[\s\S]*# deployments\.apps "web" was not valid:\n# \* spec\.replicas: Invalid value: -1: must be greater than or equal to 0\n/)
    // The session stays open: fixing the buffer saves it.
    host.handle({ type: 'finishEdit', requestId: 6, editId: again.editId, text: invalid.text!.replace('  replicas: -1\n', '  replicas: 2\n') })
    expect(result(6)).toMatchObject({ output: 'deployment.apps/web edited\n', done: true })
  })

  it('a missing object is NotFound, and no buffer opens; a closed buffer is gone', () => {
    const { host, kubectl, result } = setup()
    const r = kubectl(1, 'edit deployment nope')
    expect(r.output).toBe('Error from server (NotFound): deployments.apps "nope" not found\n')
    expect(r.edit).toBeUndefined()
    kubectl(2, 'apply -f m.yaml', [{ name: 'm.yaml', text: WEB }])
    const { edit } = kubectl(3, 'edit deployment web')
    host.handle({ type: 'cancelEdit', editId: edit!.editId })
    host.handle({ type: 'finishEdit', requestId: 4, editId: edit!.editId, text: edit!.text.replace('replicas: 3', 'replicas: 4') })
    expect(result(4)).toMatchObject({ done: true, output: expect.stringMatching(/^error: /) })
  })
})

describe('EngineHost: kubectl logs -f in the app', () => {
  it('streams the lines a looping container writes as simulated time passes, until stopped', () => {
    const { host, kubectl, elapse, watched, messages } = setup()
    kubectl(1, 'apply -f counter.yaml', [{ name: 'counter.yaml', text: COUNTER }])
    host.handle({ type: 'setRunning', running: true })
    elapse(8_000)
    const first = kubectl(2, 'logs -f counter')
    expect(first.watching).toBe(true)
    const initial = first.output.split('\n').filter(Boolean)
    expect(initial[0]).toMatch(/^0: Mon Jan {2}5 09:00:0\d UTC 2026$/)
    elapse(3_000)
    const more = watched(2).split('\n').filter(Boolean)
    expect(more.length).toBeGreaterThanOrEqual(2)
    // The counter carries on where the first answer stopped.
    const n = (line: string) => Number(line.split(':')[0])
    expect(n(more[0])).toBe(n(initial.at(-1)!) + 1)
    expect(more.map(n)).toEqual(more.map((_, i) => n(more[0]) + i))
    host.handle({ type: 'stopWatch' })
    const before = messages.length
    elapse(3_000)
    expect(messages.slice(before).some((m) => m.type === 'watchOutput')).toBe(false)
  })

  it('ends, as kubectl returns, when the followed container stops', () => {
    const { host, kubectl, elapse, messages } = setup()
    kubectl(1, 'apply -f counter.yaml', [{ name: 'counter.yaml', text: COUNTER }])
    host.handle({ type: 'setRunning', running: true })
    elapse(8_000)
    kubectl(2, 'logs counter -f --timestamps')
    kubectl(3, 'delete pod counter --wait=false')
    elapse(40_000)
    const last = messages.filter((m) => m.type === 'watchOutput' && m.requestId === 2).at(-1)
    expect(last).toMatchObject({ ended: true })
  })

  it("a container not started yet gets kubectl's waiting error, and nothing is followed", () => {
    const { kubectl } = setup()
    kubectl(1, 'apply -f counter.yaml', [{ name: 'counter.yaml', text: COUNTER }])
    expect(kubectl(2, 'logs -f counter')).toMatchObject({
      output: 'Error from server (BadRequest): container "count" in pod "counter" is waiting to start: ContainerCreating\n',
      watching: false,
    })
  })
})
