import { describe, expect, it } from 'vitest'
import { SHORTCUTS, shortcutFor } from './shortcuts.ts'

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods })

describe('shortcutFor', () => {
  it('maps single keys when not typing', () => {
    expect(shortcutFor(key('p'), false)?.id).toBe('play')
    expect(shortcutFor(key('P'), false)?.id).toBe('presenter')
    expect(shortcutFor(key('?'), false)?.id).toBe('help')
    expect(shortcutFor(key('3'), false)?.id).toBe('speed30')
  })
  it('leaves single keys to a text field or the editor', () => {
    expect(shortcutFor(key('p'), true)).toBeUndefined()
    expect(shortcutFor(key('?'), true)).toBeUndefined()
  })
  it('Ctrl/Cmd+Enter applies even while typing; Ctrl+letter is the browser’s', () => {
    expect(shortcutFor(key('Enter', { ctrlKey: true }), true)?.id).toBe('apply')
    expect(shortcutFor(key('Enter', { metaKey: true }), false)?.id).toBe('apply')
    expect(shortcutFor(key('p', { ctrlKey: true }), false)).toBeUndefined()
    expect(shortcutFor(key('Enter'), false)).toBeUndefined()
    expect(shortcutFor(key('d', { altKey: true }), false)).toBeUndefined()
  })
  it('no key means two things', () => {
    const seen = new Set<string>()
    for (const s of SHORTCUTS) for (const m of s.match) {
      const id = `${s.mod ? 'mod+' : ''}${m}`
      expect(seen.has(id), id).toBe(false)
      seen.add(id)
    }
  })
})
