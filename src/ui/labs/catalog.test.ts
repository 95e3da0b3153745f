import { describe, expect, it } from 'vitest'
import { catalogEntry } from './catalog.ts'

describe('catalogEntry', () => {
  it("reads the list's title, level, minutes and topics from the front matter", () => {
    const source = '---\ntitle: "Why: restarts?"\nlevel: beginner\nminutes: 10\ntopics: [pods, troubleshooting]\n---\n\n## Step\n'
    expect(catalogEntry('crashloop', source)).toEqual({
      id: 'crashloop',
      source,
      title: 'Why: restarts?',
      level: 'beginner',
      minutes: 10,
      topics: ['pods', 'troubleshooting'],
    })
    expect(catalogEntry('bare', 'no front matter')).toMatchObject({ title: 'bare', topics: [] })
  })
})
