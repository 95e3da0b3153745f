import { describe, expect, it } from 'vitest'
import { readRevealed, saveRevealed } from './labRevealed.ts'
import { memoryStorage } from './memoryStorage.testkit.ts'

describe('hints and solutions revealed in the lab under way', () => {
  it('come back as saved, and damaged data reveals nothing', () => {
    const storage = memoryStorage()
    expect(readRevealed(storage)).toEqual({ hintsShown: {}, solutionShown: {} })
    saveRevealed(storage, { hintsShown: { 1: 2 }, solutionShown: { 0: true } })
    expect(readRevealed(storage)).toEqual({ hintsShown: { 1: 2 }, solutionShown: { 0: true } })
    expect(readRevealed(memoryStorage({ 'kubesim.labRevealed.v1': '{"hintsShown":{"x":1,"2":-1,"3":"4"},"solutionShown":{"1":"yes"}}' }))).toEqual({ hintsShown: {}, solutionShown: {} })
    expect(readRevealed(memoryStorage({ 'kubesim.labRevealed.v1': 'not json' }))).toEqual({ hintsShown: {}, solutionShown: {} })
    expect(readRevealed(undefined)).toEqual({ hintsShown: {}, solutionShown: {} })
  })
})
