import type { KubeEvent, KubeObject } from '../../api/types.ts'
import { formatLabels } from '../../util/labels.ts'
import { DescribeWriter } from '../describeWriter.ts'
import { describeEvents } from './common.ts'
import { describeMetadataHeader } from './describeMetadataHeader.ts'

interface ServicePort {
  name?: string
  port: number
  targetPort?: number | string
  nodePort?: number
  protocol?: string
}

interface ServiceSpec {
  type?: string
  selector?: Record<string, string>
  ipFamilyPolicy?: string
  ipFamilies?: string[]
  clusterIP?: string
  clusterIPs?: string[]
  externalIPs?: string[]
  loadBalancerIP?: string
  externalName?: string
  ports?: ServicePort[]
  sessionAffinity?: string
  externalTrafficPolicy?: string
  internalTrafficPolicy?: string
  healthCheckNodePort?: number
  loadBalancerSourceRanges?: string[]
  trafficDistribution?: string
}

export interface EndpointSlice extends KubeObject {
  addressType?: string
  ports?: { name?: string; port?: number; protocol?: string }[]
  endpoints?: { addresses: string[]; conditions?: { ready?: boolean }; hostname?: string; nodeName?: string; zone?: string; targetRef?: { kind?: string; name?: string } }[]
}

/** formatEndpointSlices: ready `ip:port` of the slices' ports named like the service port, at most three. */
export function formatEndpointSlices(slices: EndpointSlice[], portName: string | undefined): string {
  if (slices.length === 0) return '<none>'
  const list: string[] = []
  let count = 0
  for (const slice of slices) {
    const ports = slice.ports ?? []
    const endpoints = (slice.endpoints ?? []).filter((e) => e.conditions?.ready !== false)
    if (ports.length === 0) {
      for (const e of endpoints) {
        if (list.length < 3) list.push(e.addresses[0])
        count++
      }
      continue
    }
    for (const port of ports) {
      if (portName !== undefined && (port.name ?? '') !== portName) continue
      for (const e of endpoints) {
        const addr = e.addresses[0]
        if (list.length < 3) list.push(addr.includes(':') ? `[${addr}]:${port.port}` : `${addr}:${port.port}`)
        count++
      }
    }
  }
  return count > 3 ? `${list.join(',')} + ${count - 3} more...` : list.join(',')
}

/** buildIngressString: a load balancer's IPs (with their mode) or host names. */
function loadBalancerIngress(ingress: { ip?: string; hostname?: string; ipMode?: string }[]): string {
  return ingress.map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : (i.hostname ?? ''))).join(', ')
}

/** `kubectl describe service` (describeService), its Endpoints read from the service's EndpointSlices. */
export function describeService(svc: KubeObject, slices: EndpointSlice[], events: KubeEvent[], now: number): string {
  const spec = (svc.spec ?? {}) as ServiceSpec
  const w = new DescribeWriter()
  describeMetadataHeader(w, svc)
  w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`)
  w.write(0, `Type:\t${spec.type ?? ''}\n`)
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`)
  w.write(0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`)
  w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`)
  w.write(0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`)
  if (spec.externalIPs?.length) w.write(0, `External IPs:\t${spec.externalIPs.join(',')}\n`)
  if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`)
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`)
  const ingress = (svc.status as { loadBalancer?: { ingress?: { ip?: string; hostname?: string; ipMode?: string }[] } } | undefined)?.loadBalancer?.ingress ?? []
  if (ingress.length) w.write(0, `LoadBalancer Ingress:\t${loadBalancerIngress(ingress)}\n`)
  for (const p of spec.ports ?? []) {
    const name = p.name || '<unset>'
    const protocol = p.protocol ?? 'TCP'
    w.write(0, `Port:\t${name}\t${p.port}/${protocol}\n`)
    w.write(0, `TargetPort:\t${p.targetPort ?? ''}/${protocol}\n`)
    if (p.nodePort) w.write(0, `NodePort:\t${name}\t${p.nodePort}/${protocol}\n`)
    w.write(0, `Endpoints:\t${formatEndpointSlices(slices, p.name ?? '')}\n`)
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`)
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`)
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`)
  if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`)
  if (spec.loadBalancerSourceRanges?.length) w.write(0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`)
  if (spec.trafficDistribution) w.write(0, `Traffic Distribution:\t${spec.trafficDistribution}\n`)
  describeEvents(w, events, now)
  return w.toString()
}
