import { describe, expect, it } from 'vitest'
import { CommandHistory, type HistoryStorage } from './history.ts'

function memoryStorage(): HistoryStorage & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) }
}

describe('terminal history', () => {
  it('↑ walks back, ↓ walks forward and then gives back the line being typed', () => {
    const h = new CommandHistory()
    h.push('get pods')
    h.push('get nodes')
    expect(h.up('desc')).toBe('get nodes')
    expect(h.up('get nodes')).toBe('get pods')
    expect(h.up('get pods')).toBeUndefined()
    expect(h.down()).toBe('get nodes')
    expect(h.down()).toBe('desc')
    expect(h.down()).toBeUndefined()
  })

  it('does not store a repeat of the previous command twice, but keeps older repeats', () => {
    const h = new CommandHistory()
    for (const c of ['get pods', 'get pods', 'get nodes', 'get pods']) h.push(c)
    expect(h.all).toEqual(['get pods', 'get nodes', 'get pods'])
  })

  it('is kept in session storage, so a new terminal (or a reload) has it', () => {
    const storage = memoryStorage()
    new CommandHistory(storage).push('get pods')
    const again = new CommandHistory(storage)
    expect(again.up('')).toBe('get pods')
  })

  it('ignores storage it cannot read', () => {
    const storage = memoryStorage()
    storage.data.set('kubesim.terminal.history', '{not json')
    expect(new CommandHistory(storage).all).toEqual([])
  })
})
