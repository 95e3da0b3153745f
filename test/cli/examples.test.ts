import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runScript } from '../../src/cli/runScript.ts'
import { parseScript } from '../../src/cli/scriptParser.ts'

const EXAMPLES = join(__dirname, '../../examples')

describe('examples/: teaching scenarios keep their transcripts', () => {
  const scripts = readdirSync(EXAMPLES).filter((f) => f.endsWith('.kss'))

  it('has the scenarios, each with its transcript', () => {
    expect(scripts).toEqual(expect.arrayContaining(['crashloop.kss', 'cronjob.kss', 'daemonset.kss', 'job.kss', 'namespace.kss', 'node-failure.kss', 'quota.kss', 'rollout.kss', 'self-healing.kss', 'statefulset.kss', 'labels.kss', 'config.kss']))
    for (const file of scripts) expect(readdirSync(EXAMPLES)).toContain(file.replace(/\.kss$/, '.expected'))
  })

  it.each(scripts)('%s gives examples/%s.expected byte for byte (regenerate with npm run examples:update)', (file) => {
    const script = readFileSync(join(EXAMPLES, file), 'utf8')
    const expected = readFileSync(join(EXAMPLES, file.replace(/\.kss$/, '.expected')), 'utf8')
    expect(runScript(parseScript(script), { seed: 1, readPath: () => undefined })).toBe(expected)
  })
})
