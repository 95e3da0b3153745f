import { describe, expect, it } from 'vitest'
import { loadTabs, saveTabs, TABS_KEY } from './tabsStorage.ts'

function memory(initial?: string): Pick<Storage, 'getItem' | 'setItem'> & { data: Map<string, string> } {
  const data = new Map<string, string>()
  if (initial !== undefined) data.set(TABS_KEY, initial)
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) }
}

describe('editor tabs storage (kubesim.editor.v1)', () => {
  it('round-trips the files and which one was showing, under a versioned key', () => {
    const storage = memory()
    saveTabs(storage, { files: [{ name: 'manifest.yaml', text: 'a' }, { name: 'job.yaml', text: 'b' }], active: 1 })
    expect(JSON.parse(storage.data.get('kubesim.editor.v1')!)).toMatchObject({ version: 1 })
    expect(loadTabs(storage)).toEqual({ tabs: { files: [{ name: 'manifest.yaml', text: 'a' }, { name: 'job.yaml', text: 'b' }], active: 1 } })
  })

  it('nothing saved is a fresh start without a message', () => {
    expect(loadTabs(memory())).toEqual({ tabs: null })
    expect(loadTabs(undefined)).toEqual({ tabs: null })
  })

  it.each([
    ['corrupt JSON', '{not json'],
    ['another version', JSON.stringify({ version: 2, files: [{ name: 'a.yaml', text: '' }], active: 0 })],
    ['a file without a name', JSON.stringify({ version: 1, files: [{ text: 'x' }], active: 0 })],
    ['no files', JSON.stringify({ version: 1, files: [], active: 0 })],
    ['not an object', '[1,2]'],
  ])('%s starts fresh with a message, never an exception', (_what, raw) => {
    expect(loadTabs(memory(raw))).toEqual({ tabs: null, problem: 'The saved editor tabs could not be read, so the editor starts fresh.' })
  })

  it('an out-of-range active tab falls back to the first', () => {
    const raw = JSON.stringify({ version: 1, files: [{ name: 'a.yaml', text: '' }], active: 7 })
    expect(loadTabs(memory(raw))).toEqual({ tabs: { files: [{ name: 'a.yaml', text: '' }], active: 0 } })
  })

  it('a storage that throws (disabled, full) loses persistence, not the session', () => {
    const broken = { getItem: () => { throw new Error('denied') }, setItem: () => { throw new Error('full') } }
    expect(loadTabs(broken)).toEqual({ tabs: null })
    expect(() => saveTabs(broken, { files: [], active: 0 })).not.toThrow()
  })
})
