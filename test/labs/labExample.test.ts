import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkLab, parseAttempt } from '../../src/labs/checkLab.ts'
import { parseLab } from '../../src/labs/parseLab.ts'

const LABS = join(__dirname, '../../../shared/spec/examples/labs')
const BIN = join(__dirname, '../../bin/kubesim.mjs')
const read = (name: string) => readFileSync(join(LABS, name), 'utf8')

describe('the spec worked example (shared/spec/examples/labs)', () => {
  const lab = parseLab(read('crashloop.md'))
  const expected = read('crashloop.expected')

  it('parses the front matter and the three steps', () => {
    expect(lab.title).toBe('Why does my pod keep restarting?')
    expect(lab.level).toBe('beginner')
    expect(lab.minutes).toBe(10)
    expect(lab.topics).toEqual(['pods', 'deployments', 'troubleshooting'])
    expect(lab.cluster).toEqual({ workers: 2, cpu: '4', memory: '8Gi' })
    expect(lab.setup.map((s) => [s.line, s.text])).toEqual([
      [8, 'kubectl apply -f - <<EOF'],
      [25, 'advance 2m'],
    ])
    expect(lab.steps.map((s) => [s.line, s.title, s.hints.length, s.checks.length])).toEqual([
      [31, 'Look at the pod', 1, 1],
      [48, 'Find out what the container did', 2, 1],
      [70, 'Keep the container running', 1, 2],
    ])
    expect(lab.intro).toMatch(/^A teammate deployed an `ubuntu` toolbox/)
    expect(lab.steps[0].instructions).toBe('List the pods and find the toolbox pod. What is its status, and how many times has it\nrestarted?')
    expect(lab.steps[2].checks.map((c) => c.line)).toEqual([102, 103])
    expect(lab.steps[2].solution?.map((s) => s.line)).toEqual([80, 98])
  })

  it('prints crashloop.expected byte for byte from the solutions', () => {
    expect(checkLab(lab)).toEqual({ output: expected, exitCode: 0 })
  })

  it('prints crashloop.expected byte for byte from the attempt', () => {
    expect(checkLab(lab, { attempt: parseAttempt(read('crashloop.attempt.kss')) })).toEqual({ output: expected, exitCode: 0 })
  })

  it('runs as `npx kubesim lab check`, with and without --attempt', () => {
    for (const extra of [['--seed', '7'], ['--attempt', 'crashloop.attempt.kss']]) {
      const result = spawnSync(process.execPath, [BIN, 'lab', 'check', 'crashloop.md', ...extra], { cwd: LABS, encoding: 'utf8' })
      expect(result.stderr).toBe('')
      expect(result.stdout).toBe(expected)
      expect(result.status).toBe(0)
    }
  }, 180_000)
})
