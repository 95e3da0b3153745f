import type { KubeObject } from '../api/types.ts'
import type { AdmissionContext } from '../kinds/kindModule.ts'
import { ServiceAllocations } from '../network/serviceAllocations.ts'

export interface ServicePort {
  name?: string
  port: number
  targetPort?: number | string
  nodePort?: number
  protocol?: string
  appProtocol?: string
}

export interface ServiceSpec {
  type?: string
  clusterIP?: string
  clusterIPs?: string[]
  ports?: ServicePort[]
  selector?: Record<string, string>
  sessionAffinity?: string
  externalName?: string
  externalTrafficPolicy?: string
  internalTrafficPolicy?: string
  publishNotReadyAddresses?: boolean
  ipFamilies?: string[]
  ipFamilyPolicy?: string
  [field: string]: unknown
}

const usesNodePorts = (type: string | undefined) => type === 'NodePort' || type === 'LoadBalancer'

/**
 * What the API server fills in on a Service (SetDefaults_Service, then the REST
 * storage's allocators): type, session affinity, port defaults, a cluster IP from the
 * service range, node ports for NodePort and LoadBalancer Services, and the traffic
 * policies. On an update, values the client left out keep their allocated values
 * (patchAllocatedValues), and node ports go when the type no longer needs them.
 */
export function defaultService(obj: KubeObject, ctx: AdmissionContext): void {
  const spec = (obj.spec ??= {}) as ServiceSpec
  const oldSpec = (ctx.old?.spec ?? {}) as ServiceSpec
  spec.type ??= 'ClusterIP'
  spec.sessionAffinity ??= 'None'
  const allocations = ServiceAllocations.of(ctx.store)

  if (spec.type !== 'ExternalName') {
    if (spec.clusterIP === undefined && oldSpec.clusterIP && oldSpec.type !== 'ExternalName') spec.clusterIP = oldSpec.clusterIP
    if (spec.clusterIP === undefined || spec.clusterIP === '') spec.clusterIP = allocations.nextIP(ctx.rng)
    spec.clusterIPs = spec.clusterIP === 'None' ? ['None'] : [spec.clusterIP]
    spec.internalTrafficPolicy ??= 'Cluster'
    spec.ipFamilies ??= ['IPv4']
    // A headless Service without a selector may carry endpoints of either family.
    spec.ipFamilyPolicy ??= spec.clusterIP === 'None' && !spec.selector ? 'RequireDualStack' : 'SingleStack'
  }
  if (usesNodePorts(spec.type)) spec.externalTrafficPolicy ??= 'Cluster'

  const taken = new Set<number>()
  for (const p of spec.ports ?? []) {
    p.protocol ??= 'TCP'
    p.targetPort ??= p.port
    const before = oldSpec.ports?.find((o) => o.port === p.port && (o.protocol ?? 'TCP') === p.protocol)
    if (!usesNodePorts(spec.type)) {
      // Changing to ClusterIP drops the node ports the old type was given.
      if (before?.nodePort !== undefined && p.nodePort === before.nodePort && usesNodePorts(oldSpec.type)) delete p.nodePort
      continue
    }
    if (p.nodePort === undefined && before?.nodePort !== undefined) p.nodePort = before.nodePort
    if (p.nodePort === undefined) p.nodePort = allocations.nextNodePort(ctx.rng, p.protocol, taken)
    if (p.nodePort !== undefined) taken.add(p.nodePort)
  }
}
