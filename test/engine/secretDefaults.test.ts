import { describe, expect, it } from 'vitest'
import { apply, kubectl, newSim } from '../helpers.ts'

describe('Secret defaulting', () => {
  it('a Secret without a type is stored as Opaque', () => {
    const sim = newSim()
    kubectl(sim, 'create secret generic db --from-literal=password=s3cr3t')
    expect(kubectl(sim, 'get secret db -o jsonpath={.type}')).toBe('Opaque')
  })

  it('stringData is folded into data, base64-encoded, and not stored; its keys win over data', () => {
    const sim = newSim()
    apply(sim, 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  a: eA==\n  b: eQ==\nstringData:\n  a: héllo\n')
    expect(kubectl(sim, 'get secret s -o jsonpath={.data}')).toBe('{"a":"aMOpbGxv","b":"eQ=="}')
    expect(kubectl(sim, 'get secret s -o jsonpath={.stringData}')).toBe('')
    expect(kubectl(sim, 'get secret s')).toMatch(/^s\s+Opaque\s+2\s+/m)
  })
})
