import { describe, expect, it } from 'vitest'
import { apply, newSim } from '../../../test/helpers.ts'
import { expandSnippet, KIND_SNIPPETS } from './snippets.ts'

describe('editor snippets', () => {
  it('expand with their defaults, mirrored stops and first choices', () => {
    expect(expandSnippet('name: ${1:web}\napp: ${1}\ntype: ${2|ClusterIP,NodePort|}\n')).toBe('name: web\napp: web\ntype: ClusterIP\n')
  })

  it('cover the kinds students write most', () => {
    expect(KIND_SNIPPETS.map((s) => s.kind)).toEqual(expect.arrayContaining(['Pod', 'Deployment', 'Service', 'ConfigMap', 'Secret', 'Job', 'CronJob', 'Ingress']))
  })

  it.each(KIND_SNIPPETS.map((s) => [s.kind, s.body]))('%s applies as written, with no warning', (kind, body) => {
    const sim = newSim()
    const text = expandSnippet(body)
    expect(text).toContain(`kind: ${kind}\n`)
    expect(apply(sim, text)).toEqual([expect.stringMatching(/^[a-z0-9.]+\/[a-z-]+ created$/)])
  })
})
