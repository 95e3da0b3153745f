import type { Container, Pod } from '../api/types.ts'
import type { ImageSpec } from '../images/catalog.ts'
import { parseDuration } from '../util/duration.ts'
import { fileWrittenBy } from './containerBehaviour.ts'

/** A postStart or preStop handler as written in the pod spec (core/v1 LifecycleHandler). */
export interface LifecycleHandler {
  exec?: { command?: string[] }
  httpGet?: { path?: string; port: number | string; host?: string; scheme?: string }
  sleep?: { seconds: number }
}

export type HookKind = 'postStart' | 'preStop'

export function hookOf(container: Container, kind: HookKind): LifecycleHandler | undefined {
  return (container.lifecycle as Partial<Record<HookKind, LifecycleHandler>> | undefined)?.[kind]
}

/** What running a hook took and, when it failed, the kubelet's message (handlerRunner.Run). */
export interface HookOutcome {
  durationMs: number
  failure?: string
  /** Files an exec hook wrote into the container (`echo Hello > /usr/share/message`), there once it is done. */
  files?: { path: string; content: string }[]
}

/** An exec hook with nothing to wait for still takes a moment (the exec round trip). */
const EXEC_MS = 100

/**
 * Runs a lifecycle hook against the container: an exec hook's script decides its length
 * (`sleep 5`) and result (`exit 1`, `false`); an httpGet hook needs the image to serve the
 * port; a sleep hook just waits.
 */
export function runHook(handler: LifecycleHandler, pod: Pod, container: Container, image: ImageSpec | undefined, podIP: string): HookOutcome {
  const podRef = `${pod.metadata.name}_${pod.metadata.namespace ?? 'default'}(${pod.metadata.uid})`
  if (handler.sleep) return { durationMs: Math.max(0, handler.sleep.seconds) * 1000 }
  if (handler.httpGet) {
    const port = typeof handler.httpGet.port === 'number' || /^\d+$/.test(handler.httpGet.port)
      ? Number(handler.httpGet.port)
      : container.ports?.find((p) => p.name === handler.httpGet!.port)?.containerPort
    const host = handler.httpGet.host ?? podIP
    const path = handler.httpGet.path ?? ''
    const serves = !!image && image.defaultBehaviour === 'serve' && port !== undefined && image.ports.includes(port)
    if (serves) return { durationMs: EXEC_MS }
    const scheme = (handler.httpGet.scheme ?? 'HTTP').toLowerCase()
    const error = `Get "${scheme}://${host}:${port ?? handler.httpGet.port}${path}": dial tcp ${host}:${port ?? handler.httpGet.port}: connect: connection refused`
    return { durationMs: EXEC_MS, failure: `HTTP lifecycle hook (${path}) for Container "${container.name}" in Pod "${podRef}" failed - error: ${error}` }
  }
  const command = handler.exec?.command ?? []
  const script = command.join(' ')
  let durationMs = EXEC_MS
  for (const m of script.matchAll(/\bsleep\s+(\d+(?:\.\d+)?)([smhd]?)\b/g)) durationMs += parseDuration(`${m[1]}${m[2] || 's'}`) ?? 0
  const exit = /(?:^|[\s;&|"'])exit\s+(\d+)/.exec(script)
  const exitCode = exit ? Number(exit[1]) % 256 : /(?:^|[\s;&|"'])false(?:$|[\s;&|"'])/.test(script) ? 1 : 0
  if (exitCode === 0) {
    const shellScript = /^(\/bin\/)?(ba)?sh$/.test(command[0] ?? '') && command[1] === '-c' ? command.slice(2).join(' ') : script
    const files = shellScript.split(/;|&&|\|\||\n/).flatMap((s) => fileWrittenBy(s.trim()) ?? [])
    return files.length ? { durationMs, files } : { durationMs }
  }
  const error = `command '${command.join(' ')}' exited with ${exitCode}: `
  return { durationMs, failure: `Exec lifecycle hook ([${command.join(' ')}]) for Container "${container.name}" in Pod "${podRef}" failed - error: ${error}, message: ""` }
}
