import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { freshBundle } from '../../bin/freshBundle.mjs'

// A fake checkout: src/a.ts built into dist-cli/ at `builtAt` (seconds since the epoch).
function checkout(builtAt: number, sourceMtime: number) {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-bundle-'))
  mkdirSync(join(dir, 'src'))
  mkdirSync(join(dir, 'dist-cli'))
  writeFileSync(join(dir, 'src/a.ts'), 'export {}\n')
  utimesSync(join(dir, 'src/a.ts'), sourceMtime, sourceMtime)
  writeFileSync(join(dir, 'dist-cli/kubesim.mjs'), '')
  writeFileSync(join(dir, 'dist-cli/inputs.json'), JSON.stringify({ builtAt: builtAt * 1000, inputs: ['src/a.ts'] }))
  dirs.push(dir)
  return { dir, root: pathToFileURL(dir + '/') }
}
const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('bin/kubesim.mjs runs the install-time bundle only while it is fresh', () => {
  it('uses the bundle when every source it was built from is older than the build', () => {
    const { root } = checkout(2_000_000_000, 1_900_000_000)
    expect(freshBundle(root)?.href).toBe(new URL('dist-cli/kubesim.mjs', root).href)
  })

  it('falls back to the sources when one of them changed after the build', () => {
    const { root } = checkout(2_000_000_000, 2_000_000_001)
    expect(freshBundle(root)).toBeUndefined()
  })

  it('falls back when a source it was built from is gone, or there is no manifest', () => {
    const { dir, root } = checkout(2_000_000_000, 1_900_000_000)
    rmSync(join(dir, 'src/a.ts'))
    expect(freshBundle(root)).toBeUndefined()
    rmSync(join(dir, 'dist-cli/inputs.json'))
    expect(freshBundle(root)).toBeUndefined()
  })
})
