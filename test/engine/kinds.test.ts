import { describe, expect, it } from 'vitest'
import { allKinds } from '../../src/engine/kinds/registry.ts'

describe('the kind registry', () => {
  it('registers each kind once, and each plural and short name once per group', () => {
    const kinds = allKinds().map((k) => k.names.kind)
    expect(kinds.filter((k, i) => kinds.indexOf(k) !== i)).toEqual([])
    const names = allKinds().flatMap((k) => [k.names.plural, ...k.names.shortNames].map((n) => `${n}.${k.names.group}`))
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([])
  })
})
