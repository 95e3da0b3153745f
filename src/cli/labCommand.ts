import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { ScriptIO } from './runScript.ts'
import { checkLab, parseAttempt } from '../labs/checkLab.ts'
import { LabError } from '../labs/lab.ts'
import { parseLab } from '../labs/parseLab.ts'

const USAGE = 'usage: kubesim lab check LAB.md [--attempt ATTEMPT.kss] [--seed N]'

function fail(message: string): never {
  process.stderr.write(`kubesim: ${message}\n`)
  process.exit(2)
}

/** A malformed lab or attempt: one stderr line `FILE:LINE: reason`, exit 2. */
function malformed(file: string, line: number, reason: string): never {
  process.stderr.write(`${file}:${line}: ${reason}\n`)
  process.exit(2)
}

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (e) {
    malformed(file, 0, `cannot read ${file}: ${(e as Error).message}`)
  }
}

function parsed<T>(file: string, parse: () => T): T {
  try {
    return parse()
  } catch (e) {
    if (e instanceof LabError) malformed(file, e.line, e.reason)
    throw e
  }
}

/**
 * `kubesim lab check LAB.md [--attempt FILE] [--seed N]` (shared/spec/labs.md).
 * `readers` give the attempt's `-f PATH` files, relative to the attempt's folder.
 */
export function labCommand(argv: string[], readers: (baseDir: string) => ScriptIO): void {
  const [sub, ...rest] = argv
  if (sub !== 'check') fail(sub ? `unknown lab command "${sub}"; ${USAGE}` : USAGE)
  let file: string | undefined
  let attemptFile: string | undefined
  let seed = 1
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]
    const value = () => (arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (rest[++i] ?? fail(`${arg} needs a value; ${USAGE}`)))
    if (arg === '--seed' || arg.startsWith('--seed=')) {
      const text = value()
      seed = Number(text)
      if (!Number.isInteger(seed)) fail(`--seed needs a whole number, got "${text}"`)
    } else if (arg === '--attempt' || arg.startsWith('--attempt=')) attemptFile = value()
    else if (file === undefined && !arg.startsWith('--')) file = arg
    else fail(`unexpected argument "${arg}"; ${USAGE}`)
  }
  if (!file) fail(USAGE)
  const lab = parsed(file, () => parseLab(read(file)))
  const attempt = attemptFile === undefined ? undefined : parsed(attemptFile, () => parseAttempt(read(attemptFile)))
  const io = attemptFile === undefined ? {} : readers(dirname(resolve(attemptFile)))
  const { output, exitCode } = checkLab(lab, { seed, attempt, io })
  process.stdout.write(output)
  process.exitCode = exitCode
}
