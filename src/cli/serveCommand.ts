import { readFileSync } from 'node:fs'
import { Simulation } from '../engine/simulation.ts'
import { startServer } from '../serve/server.ts'
import { clusterOf, runScriptStep, type ScriptIO } from './runScript.ts'
import { parseScript, ScriptError, type ScriptStep } from './scriptParser.ts'

export const SERVE_USAGE = 'kubesim serve [SCRIPT] [--port P] [--seed N] [--paused | --speed X]'

interface ServeArgs {
  file?: string
  port: number
  seed: number
  paused: boolean
  speed: number
}

/** Reads serve's arguments; a usage problem is a message (exit 2, as for `run`). */
function parseArgs(argv: string[]): ServeArgs | string {
  const out: ServeArgs = { port: 8080, seed: 1, paused: false, speed: 1 }
  let speedGiven = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined]
    const value = () => inline ?? argv[++i]
    if (name === '--port') {
      const text = value()
      out.port = Number(text)
      if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535) return `--port needs a port number, got "${text}"`
    } else if (name === '--seed') {
      const text = value()
      out.seed = Number(text)
      if (!Number.isInteger(out.seed)) return `--seed needs a whole number, got "${text}"`
    } else if (name === '--speed') {
      const text = value()
      out.speed = Number(text)
      speedGiven = true
      if (!Number.isFinite(out.speed) || out.speed <= 0) return `--speed needs a positive number, got "${text}"`
    } else if (arg === '--paused') out.paused = true
    else if (out.file === undefined && (arg === '-' || !arg.startsWith('-'))) out.file = arg
    else return `unexpected argument "${arg}"; usage: ${SERVE_USAGE}`
  }
  if (out.paused && speedGiven) return `--paused and --speed cannot be used together; usage: ${SERVE_USAGE}`
  return out
}

/**
 * `kubesim serve`: builds the cluster (SCRIPT's, or the default), runs SCRIPT with its
 * transcript on standard error, then serves the Kubernetes API on loopback until
 * SIGINT or SIGTERM.
 */
export function serveCommand(argv: string[], io: (baseDir: string) => ScriptIO, fail: (message: string) => never, baseDirOf: (file: string) => string): void {
  const args = parseArgs(argv)
  if (typeof args === 'string') fail(args)
  let steps: ScriptStep[] = []
  if (args.file !== undefined) {
    let source: string
    try {
      source = args.file === '-' ? readFileSync(0, 'utf8') : readFileSync(args.file, 'utf8')
    } catch (e) {
      fail(`line 0: cannot read ${args.file}: ${(e as Error).message}`)
    }
    try {
      steps = parseScript(source)
    } catch (e) {
      if (e instanceof ScriptError) fail(e.message)
      throw e
    }
  }
  const sim = new Simulation({ seed: args.seed, cluster: clusterOf(steps) })
  const scriptIO = args.file === undefined ? {} : io(baseDirOf(args.file))
  for (const step of steps) process.stderr.write(`$ ${step.text}\n` + runScriptStep(sim, step, scriptIO))

  startServer({ sim, port: args.port, speed: args.paused ? undefined : args.speed }).then(
    (server) => {
      process.stdout.write(`kubesim: serving the cluster at http://127.0.0.1:${server.port}\n`)
      const stop = () => void server.close().then(() => process.exit(0))
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    },
    (err: NodeJS.ErrnoException) => {
      const why = err.code === 'EADDRINUSE' ? `port ${args.port} is already in use` : err.message
      process.stderr.write(`kubesim: cannot serve on 127.0.0.1:${args.port}: ${why}\n`)
      process.exit(1)
    },
  )
}
