import type { Container, Pod } from '../../api/types.ts'
import type { ProbeSpec } from '../../kubelet/probes.ts'
import { containerResourceValue, type ResourceFieldSelector } from '../../util/containerResourceValue.ts'
import type { DescribeWriter } from '../describeWriter.ts'

/** Pieces of describeContainers (kubectl describe.go) for probes and environment. */

/** DescribeProbe: `exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3`. */
export function describeProbe(probe: ProbeSpec): string {
  const attrs = `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 0}s period=${probe.periodSeconds ?? 0}s #success=${probe.successThreshold ?? 0} #failure=${probe.failureThreshold ?? 0}`
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}] ${attrs}`
  if (probe.httpGet) {
    const h = probe.httpGet
    const port = String(h.port ?? '')
    const host = h.host ?? ''
    // net.JoinHostPort brackets an IPv6 host; url.URL prints scheme://host/path.
    const hostPort = port ? `${host.includes(':') ? `[${host}]` : host}:${port}` : host
    const path = h.path ?? ''
    return `http-get ${(h.scheme ?? '').toLowerCase()}://${hostPort}${path && !path.startsWith('/') ? '/' + path : path} ${attrs}`
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${String(probe.tcpSocket.port ?? '')} ${attrs}`
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port} ${probe.grpc.service ?? ''} ${attrs}`
  return `unknown ${attrs}`
}

export function describeContainerProbes(w: DescribeWriter, c: Container): void {
  for (const [field, title] of [['livenessProbe', 'Liveness'], ['readinessProbe', 'Readiness'], ['startupProbe', 'Startup']] as const) {
    const probe = c[field] as ProbeSpec | undefined
    if (probe && typeof probe === 'object') w.write(2, `${title}:\t${describeProbe(probe)}\n`)
  }
}

interface EnvFromSource {
  prefix?: string
  configMapRef?: { name?: string; optional?: boolean }
  secretRef?: { name?: string; optional?: boolean }
}

/** describeContainerEnvFrom: `app-config  ConfigMap  Optional: false`. */
export function describeEnvFrom(w: DescribeWriter, c: Container): void {
  const sources = (c.envFrom as EnvFromSource[] | undefined) ?? []
  if (sources.length === 0) return
  w.write(2, 'Environment Variables from:\n')
  for (const e of sources) {
    const [from, ref] = e.configMapRef ? ['ConfigMap', e.configMapRef] : e.secretRef ? ['Secret', e.secretRef] : ['', undefined]
    const optional = ref?.optional === true
    if (e.prefix) w.write(3, `${ref?.name ?? ''}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`)
    else w.write(3, `${ref?.name ?? ''}\t${from}\tOptional: ${optional}\n`)
  }
}

interface EnvValueFrom {
  fieldRef?: { apiVersion?: string; fieldPath: string }
  resourceFieldRef?: ResourceFieldSelector & { resource: string }
  secretKeyRef?: { name?: string; key: string; optional?: boolean }
  configMapKeyRef?: { name?: string; key: string; optional?: boolean }
}

/** The downward API value of a fieldRef, as EnvValueRetriever reads it from the pod; '' when unknown. */
function fieldValue(pod: Pod | undefined, fieldPath: string): string {
  if (!pod) return ''
  const annotation = /^metadata\.annotations\['(.+)'\]$/.exec(fieldPath)
  if (annotation) return pod.metadata.annotations?.[annotation[1]] ?? ''
  const label = /^metadata\.labels\['(.+)'\]$/.exec(fieldPath)
  if (label) return pod.metadata.labels?.[label[1]] ?? ''
  const values: Record<string, string | undefined> = {
    'metadata.name': pod.metadata.name,
    'metadata.namespace': pod.metadata.namespace,
    'metadata.uid': pod.metadata.uid,
    'spec.nodeName': pod.spec.nodeName,
    'spec.serviceAccountName': pod.spec.serviceAccountName,
    'status.hostIP': pod.status?.hostIP,
    'status.podIP': pod.status?.podIP,
  }
  return values[fieldPath] ?? ''
}

/**
 * describeContainerEnvVars: plain values (multi-line ones continued on tab-led lines),
 * `(v1:metadata.name)` for field refs, `<set to the key 'k' of config map 'c'>  Optional: false`.
 * `pod` is undefined in a pod template, where field refs have no value yet.
 */
export function describeEnv(w: DescribeWriter, c: Container, pod: Pod | undefined): void {
  const env = c.env ?? []
  w.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`)
  for (const e of env) {
    const from = e.valueFrom as EnvValueFrom | undefined
    if (!from) {
      ;(e.value ?? '').split('\n').forEach((s, i) => w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`))
    } else if (from.fieldRef) {
      w.write(3, `${e.name}:\t${fieldValue(pod, from.fieldRef.fieldPath)} (${from.fieldRef.apiVersion ?? 'v1'}:${from.fieldRef.fieldPath})\n`)
    } else if (from.resourceFieldRef) {
      const resource = from.resourceFieldRef.resource
      w.write(3, `${e.name}:\t${resourceValue(c, from.resourceFieldRef)} (${resource})\n`)
    } else if (from.secretKeyRef) {
      w.write(3, `${e.name}:\t<set to the key '${from.secretKeyRef.key}' in secret '${from.secretKeyRef.name ?? ''}'>\tOptional: ${from.secretKeyRef.optional === true}\n`)
    } else if (from.configMapKeyRef) {
      w.write(3, `${e.name}:\t<set to the key '${from.configMapKeyRef.key}' of config map '${from.configMapKeyRef.name ?? ''}'>\tOptional: ${from.configMapKeyRef.optional === true}\n`)
    }
  }
}

/**
 * ExtractContainerResourceValue on the described container (its divisor applied); a limit
 * that is unset reads 0 here (kubectl has no node) and so `node allocatable`.
 */
function resourceValue(c: Container, selector: ResourceFieldSelector): string {
  const value = containerResourceValue(selector, c) ?? ''
  if (value === '0' && (selector.resource === 'limits.cpu' || selector.resource === 'limits.memory')) return 'node allocatable'
  return value
}
