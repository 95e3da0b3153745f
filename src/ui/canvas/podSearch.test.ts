import { describe, expect, it } from 'vitest'
import type { Pod } from '../../engine/api/types.ts'
import { podMatches } from './podSearch.ts'

const pod = (name: string, labels: Record<string, string>) => ({ metadata: { name, labels } }) as unknown as Pod

describe('canvas pod search', () => {
  const web = pod('web-5d79898bc7-wmbt5', { app: 'web', tier: 'frontend' })
  it('matches part of the name or of a label, any case', () => {
    expect(podMatches(web, 'WMBT')).toBe(true)
    expect(podMatches(web, 'front')).toBe(true)
    expect(podMatches(web, 'db')).toBe(false)
  })
  it('reads key=value and key!=value as a label selector, every word must hold', () => {
    expect(podMatches(web, 'app=web')).toBe(true)
    expect(podMatches(web, 'app=we')).toBe(false)
    expect(podMatches(web, 'app=web,tier!=frontend')).toBe(false)
    expect(podMatches(web, 'app=web tier=frontend')).toBe(true)
  })
})
