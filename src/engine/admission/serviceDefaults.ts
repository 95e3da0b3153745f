import type { KubeObject } from '../api/types.ts'
import type { SeededRandom } from '../rng.ts'

interface ServicePort {
  name?: string
  port: number
  targetPort?: number | string
  nodePort?: number
  protocol?: string
}

interface ServiceSpec {
  type?: string
  clusterIP?: string
  clusterIPs?: string[]
  ports?: ServicePort[]
  sessionAffinity?: string
  externalName?: string
  [field: string]: unknown
}

/**
 * What the API server fills in on a new Service: type, a cluster IP from the service
 * range (10.96.0.0/12, as kubeadm sets it up), node ports for NodePort and
 * LoadBalancer services, and the port defaults. kubesim stores Services without routing
 * traffic yet, but `kubectl get svc` shows them as a cluster would.
 */
export function defaultService(obj: KubeObject, isNew: boolean, rng: SeededRandom, usedIPs: Set<string>, usedNodePorts: Set<number>): void {
  const spec = (obj.spec ??= {}) as ServiceSpec
  spec.type ??= 'ClusterIP'
  spec.sessionAffinity ??= 'None'
  for (const p of spec.ports ?? []) {
    p.protocol ??= 'TCP'
    p.targetPort ??= p.port
    if ((spec.type === 'NodePort' || spec.type === 'LoadBalancer') && p.nodePort === undefined) {
      let port: number
      do port = 30000 + rng.int(2768)
      while (usedNodePorts.has(port))
      p.nodePort = port
      usedNodePorts.add(port)
    }
  }
  if (isNew && spec.type !== 'ExternalName' && spec.clusterIP === undefined) {
    let ip: string
    do ip = `10.${96 + rng.int(16)}.${rng.int(256)}.${1 + rng.int(254)}`
    while (usedIPs.has(ip))
    spec.clusterIP = ip
    usedIPs.add(ip)
  }
  if (spec.clusterIP && spec.clusterIP !== 'None') spec.clusterIPs ??= [spec.clusterIP]
  // The single-stack IPv4 cluster kubeadm sets up; traffic policies as the registry defaults them.
  if (spec.type !== 'ExternalName') {
    spec.ipFamilyPolicy ??= 'SingleStack'
    spec.ipFamilies ??= ['IPv4']
    spec.internalTrafficPolicy ??= 'Cluster'
  }
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster'
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true
  if (isNew) obj.status = { loadBalancer: {} }
}
