import type { Container } from '../api/types.ts'
import type { ImageSpec } from '../images/catalog.ts'
import { parseDuration } from '../util/duration.ts'
import { fileExists, type ContainerPlan } from './containerBehaviour.ts'

/** A probe as written in the pod spec (core/v1 Probe). */
export interface ProbeSpec {
  httpGet?: { path?: string; port: number | string; host?: string; scheme?: string }
  tcpSocket?: { port: number | string; host?: string }
  exec?: { command?: string[] }
  grpc?: { port: number; service?: string }
  initialDelaySeconds?: number
  periodSeconds?: number
  timeoutSeconds?: number
  successThreshold?: number
  failureThreshold?: number
}

export type ProbeKind = 'Liveness' | 'Readiness' | 'Startup'

/** The API defaults for a probe's timing fields. */
export function probeTiming(p: ProbeSpec) {
  return {
    initialDelayMs: (p.initialDelaySeconds ?? 0) * 1000,
    periodMs: Math.max(1, p.periodSeconds ?? 10) * 1000,
    successThreshold: Math.max(1, p.successThreshold ?? 1),
    failureThreshold: Math.max(1, p.failureThreshold ?? 3),
  }
}

/** Annotation: every probe of the pod fails once its containers have run this long. */
export const PROBE_FAIL_AFTER = 'sim.kubesim.dev/probe-fail-after'

export interface ProbeTarget {
  container: Container
  image: ImageSpec
  plan: ContainerPlan | undefined
  runningForMs: number
  podIP: string
  annotations: Record<string, string>
}

/** Images whose `/healthz` answers 200 for its first 10 seconds, then 500 (the docs' liveness demo). */
const FAILING_HEALTHZ = ['registry.k8s.io/liveness', 'registry.k8s.io/e2e-test-images/agnhost']
/** Plain web servers: they serve their document root and 404 everything else. */
const STATIC_SERVERS = ['nginx', 'httpd', 'registry.k8s.io/nginx', 'registry.k8s.io/nginx-slim']

function resolvePort(container: Container, port: number | string): number | undefined {
  if (typeof port === 'number') return port
  if (/^\d+$/.test(port)) return Number(port)
  return container.ports?.find((p) => p.name === port)?.containerPort
}

/**
 * One probe attempt: what the kubelet's prober would get from the container.
 * Returns undefined on success, or the failure output the kubelet puts in its event.
 */
export function runProbe(probe: ProbeSpec, t: ProbeTarget): string | undefined {
  const failAfter = t.annotations[PROBE_FAIL_AFTER]
  const forcedFailure = failAfter !== undefined && t.runningForMs >= (parseDuration(failAfter) ?? 0)
  const up = t.runningForMs >= t.image.startMs
  const serves = (port: number | undefined) => up && port !== undefined && t.image.defaultBehaviour === 'serve' && t.image.ports.includes(port)

  if (probe.httpGet) {
    const port = resolvePort(t.container, probe.httpGet.port)
    const path = probe.httpGet.path ?? '/'
    const url = `${(probe.httpGet.scheme ?? 'HTTP').toLowerCase()}://${t.podIP}:${port ?? probe.httpGet.port}${path}`
    if (!serves(port)) return `Get "${url}": dial tcp ${t.podIP}:${port ?? probe.httpGet.port}: connect: connection refused`
    if (forcedFailure) return 'HTTP probe failed with statuscode: 500'
    if (FAILING_HEALTHZ.includes(t.image.repository) && t.runningForMs > 10_000) return 'HTTP probe failed with statuscode: 500'
    if (STATIC_SERVERS.includes(t.image.repository) && !['/', '/index.html'].includes(path)) return 'HTTP probe failed with statuscode: 404'
    return undefined
  }
  if (probe.tcpSocket) {
    const port = resolvePort(t.container, probe.tcpSocket.port)
    if (!serves(port) || forcedFailure) return `dial tcp ${t.podIP}:${port ?? probe.tcpSocket.port}: connect: connection refused`
    return undefined
  }
  if (probe.grpc) {
    if (!serves(probe.grpc.port)) return `timeout: failed to connect service "${t.podIP}:${probe.grpc.port}" within 1s: context deadline exceeded`
    if (forcedFailure) return 'service unhealthy (responded with "NOT_SERVING")'
    return undefined
  }
  const command = probe.exec?.command ?? []
  const checked = /^(cat|ls|test|stat)$/.test(command[0] ?? '') ? command[command.length - 1] : undefined
  // Files the script creates follow its timeline; other files under /tmp don't exist; the image's own files do.
  const tracked = (t.plan?.files ?? []).some((f) => f.path === checked)
  const missing = checked !== undefined && (tracked ? !fileExists(t.plan, checked, t.runningForMs) : checked.startsWith('/tmp/'))
  if (checked && missing) {
    return command[0] === 'cat' ? `cat: can't open '${checked}': No such file or directory` : `${command[0]}: ${checked}: No such file or directory`
  }
  if (forcedFailure) return `command ${JSON.stringify(command)} exited with 1`
  return undefined
}
