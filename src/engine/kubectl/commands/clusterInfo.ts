import type { KubeObject } from '../../api/types.ts'
import { KUBESIM_SERVER } from '../../kubeconfig.ts'
import { flag } from '../args.ts'
import { KubectlError } from '../resolve.ts'
import type { KubectlCommand } from './context.ts'

/** The fields of a Service that cluster-info reads. */
interface Service extends KubeObject {
  spec: { ports?: { name?: string; port: number }[] }
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } }
}

/** The label that makes a kube-system Service part of `kubectl cluster-info`. */
const CLUSTER_SERVICE = 'kubernetes.io/cluster-service'

/** A Service's proxy link (pkg/cmd/clusterinfo): its load balancer, or the API server's service proxy. */
function serviceLink(svc: Service): string {
  const ingress = svc.status?.loadBalancer?.ingress?.[0]
  if (ingress) return (svc.spec.ports ?? []).map((p) => `http://${ingress.ip || ingress.hostname}:${p.port} `).join('')
  let name = svc.metadata.name
  const port = svc.spec.ports?.[0]
  if (port) {
    const scheme = port.name === 'https' || port.port === 443 ? 'https' : ''
    // utilnet.JoinSchemeNamePort: <scheme>:<name>:<port name>, empty parts left out from the ends.
    name = scheme ? `${scheme}:${name}:${port.name ?? ''}` : port.name ? `${name}:${port.name}` : name
  }
  return `${KUBESIM_SERVER}/api/v1/namespaces/${svc.metadata.namespace}/services/${name}/proxy`
}

/** `kubectl cluster-info`: the API server's address and the cluster services of kube-system (or -n). */
export const clusterInfoCommand: KubectlCommand = {
  name: 'cluster-info',
  flags: [],
  run(ctx) {
    if (ctx.args.positional[0] === 'dump') throw new KubectlError('error: kubesim does not support "kubectl cluster-info dump" yet')
    const namespace = flag(ctx.args, 'namespace') || 'kube-system'
    const services = ctx.sim.store.list<Service>('Service', namespace).filter((s) => s.metadata.labels?.[CLUSTER_SERVICE] === 'true')
    let out = `Kubernetes control plane is running at ${KUBESIM_SERVER}\n`
    for (const svc of services) out += `${svc.metadata.labels?.['kubernetes.io/name'] || svc.metadata.name} is running at ${serviceLink(svc)}\n`
    return out + "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n"
  },
}
