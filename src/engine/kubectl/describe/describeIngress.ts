import type { KubeEvent, KubeObject } from '../../api/types.ts'
import { DescribeWriter } from '../describeWriter.ts'
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './common.ts'
import { type EndpointSlice, formatEndpointSlices } from './describeService.ts'

interface Backend {
  service?: { name: string; port?: { number?: number; name?: string } }
  resource?: { apiGroup?: string; kind?: string; name?: string }
}

interface IngressSpec {
  ingressClassName?: string
  defaultBackend?: Backend
  tls?: { hosts?: string[]; secretName?: string }[]
  rules?: { host?: string; http?: { paths?: { path?: string; backend: Backend }[] } }[]
}

/** What the ingress describer looks up: a Service of the ingress's namespace and its EndpointSlices. */
export interface IngressLookups {
  service(name: string): KubeObject | undefined
  endpointSlices(serviceName: string): EndpointSlice[]
}

/** describeBackendV1: `web:80 (10.244.1.2:80,...)`, or the lookup's error. */
function describeBackend(backend: Backend, lookups: IngressLookups): string {
  if (backend.service) {
    const port = backend.service.port?.number ? String(backend.service.port.number) : (backend.service.port?.name ?? '')
    const sb = `${backend.service.name}:${port}`
    const svc = lookups.service(backend.service.name)
    if (!svc) return `${sb} (<error: services "${backend.service.name}" not found>)`
    let portName = ''
    for (const sp of ((svc.spec as { ports?: { name?: string; port: number }[] } | undefined)?.ports ?? [])) {
      if (backend.service.port?.number && backend.service.port.number === sp.port) portName = sp.name ?? ''
      else if (backend.service.port?.name && backend.service.port.name === sp.name) portName = sp.name ?? ''
    }
    return `${sb} (${formatEndpointSlices(lookups.endpointSlices(backend.service.name), portName)})`
  }
  if (backend.resource) return `APIGroup: ${backend.resource.apiGroup ?? '<none>'}, Kind: ${backend.resource.kind ?? ''}, Name: ${backend.resource.name ?? ''}`
  return ''
}

/** `kubectl describe ingress` (describeIngressV1): note Labels come before Namespace, Annotations after the rules. */
export function describeIngress(ing: KubeObject, lookups: IngressLookups, events: KubeEvent[], now: number): string {
  const spec = (ing.spec ?? {}) as IngressSpec
  const w = new DescribeWriter()
  w.write(0, `Name:\t${ing.metadata.name}\n`)
  printLabelsMultiline(w, 'Labels', ing.metadata.labels)
  w.write(0, `Namespace:\t${ing.metadata.namespace}\n`)
  const lb = (ing.status as { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } } | undefined)?.loadBalancer?.ingress ?? []
  w.write(0, `Address:\t${[...new Set(lb.map((i) => i.ip || i.hostname || '').filter(Boolean))].sort().join(',')}\n`)
  w.write(0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`)
  const defaultBackend = spec.defaultBackend ? describeBackend(spec.defaultBackend, lookups) : '<default>'
  w.write(0, `Default backend:\t${defaultBackend}\n`)
  if (spec.tls?.length) {
    w.write(0, 'TLS:\n')
    for (const t of spec.tls) {
      if (!t.secretName) w.write(1, `SNI routes ${(t.hosts ?? []).join(',')}\n`)
      else w.write(1, `${t.secretName} terminates ${(t.hosts ?? []).join(',')}\n`)
    }
  }
  w.write(0, 'Rules:\n  Host\tPath\tBackends\n')
  w.write(1, '----\t----\t--------\n')
  let count = 0
  for (const rule of spec.rules ?? []) {
    if (!rule.http) continue
    count++
    w.write(1, `${rule.host || '*'}\t\n`)
    for (const path of rule.http.paths ?? []) w.write(2, `\t${path.path ?? ''} \t${describeBackend(path.backend, lookups)}\n`)
  }
  if (count === 0) w.write(1, `*\t*\t${defaultBackend}\n`)
  printAnnotationsMultiline(w, 'Annotations', ing.metadata.annotations)
  describeEvents(w, events, now)
  return w.toString()
}
