import { describe, expect, it } from 'vitest'
import { jsonMergePatch } from '../../../src/engine/api/patch/jsonMergePatch.ts'
import { jsonPatch } from '../../../src/engine/api/patch/jsonPatch.ts'
import { runKubectl } from '../../../src/engine/kubectl/runKubectl.ts'
import { newSim } from '../../helpers.ts'
import fixtures from '../fixtures/jsonPatch.kubectl.json'

/**
 * Expected results are what the real kubectl (v1.32) printed for
 * `kubectl patch -f pod.json --local --type json|merge -o json -p PATCH`; its JSON
 * patch is evanphx/json-patch v4, as the API server's is.
 */
const pod = fixtures.pod as Record<string, unknown>

/** kubesim's `kubectl patch --local`, reading pod.json from the fixture. */
function localPatch(type: string, patch: unknown): string {
  const readPath = (path: string) => (path === 'pod.json' ? [{ name: 'pod.json', text: JSON.stringify(pod) }] : undefined)
  return runKubectl(newSim(), ['patch', '-f', 'pod.json', '--local', '--type', type, '-o', 'json', '-p', JSON.stringify(patch)], { readPath })
}

describe('JSON patch (RFC 6902)', () => {
  for (const c of fixtures.json) {
    it(c.name, () => {
      expect(jsonPatch(pod, c.patch)).toEqual(c.expected)
      expect(localPatch('json', c.patch)).toBe(JSON.stringify(c.expected, null, 4) + '\n')
    })
  }
  for (const c of fixtures.jsonErrors) {
    it(`refuses ${c.name} with kubectl's words`, () => {
      expect(localPatch('json', c.patch)).toBe(c.expected + '\n')
    })
  }
  it('leaves the document alone', () => {
    const before = JSON.stringify(pod)
    jsonPatch(pod, [{ op: 'remove', path: '/spec' }])
    expect(JSON.stringify(pod)).toBe(before)
  })
})

describe('JSON merge patch (RFC 7386)', () => {
  for (const c of fixtures.merge) {
    it(c.name, () => {
      expect(jsonMergePatch(pod, c.patch)).toEqual(c.expected)
      expect(localPatch('merge', c.patch)).toBe(JSON.stringify(c.expected, null, 4) + '\n')
    })
  }
  it('follows RFC 7386 appendix A', () => {
    const cases: [unknown, unknown, unknown][] = [
      [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
      [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
      [{ a: 'b' }, { a: null }, {}],
      [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
      [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
      [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
      [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
    ]
    for (const [doc, patch, result] of cases) expect(jsonMergePatch(doc as Record<string, unknown>, patch)).toEqual(result)
  })
})
