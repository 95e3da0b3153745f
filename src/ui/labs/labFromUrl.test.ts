import { describe, expect, it } from 'vitest'
import { labFromUrl } from './labFromUrl.ts'

const answer = (status: number, body = '') => async () => ({ ok: status === 200, status, text: async () => body })

describe('labFromUrl', () => {
  it('loads a lab named relative to the page, from the same origin', async () => {
    const fetched: string[] = []
    const result = await labFromUrl('https://course.example/kubesim/?lab=labs/week3.md', async (url) => {
      fetched.push(url)
      return answer(200, '---\ntitle: x\n---\n')()
    })
    expect(fetched).toEqual(['https://course.example/kubesim/labs/week3.md'])
    expect(result).toEqual({ origin: 'week3.md', source: '---\ntitle: x\n---\n' })
  })

  it('refuses another origin without fetching, and reports a failed fetch', async () => {
    const never = async () => {
      throw new Error('must not fetch')
    }
    expect(await labFromUrl('https://course.example/?lab=https://evil.example/x.md', never)).toEqual({
      origin: 'x.md',
      error: 'kubesim opens labs from its own site only, not https://evil.example',
    })
    expect(await labFromUrl('https://course.example/?lab=//evil.example/x.md', never)).toMatchObject({ error: expect.stringContaining('own site only') })
    expect(await labFromUrl('https://course.example/?lab=missing.md', answer(404))).toEqual({ origin: 'missing.md', error: 'could not load /missing.md: HTTP 404' })
    expect(await labFromUrl('https://course.example/', never)).toBeNull()
  })
})
