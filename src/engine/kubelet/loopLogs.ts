import { EPOCH_MS } from '../clock.ts'
import { parseDuration } from '../util/duration.ts'
import { dateLine } from './containerExec.ts'

/**
 * A container whose script echoes in a `while true; do …; sleep N; done` loop (the docs'
 * counter pod: `i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done`) writes
 * those lines again every N seconds. The lines are worked out when they are read, from
 * how long the run has lasted, so a quiet container costs nothing while nobody looks.
 */
export interface LoopLogs {
  everyMs: number
  /** Echoed lines, with `$i`-style counters and `$(date)` still to expand. */
  lines: string[]
  /** The shell variable the loop counts up (`i=$((i+1))`), and its starting value. */
  counter?: { name: string; start: number }
}

/** The kubelet keeps this many loop iterations of a run (its log files rotate). */
export const MAX_LOOP_ITERATIONS = 2000

export function parseLoop(script: string, echoed: (s: string) => string[]): LoopLogs | undefined {
  const m = /\bwhile\s+(?:true|:)\s*;?\s*do\b([\s\S]*?)\bdone\b/.exec(script)
  if (!m) return undefined
  const body = m[1]
  const sleep = /\bsleep\s+(\d+(?:\.\d+)?)([smhd]?)\b/.exec(body)
  const everyMs = sleep ? (parseDuration(`${sleep[1]}${sleep[2] || 's'}`) ?? 0) : 0
  const lines = echoed(body)
  if (everyMs <= 0 || lines.length === 0) return undefined
  const step = /\b(\w+)=\$\(\(\s*\$?(\w+)\s*\+\s*1\s*\)\)/.exec(body)
  let counter: LoopLogs['counter']
  if (step && step[1] === step[2]) {
    const init = new RegExp(`(?:^|[;\\s])${step[1]}=(\\d+)`).exec(script.slice(0, m.index))
    counter = { name: step[1], start: init ? Number(init[1]) : 0 }
  }
  return { everyMs, lines, counter }
}

/** The loop's lines from the run that started at `startedAtMs` until `untilMs`, each with its time. */
export function loopLines(loop: LoopLogs, startedAtMs: number, untilMs: number): { text: string; atMs: number }[] {
  const last = Math.floor(Math.max(0, untilMs - startedAtMs) / loop.everyMs)
  const first = Math.max(0, last - MAX_LOOP_ITERATIONS + 1)
  const out: { text: string; atMs: number }[] = []
  for (let k = first; k <= last; k++) {
    const atMs = startedAtMs + k * loop.everyMs
    for (const line of loop.lines) out.push({ text: expand(line, loop, k, atMs), atMs })
  }
  return out
}

function expand(line: string, loop: LoopLogs, iteration: number, atMs: number): string {
  let text = line.replace(/\$\(date\)|`date`/g, () => dateLine(EPOCH_MS + atMs))
  if (loop.counter) {
    const value = String(loop.counter.start + iteration)
    text = text.replace(new RegExp(`\\$\\{?${loop.counter.name}\\}?\\b`, 'g'), value)
  }
  return text
}
