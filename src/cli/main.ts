import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { labCommand } from './labCommand.ts'
import { runScript } from './runScript.ts'
import { parseScript, ScriptError } from './scriptParser.ts'
import { serveCommand, SERVE_USAGE } from './serveCommand.ts'

const USAGE = 'usage: kubesim run FILE [--seed N]   (FILE may be - for standard input)\n       kubesim lab check LAB.md [--attempt ATTEMPT.kss] [--seed N]\n       ' + SERVE_USAGE

function fail(message: string): never {
  process.stderr.write(`kubesim: ${message}\n`)
  process.exit(2)
}

function statIfExists(path: string) {
  try {
    return statSync(path)
  } catch {
    return undefined
  }
}

/** Reads `-f PATH` for kubectl, relative to the script's folder: a file, or a folder's manifests. */
function pathReader(baseDir: string) {
  return (path: string) => {
    const full = resolve(baseDir, path)
    const stat = statIfExists(full)
    if (!stat) return undefined
    if (stat.isDirectory()) {
      return readdirSync(full)
        .filter((f) => /\.(ya?ml|json)$/.test(f))
        .sort()
        .map((f) => ({ name: join(path, f), text: readFileSync(join(full, f), 'utf8') }))
    }
    return [{ name: path, text: readFileSync(full, 'utf8') }]
  }
}

/** Reads `--from-file PATH` for kubectl create, relative to the script's folder: a file, or every file of a folder. */
function localReader(baseDir: string) {
  return (path: string) => {
    const full = resolve(baseDir, path)
    const stat = statIfExists(full)
    if (!stat) return undefined
    if (!stat.isDirectory()) return { file: readFileSync(full, 'utf8') }
    const files = readdirSync(full).filter((f) => statSync(join(full, f)).isFile()).sort()
    return { dir: files.map((f) => ({ name: f, text: readFileSync(join(full, f), 'utf8') })) }
  }
}

function main(argv: string[]): void {
  const [verb, ...rest] = argv
  if (verb === 'serve') {
    return serveCommand(rest, (baseDir) => ({ readPath: pathReader(baseDir), readLocal: localReader(baseDir) }), fail, (file) => (file === '-' ? process.cwd() : dirname(resolve(file))))
  }
  if (verb === 'lab') return labCommand(rest, (baseDir) => ({ readPath: pathReader(baseDir), readLocal: localReader(baseDir) }))
  if (verb !== 'run') fail(verb ? `unknown command "${verb}"; ${USAGE}` : USAGE)
  let file: string | undefined
  let seed = 1
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]
    if (arg === '--seed' || arg.startsWith('--seed=')) {
      const value = arg.includes('=') ? arg.split('=')[1] : rest[++i]
      seed = Number(value)
      if (!Number.isInteger(seed)) fail(`--seed needs a whole number, got "${value}"`)
    } else if (file === undefined) file = arg
    else fail(`unexpected argument "${arg}"; ${USAGE}`)
  }
  if (!file) fail(USAGE)
  let source: string
  try {
    source = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8')
  } catch (e) {
    fail(`line 0: cannot read ${file}: ${(e as Error).message}`)
  }
  let steps
  try {
    steps = parseScript(source)
  } catch (e) {
    if (e instanceof ScriptError) fail(e.message)
    throw e
  }
  const baseDir = file === '-' ? process.cwd() : dirname(resolve(file))
  process.stdout.write(runScript(steps, { seed, readPath: pathReader(baseDir), readLocal: localReader(baseDir) }))
}

main(process.argv.slice(2))
