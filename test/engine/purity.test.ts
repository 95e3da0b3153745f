import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ENGINE = join(__dirname, '../../src/engine')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : []
  })
}

/** Things the engine must never touch: it runs identically in a worker, the CLI and tests. */
const FORBIDDEN: [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'wall-clock time (Date.now)'],
  [/new Date\(\s*\)/, 'wall-clock time (new Date())'],
  [/\bperformance\.now\s*\(/, 'wall-clock time (performance.now)'],
  [/\bMath\.random\s*\(/, 'unseeded randomness (Math.random)'],
  [/\b(setTimeout|setInterval|requestAnimationFrame)\s*\(/, 'real timers'],
  [/\b(window|document|localStorage)\./, 'the DOM'],
  [/from ['"](react|react-dom|zustand|@xyflow\/react|monaco-editor)/, 'UI libraries'],
]

describe('the engine is pure and deterministic', () => {
  it('uses no wall clock, no Math.random, no timers, no DOM, no UI library anywhere under src/engine', () => {
    const files = sources(ENGINE)
    expect(files.length).toBeGreaterThan(40)
    const violations = files.flatMap((path) => {
      const text = readFileSync(path, 'utf8')
      return FORBIDDEN.filter(([pattern]) => pattern.test(text)).map(([, what]) => `${path.slice(ENGINE.length + 1)}: ${what}`)
    })
    expect(violations).toEqual([])
  })
})
