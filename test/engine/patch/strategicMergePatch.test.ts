import { describe, expect, it } from 'vitest'
import { PatchError } from '../../../src/engine/api/patch/patchError.ts'
import { strategicMergePatch } from '../../../src/engine/api/patch/strategicMergePatch.ts'
import fixtures from '../fixtures/strategicMergePatch.kubectl.json'

/**
 * Every expected result here is what the real kubectl (v1.32, whose strategic merge
 * patch is apimachinery's, as the API server's is) printed for
 * `kubectl patch -f pod.json --local -o json -p PATCH`, the cases being the directive
 * cases of apimachinery's strategicpatch tests moved onto a Pod's tagged fields.
 */
const pod = fixtures.pod as Record<string, unknown>

describe('strategic merge patch, as kubectl applies it', () => {
  for (const c of fixtures.cases) {
    it(c.name, () => {
      expect(strategicMergePatch(pod, c.patch as Record<string, unknown>, 'Pod')).toEqual(c.expected)
    })
  }
  for (const c of fixtures.errors) {
    it(`refuses ${c.name}`, () => {
      expect(() => strategicMergePatch(pod, c.patch as Record<string, unknown>, 'Pod')).toThrow(c.expected.replace(/^error: /, ''))
    })
  }

  it('leaves its inputs alone', () => {
    const before = JSON.stringify(pod)
    strategicMergePatch(pod, { spec: { containers: [{ name: 'main', image: 'x' }] } }, 'Pod')
    expect(JSON.stringify(pod)).toBe(before)
  })

  it('answers with the status the API server gives each error', () => {
    const status = (patch: Record<string, unknown>) => {
      try {
        strategicMergePatch(pod, patch, 'Pod')
      } catch (e) {
        return (e as PatchError).status
      }
    }
    expect(status({ spec: { volumes: [{ name: 'cfg', $retainKeys: 'x' }] } })).toBe(400)
    expect(status({ metadata: { $deleteFromPrimitiveList: ['f1'] } })).toBe(400)
    expect(status({ spec: { containers: [{ image: 'x' }] } })).toBe(500)
  })

  it('merges Deployment template containers by name and keeps the strategy tags of DeploymentSpec', () => {
    const d = { kind: 'Deployment', spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } }, template: { spec: { containers: [{ name: 'a', image: 'x' }] } } } }
    const out = strategicMergePatch(d, { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' }, template: { spec: { containers: [{ name: 'a', image: 'y' }] } } } }, 'Deployment')
    expect(out).toEqual({ kind: 'Deployment', spec: { strategy: { type: 'Recreate' }, template: { spec: { containers: [{ name: 'a', image: 'y' }] } } } })
  })
})
