import { describe, expect, it } from 'vitest'
import { parseLoop } from '../../src/engine/kubelet/loopLogs.ts'
import { apply, kubectl, newSim } from '../helpers.ts'

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

describe('a container echoing in a while-true loop', () => {
  it('reads the loop: its lines, its period, its counter', () => {
    const echoed = (s: string) => [...s.matchAll(/echo "([^"]*)"/g)].map((m) => m[1])
    expect(parseLoop('i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done', echoed)).toEqual({
      everyMs: 1000,
      lines: ['$i: $(date)'],
      counter: { name: 'i', start: 0 },
    })
    expect(parseLoop('while true; do echo "hi"; sleep 5; done', echoed)).toEqual({ everyMs: 5000, lines: ['hi'] })
    // No sleep: no rhythm to write at; no echo: nothing to write.
    expect(parseLoop('while true; do echo "hi"; done', echoed)).toBeUndefined()
    expect(parseLoop('while true; do sleep 5; done', echoed)).toBeUndefined()
  })

  it("writes a line a second, as the docs' counter pod does, each stamped when written", () => {
    const sim = newSim()
    apply(sim, COUNTER)
    sim.advance(10_000)
    const first = kubectl(sim, 'logs counter').split('\n').filter(Boolean)
    expect(first[0]).toMatch(/^0: Mon Jan {2}5 09:00:0\d UTC 2026$/)
    sim.advance(5_000)
    const later = kubectl(sim, 'logs counter --timestamps').split('\n').filter(Boolean)
    expect(later).toHaveLength(first.length + 5)
    const seconds = later.map((l) => Number(/T09:00:(\d\d)\./.exec(l)![1]))
    expect(seconds).toEqual(seconds.map((_, i) => seconds[0] + i))
    expect(kubectl(sim, 'logs counter --tail=1')).toMatch(new RegExp(`^${later.length - 1}: `))
  })
})
