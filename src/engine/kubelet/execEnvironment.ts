import type { ApiStore } from '../api/store.ts'
import type { Container, KubeObject, Pod } from '../api/types.ts'
import { EPOCH_MS } from '../clock.ts'
import type { ExecEnvironment } from './containerExec.ts'
import type { ContainerRuntime } from './podRuntime.ts'
import type { ContainerVolumes } from './volumes/volumeManager.ts'
import type { SourceLookup } from './volumes/projection.ts'
import { containerResourceValue, selectedContainer, type ResourceFieldSelector } from '../util/containerResourceValue.ts'

/**
 * The environment and filesystem a running container shows to `kubectl exec`, built the
 * way the kubelet builds them (kubelet_pods.go makeEnvironmentVariables, the managed
 * /etc/hosts) from what the API holds and what the container's own command wrote.
 */

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

interface KeyRef {
  name?: string
  key?: string
}
interface EnvVarSource {
  configMapKeyRef?: KeyRef
  secretKeyRef?: KeyRef
  fieldRef?: { fieldPath?: string }
  resourceFieldRef?: ResourceFieldSelector
}
interface EnvFromSource {
  prefix?: string
  configMapRef?: { name?: string }
  secretRef?: { name?: string }
}

function decodeBase64(text: string): string {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)))
  } catch {
    return ''
  }
}

/** A ConfigMap's or Secret's data as strings (a Secret's decoded). */
function dataOf(obj: KubeObject | undefined): Record<string, string> {
  if (!obj) return {}
  const data = (obj.data ?? {}) as Record<string, string>
  if (obj.kind !== 'Secret') return { ...data }
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, decodeBase64(String(v))]))
}

function fieldValue(pod: Pod, path: string): string {
  const values: Record<string, string | undefined> = {
    'metadata.name': pod.metadata.name,
    'metadata.namespace': pod.metadata.namespace,
    'metadata.uid': pod.metadata.uid,
    'spec.nodeName': pod.spec.nodeName,
    'spec.serviceAccountName': pod.spec.serviceAccountName,
    'status.podIP': pod.status.podIP,
    'status.hostIP': pod.status.hostIP,
  }
  const label = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path)
  if (label) return (label[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[label[2]] ?? ''
  return values[path] ?? ''
}

/** `$(VAR)` references in a value, expanded from the variables defined before it ($$ escapes). */
function expand(value: string, defined: Map<string, string>): string {
  return value.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (all, name?: string) => (name === undefined ? '$' : (defined.get(name) ?? all)))
}

/** The docker-link variables for one Service (pkg/kubelet/envvars FromServices). */
function serviceVariables(service: KubeObject): [string, string][] {
  const spec = (service.spec ?? {}) as { clusterIP?: string; ports?: { name?: string; port: number; protocol?: string }[] }
  const ip = spec.clusterIP
  if (!ip || ip === 'None' || !spec.ports?.length) return []
  const prefix = service.metadata.name.toUpperCase().replace(/-/g, '_')
  const out: [string, string][] = [
    [`${prefix}_SERVICE_HOST`, ip],
    [`${prefix}_SERVICE_PORT`, String(spec.ports[0].port)],
  ]
  for (const p of spec.ports) if (p.name) out.push([`${prefix}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`, String(p.port)])
  spec.ports.forEach((p, i) => {
    const protocol = p.protocol ?? 'TCP'
    const portPrefix = `${prefix}_PORT_${p.port}_${protocol.toUpperCase()}`
    if (i === 0) out.push([`${prefix}_PORT`, `${protocol.toLowerCase()}://${ip}:${p.port}`])
    out.push([portPrefix, `${protocol.toLowerCase()}://${ip}:${p.port}`], [`${portPrefix}_PROTO`, protocol.toLowerCase()], [`${portPrefix}_PORT`, String(p.port)], [`${portPrefix}_ADDR`, ip])
  })
  return out
}

type Allocatable = Record<string, string | number | undefined> | undefined

function resourceFieldValue(pod: Pod, container: Container, selector: ResourceFieldSelector, allocatable: Allocatable): string | undefined {
  const target = selectedContainer(pod, selector, container)
  return target ? containerResourceValue(selector, target, allocatable) : undefined
}

function containerVariables(pod: Pod, container: Container, lookup: SourceLookup, allocatable: Allocatable): [string, string][] {
  const namespace = pod.metadata.namespace ?? 'default'
  const defined = new Map<string, string>()
  for (const from of (container.envFrom ?? []) as EnvFromSource[]) {
    const source = from.configMapRef ? lookup('ConfigMap', namespace, from.configMapRef.name ?? '') : from.secretRef ? lookup('Secret', namespace, from.secretRef.name ?? '') : undefined
    for (const [k, v] of Object.entries(dataOf(source))) defined.set((from.prefix ?? '') + k, v)
  }
  for (const env of container.env ?? []) {
    const source = env.valueFrom as EnvVarSource | undefined
    let value: string | undefined
    if (source?.configMapKeyRef) value = dataOf(lookup('ConfigMap', namespace, source.configMapKeyRef.name ?? ''))[source.configMapKeyRef.key ?? '']
    else if (source?.secretKeyRef) value = dataOf(lookup('Secret', namespace, source.secretKeyRef.name ?? ''))[source.secretKeyRef.key ?? '']
    else if (source?.fieldRef) value = fieldValue(pod, source.fieldRef.fieldPath ?? '')
    else if (source?.resourceFieldRef) value = resourceFieldValue(pod, container, source.resourceFieldRef, allocatable)
    else value = expand(env.value ?? '', defined)
    // An optional reference that is missing leaves the variable out.
    if (value !== undefined) defined.set(env.name, value)
  }
  return [...defined]
}

function nodeAllocatable(pod: Pod, store: ApiStore): Allocatable {
  const node = pod.spec.nodeName ? store.get('Node', undefined, pod.spec.nodeName) : undefined
  return (node?.status as { allocatable?: Allocatable } | undefined)?.allocatable
}

/** The variables a container is started with from its spec (env, envFrom, PATH, HOSTNAME, HOME), as the API holds them now. */
export function declaredEnvironment(pod: Pod, container: Container, store: ApiStore): Map<string, string> {
  const hostname = (pod.spec.hostname as string | undefined) ?? pod.metadata.name
  const env = new Map<string, string>([['PATH', PATH], ['HOSTNAME', hostname]])
  for (const [k, v] of containerVariables(pod, container, (kind, namespace, name) => store.get(kind, namespace, name), nodeAllocatable(pod, store))) env.set(k, v)
  if (!env.has('HOME')) env.set('HOME', '/root')
  return env
}

/** The kubelet-managed /etc/hosts (pkg/kubelet/kubelet_pods.go managedHostsFileContent). */
function hostsFile(pod: Pod, hostname: string): string {
  return [
    '# Kubernetes-managed hosts file.',
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'fe00::0\tip6-mcastprefix',
    'fe00::1\tip6-allnodes',
    'fe00::2\tip6-allrouters',
    ...(pod.status.podIP ? [`${pod.status.podIP}\t${hostname}`] : []),
    '',
  ].join('\n')
}

/**
 * `volumes` is what the kubelet's volume manager mounted for the container: its files,
 * and the ConfigMaps and Secrets as the environment saw them at container start (env
 * does not follow later changes). Without it the environment reads the API as it is now.
 */
export function execEnvironment(pod: Pod, container: Container, runtime: Readonly<ContainerRuntime>, store: ApiStore, nowMs: number, volumes?: ContainerVolumes): ExecEnvironment {
  const hostname = (pod.spec.hostname as string | undefined) ?? pod.metadata.name
  const env: [string, string][] = [['PATH', PATH], ['HOSTNAME', hostname]]
  const own = containerVariables(pod, container, volumes?.envSource ?? ((kind, namespace, name) => store.get(kind, namespace, name)), nodeAllocatable(pod, store))
  const names = new Set(own.map(([k]) => k))
  env.push(...own)
  if (pod.spec.enableServiceLinks !== false) {
    const services = store.list('Service', pod.metadata.namespace).filter((s) => s.metadata.namespace !== 'default' || s.metadata.name !== 'kubernetes')
    const master = store.get('Service', 'default', 'kubernetes')
    for (const s of [...(master ? [master] : []), ...services]) for (const v of serviceVariables(s)) if (!names.has(v[0])) env.push(v)
  } else {
    const master = store.get('Service', 'default', 'kubernetes')
    if (master) env.push(...serviceVariables(master).filter(([k]) => !names.has(k)))
  }
  if (!names.has('HOME')) env.push(['HOME', '/root'])
  const files = new Map<string, string>([['/etc/hostname', hostname + '\n'], ['/etc/hosts', hostsFile(pod, hostname)]])
  const runningFor = nowMs - (runtime.startedAtMs ?? nowMs)
  // Files written under a writable volume live in the volume (shared, and kept across restarts).
  const inVolume = (path: string) => (volumes?.writableMounts ?? []).some((m) => m === '/' || path.startsWith(m + '/'))
  for (const f of runtime.plan?.files ?? []) {
    if (inVolume(f.path)) continue
    if (f.from <= runningFor && (f.until === undefined || runningFor < f.until)) files.set(f.path, f.content ?? '')
  }
  for (const [path, content] of volumes?.files ?? []) files.set(path, content)
  const busybox = /^(docker\.io\/)?(library\/)?(busybox|alpine)(:|@|$)/.test(container.image)
  return { env, hostname, files, epochMs: EPOCH_MS + nowMs, busybox, knownDirs: volumes?.knownDirs ?? [] }
}
