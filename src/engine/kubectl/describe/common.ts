import type { Container, Pod, ContainerState, ContainerStatus, KubeEvent, KubeObject, PodTemplateSpec, Taint, Toleration } from '../../api/types.ts'
import { parseSimTime } from '../../clock.ts'
import { humanDuration } from '../../util/duration.ts'
import { formatQuantityForDisplay } from '../quantityDisplay.ts'
import { type DescribeWriter, rfc1123z } from '../describeWriter.ts'
import { LAST_APPLIED } from '../../api/apply.ts'
import { describeContainerProbes, describeEnv, describeEnvFrom } from './containerDetails.ts'

/** Shared pieces of kubectl's describers (pkg/describe/describe.go), same format strings. */

export function printLabelsMultiline(w: DescribeWriter, title: string, labels: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`)
  const keys = Object.keys(labels ?? {}).sort()
  if (keys.length === 0) return w.write(0, '<none>\n')
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, '\t')
    w.write(0, `${key}=${labels![key]}\n`)
  })
}

export function printAnnotationsMultiline(w: DescribeWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`)
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== LAST_APPLIED)
    .sort()
  if (keys.length === 0) return w.write(0, '<none>\n')
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, '\t')
    const value = annotations![key].replace(/\n$/, '')
    if (value.length + key.length + 2 > 140 || value.includes('\n')) {
      w.write(0, `${key}:\n`)
      for (const s of value.split('\n')) w.write(0, `\t  ${s.length > 138 ? s.slice(0, 138) + '...' : s}\n`)
    } else w.write(0, `${key}: ${value}\n`)
  })
}

export function printTolerationsMultiline(w: DescribeWriter, title: string, tolerations: Toleration[] | undefined): void {
  w.write(0, `${title}:\t`)
  const list = [...(tolerations ?? [])].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0))
  if (list.length === 0) return w.write(0, '<none>\n')
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t')
    let s = t.key ?? ''
    if (t.value) s += `=${t.value}`
    if (t.effect) s += `:${t.effect}`
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists'
    if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`
    w.write(0, `${s}\n`)
  })
}

export function printTaintsMultiline(w: DescribeWriter, title: string, taints: Taint[] | undefined): void {
  w.write(0, `${title}:\t`)
  const list = [...(taints ?? [])].sort((a, b) => (`${a.effect},${a.key}` < `${b.effect},${b.key}` ? -1 : 1))
  if (list.length === 0) return w.write(0, '<none>\n')
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t')
    w.write(0, `${taintToString(t)}\n`)
  })
}

export function taintToString(t: Taint): string {
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`
}

export function controllerOf(obj: KubeObject): string {
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller)
  return ref ? `${ref.kind}/${ref.name}` : ''
}

/** Events of an object, oldest last-seen first (event.SortableEvents). */
export function eventsFor(events: KubeEvent[], obj: KubeObject): KubeEvent[] {
  return events
    .filter((e) => e.involvedObject.uid === obj.metadata.uid)
    .sort((a, b) => parseSimTime(a.lastTimestamp) - parseSimTime(b.lastTimestamp))
}

/** The Age cell of describe's events table: `10s`, or `2m (x5 over 3m)`. */
export function eventAge(e: KubeEvent, nowMs: number): string {
  const first = humanDuration(nowMs - parseSimTime(e.firstTimestamp))
  if (e.count > 1) return `${humanDuration(nowMs - parseSimTime(e.lastTimestamp))} (x${e.count} over ${first})`
  return first
}

export function describeEvents(w: DescribeWriter, events: KubeEvent[], nowMs: number): void {
  if (events.length === 0) return w.write(0, 'Events:\t<none>\n')
  w.flush()
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n')
  w.write(1, '----\t------\t----\t----\t-------\n')
  // event.SortableEvents: oldest last-seen first.
  const sorted = [...events].sort((a, b) => parseSimTime(a.lastTimestamp) - parseSimTime(b.lastTimestamp))
  for (const e of sorted) {
    // Since kubectl 1.35 an event about a container names it: `spec.containers{web}: Started container web`.
    const message = e.involvedObject.fieldPath ? `${e.involvedObject.fieldPath}: ${e.message.trim()}` : e.message.trim()
    w.write(1, `${e.type}\t${e.reason}\t${eventAge(e, nowMs)}\t${e.source.component}\t${message}\n`)
  }
}

function describeStatus(w: DescribeWriter, stateName: string, state: ContainerState): void {
  if (state.running) {
    w.write(2, `${stateName}:\tRunning\n`)
    w.write(3, `Started:\t${rfc1123z(state.running.startedAt)}\n`)
  } else if (state.waiting) {
    w.write(2, `${stateName}:\tWaiting\n`)
    if (state.waiting.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`)
  } else if (state.terminated) {
    const t = state.terminated
    w.write(2, `${stateName}:\tTerminated\n`)
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`)
    if (t.message) w.write(3, `Message:\t${t.message}\n`)
    w.write(3, `Exit Code:\t${t.exitCode}\n`)
    if (t.signal) w.write(3, `Signal:\t${t.signal}\n`)
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`)
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`)
  } else {
    w.write(2, `${stateName}:\tWaiting\n`)
  }
}

function describeResources(w: DescribeWriter, resources: Container['resources'], level: number): void {
  if (!resources) return
  for (const [section, title] of [['limits', 'Limits'], ['requests', 'Requests']] as const) {
    const list = resources[section] ?? {}
    const names = Object.keys(list).sort()
    if (names.length > 0) w.write(level, `${title}:\n`)
    for (const name of names) w.write(level + 1, `${name}:\t${formatQuantityForDisplay(name, list[name])}\n`)
  }
}

interface VolumeMount {
  name: string
  mountPath: string
  readOnly?: boolean
  subPath?: string
}

/** A container's Mounts lines, sorted by path: `/data from www (rw)` (describeContainerVolumes). */
export function mountsOf(c: Container): string[] {
  const mounts = [...((c.volumeMounts as VolumeMount[] | undefined) ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : 1))
  return mounts.map((m) => {
    const flags = [m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path="${m.subPath}"`] : [])]
    return `${m.mountPath} from ${m.name} (${flags.join(',')})`
  })
}

export function describeContainers(
  w: DescribeWriter,
  label: string,
  containers: Container[],
  statuses: ContainerStatus[] | undefined,
  space: string,
  volumeMounts: (c: Container) => string[] = () => [],
  pod?: Pod,
): void {
  w.write(0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`)
  for (const c of containers) {
    const status = statuses?.find((s) => s.name === c.name)
    w.write(1, `${space ? ' ' : ''}${c.name}:\n`)
    if (status) w.write(2, `Container ID:\t${status.containerID ?? ''}\n`)
    w.write(2, `Image:\t${c.image}\n`)
    if (status) w.write(2, `Image ID:\t${status.imageID}\n`)
    // A named port carries its name: `80/TCP (http)`.
    const named = (text: string, name: string | undefined) => (name ? `${text} (${name})` : text)
    const ports = (c.ports ?? []).map((p) => named(`${p.containerPort}/${p.protocol ?? 'TCP'}`, p.name)).join(', ')
    w.write(2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`)
    const hostPorts = (c.ports ?? []).map((p) => named(`${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`, p.name)).join(', ')
    w.write(2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`)
    const seccomp = (c.securityContext as { seccompProfile?: { type?: string; localhostProfile?: string } } | undefined)?.seccompProfile
    if (seccomp) {
      w.write(2, `SeccompProfile:\t${seccomp.type ?? ''}\n`)
      if (seccomp.type === 'Localhost') w.write(3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`)
    }
    if (c.command?.length) {
      w.write(2, 'Command:\n')
      for (const s of c.command.flatMap((x) => x.split('\n'))) w.write(3, `${s}\n`)
    }
    if (c.args?.length) {
      w.write(2, 'Args:\n')
      for (const s of c.args.flatMap((x) => x.split('\n'))) w.write(3, `${s}\n`)
    }
    if (status) {
      describeStatus(w, 'State', status.state)
      if (status.lastState?.terminated) describeStatus(w, 'Last State', status.lastState)
      w.write(2, `Ready:\t${status.ready ? 'True' : 'False'}\n`)
      w.write(2, `Restart Count:\t${status.restartCount}\n`)
    }
    describeResources(w, c.resources, 2)
    describeContainerProbes(w, c)
    describeEnvFrom(w, c)
    describeEnv(w, c, pod)
    const mounts = volumeMounts(c)
    w.write(2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`)
    for (const m of mounts) w.write(3, `${m}\n`)
  }
}

export function describePodTemplate(w: DescribeWriter, template: PodTemplateSpec): void {
  w.write(0, 'Pod Template:\n')
  printLabelsMultiline(w, '  Labels', template.metadata?.labels)
  if (template.metadata?.annotations && Object.keys(template.metadata.annotations).length > 0) {
    printAnnotationsMultiline(w, '  Annotations', template.metadata.annotations)
  }
  if (template.spec.serviceAccountName) {
    w.write(1, `Service Account:\t${template.spec.serviceAccountName}\n`)
  }
  if (template.spec.initContainers?.length) describeContainers(w, 'Init Containers', template.spec.initContainers, undefined, '  ', mountsOf)
  describeContainers(w, 'Containers', template.spec.containers, undefined, '  ', mountsOf)
  w.write(0, '  Volumes:\t<none>\n')
  printLabelsMultiline(w, '  Node-Selectors', template.spec.nodeSelector)
  printTolerationsMultiline(w, '  Tolerations', template.spec.tolerations)
}
