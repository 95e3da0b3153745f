import { describe, expect, it } from 'vitest'
import { countdownShort, secondsLeft, shownCountdowns } from './countdown.ts'

describe('countdowns', () => {
  it('rounds up to whole seconds and writes minutes as kubectl does', () => {
    expect(secondsLeft(22_100)).toBe('23s')
    expect(secondsLeft(0)).toBe('1s')
    expect(secondsLeft(272_000)).toBe('4m32s')
    expect(secondsLeft(300_000)).toBe('5m00s')
  })

  it('shows only what is ahead and already worth showing', () => {
    const list = [
      { kind: 'notReady' as const, object: 'Node//worker-1', atMs: 60_000, fromMs: 21_000 },
      { kind: 'restart' as const, object: 'Pod/default/crash', container: 'app', atMs: 40_000 },
    ]
    expect(shownCountdowns(list, 15_000).map((c) => c.kind)).toEqual(['restart'])
    expect(shownCountdowns(list, 30_000).map((c) => c.kind)).toEqual(['restart', 'notReady'])
    expect(shownCountdowns(list, 45_000).map((c) => countdownShort(c, 45_000))).toEqual(['NotReady in 15s'])
  })
})
