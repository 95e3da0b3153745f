import type { Container, Pod } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import { countScriptRequests, runNetworkCommand } from './networkCommands.ts'
import { networkOf } from './networkEnv.ts'

/**
 * Containers whose command is network traffic: a one-shot `wget -qO- http://web` (as
 * `kubectl run --rm -i … -- wget …` starts it) answered when the container starts, or a
 * load generator, the docs' HPA walkthrough's
 * `/bin/sh -c "while sleep 0.01; do wget -q -O- http://php-apache; done"`, which sends
 * requests for as long as it runs.
 */

/** Commands that reach the network. */
export const NETWORK_WORDS = /\b(curl|wget|nslookup|dig)\b/

export type NetworkProgram =
  /** Runs once and exits with the commands' status. */
  | { kind: 'once'; argv: string[] }
  /** `while sleep S; do BODY; done`, `while true; do BODY; done`: forever, a pause of `pauseMs` per round. */
  | { kind: 'loop'; body: string; pauseMs: number }

const WHILE = /^while\s+(true|:|sleep\s+(\d+(?:\.\d+)?)([smh]?))\s*;\s*do\s+(.+?)\s*;?\s*done\s*;?$/s
const UNIT_MS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000 }

/** The command line as the container runs it: curlimages/curl's entrypoint is curl. */
function commandLine(container: Container, repository: string): string[] {
  const words = [...(container.command ?? []), ...(container.args ?? [])]
  if (repository === 'curlimages/curl' && !container.command?.length && words.length) return ['curl', ...words]
  return words
}

/** What the container does on the network, if its command is network traffic. */
export function networkProgram(container: Container, repository: string): NetworkProgram | undefined {
  const argv = commandLine(container, repository)
  if (!NETWORK_WORDS.test(argv.join(' '))) return undefined
  const shell = /(^|\/)(ba)?sh$/.test(argv[0] ?? '') && argv[1] === '-c' && argv.length === 3
  const script = shell ? argv[2].trim() : argv.length === 1 && /\s/.test(argv[0]) ? argv[0].trim() : undefined
  const loop = script !== undefined ? WHILE.exec(script) : null
  if (loop) {
    if (!NETWORK_WORDS.test(loop[4])) return undefined
    return { kind: 'loop', body: loop[4], pauseMs: loop[2] ? Number(loop[2]) * UNIT_MS[loop[3]] : 0 }
  }
  return { kind: 'once', argv }
}

/** A container's log text as lines, the way the kubelet's log file holds them. */
export function logLines(text: string): string[] {
  if (text === '') return []
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

/** A log keeps at most this many characters: a generator writes for as long as it runs. */
const LOG_LIMIT = 16_384

interface GeneratorHooks {
  /** The pod as it is now (with its IP). */
  pod(): Pod | undefined
  /** Is this run of the container still going? */
  stillRunning(): boolean
  /** Replaces the container's log lines. */
  setLogs(lines: string[]): void
}

/**
 * Runs a load generator: one engine event per simulated second. Each second it runs
 * the loop's body once for real (its answers go to the log, its requests are recorded
 * with their paths) and counts the rest of the second's rounds in bulk, so the cost
 * does not grow with the request rate. A round takes the pause plus what the body's
 * requests took, so a loop of timeouts crawls and a loop of answers races.
 */
export function startLoadGenerator(ctx: EngineContext, label: string, program: { body: string; pauseMs: number }, hooks: GeneratorHooks): void {
  let log = ''
  /** Rounds owed (or, after a slow round, overdrawn). */
  let budget = 0
  /** The last round's length, in ms. */
  let roundMs: number | undefined
  const tick = () => {
    if (!hooks.stillRunning()) return
    const pod = hooks.pod()
    if (!pod) return
    const sim = networkOf(ctx)
    if (roundMs === undefined || budget + 1000 / roundMs >= 1) {
      const sample = runNetworkCommand(sim, pod, ['sh', '-c', program.body])
      if (!sample) return
      roundMs = Math.max(1, program.pauseMs + sample.elapsedMs)
      budget += 1000 / roundMs
      const rounds = Math.max(1, Math.floor(budget))
      budget -= rounds
      countScriptRequests(sim, pod, program.body, rounds - 1)
      if (sample.output) {
        const copies = Math.min(rounds, Math.ceil(LOG_LIMIT / sample.output.length))
        log = (log + sample.output.repeat(copies)).slice(-LOG_LIMIT)
        hooks.setLogs(logLines(log))
      }
    } else {
      budget += 1000 / roundMs
    }
    ctx.after(1000, label, tick)
  }
  ctx.after(1000, label, tick)
}
