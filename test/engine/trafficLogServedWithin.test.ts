import { describe, expect, it } from 'vitest'
import { TrafficLog } from '../../src/engine/network/trafficLog.ts'

const served = (log: TrafficLog, pod: string, at: number) => log.record({ at, from: 'pod default/client', url: 'web', hops: [], outcome: '200', servedBy: pod })

describe('TrafficLog.servedWithin', () => {
  it('lists the pods that served lately, least recently first, and forgets the others', () => {
    const log = new TrafficLog()
    served(log, 'default/a', 1_000)
    served(log, 'default/b', 2_000)
    served(log, 'default/a', 3_000)
    expect(log.servedWithin(3_000, 5_000)).toEqual(['default/b', 'default/a'])
    expect(log.servedWithin(7_500, 5_000)).toEqual(['default/a'])
    expect(log.servedWithin(20_000, 5_000)).toEqual([])
    // Forgotten for the view only: the counts stay.
    expect(log.totalServed('default', 'a')).toBe(2)
  })
})
