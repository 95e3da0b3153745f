import { loopLines } from './loopLogs.ts'
import type { ContainerRuntime } from './podRuntime.ts'

/** A running loop's lines become fixed when its run ends (they are worked out lazily while it runs). */
export function freezeLogs(c: ContainerRuntime, nowMs: number): void {
  if (c.plan?.kind === 'runs' && c.plan.loop && c.state.running) c.logs = containerLogs(c, false, nowMs).lines
}

/** Logs of a container, as `kubectl logs` returns them, with the time the run that wrote them started. */
export function containerLogs(c: ContainerRuntime, previous: boolean, nowMs: number): { lines: string[]; atMs: number; lineAtMs?: number[] } {
  if (previous) return { lines: c.previousLogs, atMs: c.previousStartedAtMs ?? 0 }
  const atMs = c.startedAtMs ?? 0
  const loop = c.plan?.kind === 'runs' ? c.plan.loop : undefined
  if (!loop || !c.state.running) return { lines: c.logs, atMs }
  // A looping script's lines, as many rounds as have run by now.
  const looped = loopLines(loop, atMs, nowMs)
  return {
    lines: [...c.logs, ...looped.map((l) => l.text)],
    atMs,
    lineAtMs: [...c.logs.map(() => atMs), ...looped.map((l) => l.atMs)],
  }
}
