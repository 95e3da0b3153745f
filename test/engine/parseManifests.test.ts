import { describe, expect, it } from 'vitest'
import { applyManifestText } from '../../src/engine/kubectl/applyText.ts'
import { MAX_DEPTH, parseManifests } from '../../src/engine/manifest/parseManifests.ts'
import { SeededRandom } from '../../src/engine/rng.ts'
import { aliasBomb, newSim } from '../helpers.ts'

/** True when a value survives a JSON round trip unchanged: no Buffers, Sets, Dates or cycles. */
function isPlainJson(value: unknown): boolean {
  try {
    expect(JSON.parse(JSON.stringify(value))).toStrictEqual(value)
    return true
  } catch {
    return false
  }
}

const ODD_YAML: [string, string][] = [
  ['alias bomb', aliasBomb()],
  ['10000 nested flow sequences', '['.repeat(10_000)],
  ['10000 nested flow sequences, closed', '['.repeat(10_000) + ']'.repeat(10_000)],
  ['10000 nested flow maps', '{a: '.repeat(10_000) + '1' + '}'.repeat(10_000)],
  ['10000 nested compact block sequences', '- '.repeat(10_000) + 'x\n'],
  ['2000 nested block maps', Array.from({ length: 2000 }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + ' 1\n'],
  ['huge anchor used many times', `big: &big ${JSON.stringify('y'.repeat(200_000))}\nuses: [${Array(50).fill('*big').join(', ')}]\n`],
  ['anchor containing itself', 'a: &x {b: *x}\n'],
  ['unknown anchor', 'a: *nope\n'],
  ['!!binary', 'kind: Secret\ndata: !!binary aGVsbG8=\n'],
  ['!!binary, not base64', 'a: !!binary "***"\n'],
  ['!!set', 'a: !!set {x, y}\n'],
  ['!!omap', 'a: !!omap [x: 1, y: 2]\n'],
  ['!!timestamp', 'a: !!timestamp 2001-12-14t21:59:43.10-05:00\n'],
  ['!!int on a word', 'a: !!int foo\n'],
  ['local tag', 'a: !foo bar\n'],
  ['duplicate keys', 'a: 1\na: 2\n'],
  ['tab indentation', 'a:\n\tb: 1\n'],
  ['tab before a key', '\tkind: Pod\n'],
  ['collection as key', '? [a, b]\n: 1\n'],
  ['merge key', 'base: &b {x: 1}\nm:\n  <<: *b\n'],
  ['directive and many documents', '%YAML 1.1\n---\na: 1\n...\n---\n- 1\n---\nplain\n---\n'],
  ['unterminated quote', 'a: "abc\n'],
  ['invalid escape', 'a: "\\q"\n'],
  ['byte-order mark and NUL', '\ufeffa: "\0"\n'],
  ['lone surrogate', 'a: "\ud800"\n'],
  ['empty', ''],
  ['only a comment', '# nothing\n'],
]

describe('parseManifests never throws', () => {
  it.each(ODD_YAML)('%s', (_name, text) => {
    const result = parseManifests(text)
    for (const e of result.errors) {
      expect(e.line).toBeGreaterThanOrEqual(1)
      expect(e.message).not.toBe('')
      expect(e.message).not.toContain('\n')
    }
    for (const doc of result.documents) expect(isPlainJson(doc.object)).toBe(true)
  })

  it('survives seeded random mutations of a manifest', () => {
    const rng = new SeededRandom(7)
    const base = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {app: "x"}\nspec:\n  containers:\n  - name: c\n    image: busybox\n    args: [&a "1", *a]\n'
    const alphabet = '[]{}:,-?&*!|>\'"#%@`\t\n 9aZ\\'
    for (let i = 0; i < 2000; i++) {
      const chars = [...base]
      for (let n = 1 + rng.int(5); n > 0; n--) chars.splice(rng.int(chars.length), rng.int(2), alphabet[rng.int(alphabet.length)])
      const text = chars.join('')
      let result
      expect(() => (result = parseManifests(text)), text).not.toThrow()
      for (const doc of result!.documents) expect(isPlainJson(doc.object), text).toBe(true)
    }
  })

  it('still parses after deep nesting was rejected (no broken stack state)', () => {
    parseManifests('['.repeat(10_000))
    parseManifests('{'.repeat(10_000))
    expect(parseManifests('a: [1, {b: 2}]\n').documents[0].object).toEqual({ a: [1, { b: 2 }] })
  })
})

describe('parseManifests, go-yaml wording', () => {
  it('refuses an alias bomb as go-yaml does, without a line', () => {
    expect(parseManifests(aliasBomb()).errors).toEqual([{ line: 1, column: 1, message: 'document contains excessive aliasing', lineless: true }])
  })

  it('names anchors that contain themselves or are never defined', () => {
    expect(parseManifests('a: &x {b: *x}\n').errors.map((e) => e.message)).toEqual(["anchor 'x' value contains itself"])
    expect(parseManifests('a: 1\nb: *gone\n').errors.map((e) => e.message)).toEqual(["unknown anchor 'gone' referenced"])
  })

  it('accepts ordinary aliases', () => {
    const { documents, errors } = parseManifests('x: &v {a: 1}\ny: *v\nz: [*v, *v]\n')
    expect(errors).toEqual([])
    expect(documents[0].object).toEqual({ x: { a: 1 }, y: { a: 1 }, z: [{ a: 1 }, { a: 1 }] })
  })

  it(`accepts ${MAX_DEPTH} levels of nesting and refuses one more, at its line`, () => {
    expect(parseManifests('a: ' + '['.repeat(MAX_DEPTH - 1) + ']'.repeat(MAX_DEPTH - 1) + '\n').errors).toEqual([])
    expect(parseManifests('b: 1\na: ' + '['.repeat(MAX_DEPTH) + ']'.repeat(MAX_DEPTH) + '\n').errors).toEqual([
      { line: 2, column: 3 + MAX_DEPTH, message: `exceeded max depth of ${MAX_DEPTH}` },
    ])
  })

  it('decodes YAML 1.1 tags to JSON values as sigs.k8s.io/yaml does', () => {
    const { documents } = parseManifests('b: !!binary aGVsbG8=\ns: !!set {x, y}\no: !!omap [x: 1]\nt: !!timestamp 2001-12-14\n')
    expect(documents[0].object).toEqual({ b: 'hello', s: { x: null, y: null }, o: [{ x: 1 }], t: '2001-12-14' })
  })
})

describe('kubectl apply of an alias bomb', () => {
  it('prints one kubectl error line and applies nothing', () => {
    const sim = newSim()
    const before = sim.store.count()
    const result = applyManifestText(sim.ctx, aliasBomb(), { source: 'STDIN' })
    expect(result.output).toEqual(['error: error parsing STDIN: error converting YAML to JSON: yaml: document contains excessive aliasing'])
    expect(result.markers).toEqual([{ line: 1, column: 1, message: 'document contains excessive aliasing', severity: 'error' }])
    expect(sim.store.count()).toBe(before)
  })
})
