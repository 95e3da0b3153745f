import type { ApiStore } from '../../api/store.ts'
import type { KubeEvent, KubeObject } from '../../api/types.ts'
import type { ServiceSpec } from '../../admission/serviceDefaults.ts'
import type { Ingress, IngressBackend } from '../../network/ingressTypes.ts'
import { SERVICE_NAME_LABEL } from '../../network/serviceEndpoints.ts'
import { DescribeWriter } from '../describeWriter.ts'
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './common.ts'

interface Slice extends KubeObject {
  endpoints?: { addresses: string[]; conditions?: { ready?: boolean } }[]
  ports?: { name?: string; port?: number }[]
}

/** formatEndpointSlices: ready `ip:port` of the named port, three at most, then `+ N more...`. */
function formatEndpointSlices(slices: Slice[], portName: string): string {
  if (slices.length === 0) return '<none>'
  const list: string[] = []
  const max = 3
  let more = false
  let count = 0
  for (const slice of slices) {
    if (!slice.ports?.length) {
      for (const e of slice.endpoints ?? []) {
        if (list.length === max) more = true
        if (e.conditions?.ready === false) continue
        if (!more) list.push(e.addresses[0])
        count++
      }
      continue
    }
    for (const port of slice.ports) {
      if ((port.name ?? '') !== portName) continue
      for (const e of slice.endpoints ?? []) {
        if (list.length === max) more = true
        if (e.conditions?.ready === false) continue
        if (!more) list.push(`${e.addresses[0]}:${port.port}`)
        count++
      }
    }
  }
  const joined = list.join(',')
  return more ? `${joined} + ${count - max} more...` : joined
}

/** describeBackendV1: `web:80 (10.244.1.2:80,10.244.2.3:80)`, or the error kubectl met looking. */
function describeBackend(store: ApiStore, namespace: string, backend: IngressBackend): string {
  if (backend.service) {
    const b = backend.service
    const text = `${b.name}:${b.port?.number ? b.port.number : (b.port?.name ?? '')}`
    const slices = store.select<Slice>('EndpointSlice', namespace, { matchLabels: { [SERVICE_NAME_LABEL]: b.name } })
    const service = store.get('Service', namespace, b.name)
    if (!service) return `${text} (<error: services "${b.name}" not found>)`
    let portName = ''
    for (const sp of ((service.spec ?? {}) as ServiceSpec).ports ?? []) {
      if (b.port?.number && b.port.number === sp.port) portName = sp.name ?? ''
      else if (b.port?.name && b.port.name === sp.name) portName = sp.name ?? ''
    }
    return `${text} (${formatEndpointSlices(slices, portName)})`
  }
  if (backend.resource) {
    const r = backend.resource
    return `APIGroup: ${r.apiGroup ?? '<none>'}, Kind: ${r.kind}, Name: ${r.name}`
  }
  return ''
}

/** The Address line: IPs or hostnames of status.loadBalancer, de-duplicated and sorted. */
export function ingressAddress(ing: Ingress): string {
  const set = new Set<string>()
  for (const i of ing.status?.loadBalancer?.ingress ?? []) {
    if (i.ip) set.add(i.ip)
    else if (i.hostname) set.add(i.hostname)
  }
  return [...set].sort().join(',')
}

/** `kubectl describe ingress` (describeIngressV1). */
export function describeIngress(ing: Ingress, store: ApiStore, events: KubeEvent[], now: number): string {
  const w = new DescribeWriter()
  const spec = ing.spec ?? {}
  const ns = ing.metadata.namespace ?? 'default'
  w.write(0, `Name:\t${ing.metadata.name}\n`)
  printLabelsMultiline(w, 'Labels', ing.metadata.labels)
  w.write(0, `Namespace:\t${ns}\n`)
  w.write(0, `Address:\t${ingressAddress(ing)}\n`)
  w.write(0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`)
  const defaultBackend = spec.defaultBackend ? describeBackend(store, ns, spec.defaultBackend) : '<default>'
  w.write(0, `Default backend:\t${defaultBackend}\n`)
  if (spec.tls?.length) {
    w.write(0, 'TLS:\n')
    for (const t of spec.tls) {
      const hosts = (t.hosts ?? []).join(',')
      w.write(1, t.secretName ? `${t.secretName} terminates ${hosts}\n` : `SNI routes ${hosts}\n`)
    }
  }
  w.write(0, 'Rules:\n  Host\tPath\tBackends\n')
  w.write(1, '----\t----\t--------\n')
  let count = 0
  for (const rule of spec.rules ?? []) {
    if (!rule.http) continue
    count++
    w.write(1, `${rule.host || '*'}\t\n`)
    for (const p of rule.http.paths ?? []) w.write(2, `\t${p.path ?? ''} \t${describeBackend(store, ns, p.backend ?? {})}\n`)
  }
  if (count === 0) w.write(1, `*\t*\t${defaultBackend}\n`)
  printAnnotationsMultiline(w, 'Annotations', ing.metadata.annotations)
  describeEvents(w, events, now)
  return w.toString()
}
