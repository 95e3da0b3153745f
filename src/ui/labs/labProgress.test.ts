import { describe, expect, it } from 'vitest'
import { progressText, readProgress, recordProgress } from './labProgress.ts'
import { memoryStorage } from './memoryStorage.testkit.ts'

describe('lab progress', () => {
  it('keeps the best run of each lab and says it as the catalog shows it', () => {
    const storage = memoryStorage()
    recordProgress(storage, '01-first-pod', { passed: 2, total: 3 })
    recordProgress(storage, '01-first-pod', { passed: 0, total: 3 })
    expect(readProgress(storage)['01-first-pod']).toEqual({ passed: 2, total: 3 })
    recordProgress(storage, '01-first-pod', { passed: 3, total: 3 })
    expect(progressText(readProgress(storage)['01-first-pod'])).toBe('done')
    expect(progressText({ passed: 1, total: 4 })).toBe('1/4 steps')
    expect(progressText(undefined)).toBe('not started')
  })

  it('forgets data it cannot read, and never throws', () => {
    expect(readProgress(memoryStorage({ 'kubesim.labs.v1': '{not json' }))).toEqual({})
    expect(readProgress(memoryStorage({ 'kubesim.labs.v1': '{"a":{"passed":9,"total":2},"b":{"passed":1,"total":2}}' }))).toEqual({ b: { passed: 1, total: 2 } })
    expect(readProgress(undefined)).toEqual({})
  })
})
