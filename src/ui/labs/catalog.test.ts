import { describe, expect, it } from 'vitest'
import { catalogEntry } from './catalog.ts'

describe('catalogEntry', () => {
  it("reads the list's title, level and minutes from the front matter", () => {
    expect(catalogEntry('crashloop', '---\ntitle: "Why: restarts?"\nlevel: beginner\nminutes: 10\n---\n\n## Step\n')).toEqual({
      id: 'crashloop',
      source: '---\ntitle: "Why: restarts?"\nlevel: beginner\nminutes: 10\n---\n\n## Step\n',
      title: 'Why: restarts?',
      level: 'beginner',
      minutes: 10,
    })
    expect(catalogEntry('bare', 'no front matter').title).toBe('bare')
  })
})
