import type { ApiServer } from '../api/server.ts'
import type { KubeObject } from '../api/types.ts'
import { SERVICE_NAME_LABEL } from './serviceEndpoints.ts'

/** Where the API server listens when the cluster has no control-plane node of its own (a managed control plane). */
export const API_SERVER_FALLBACK_ADDRESS = '172.18.0.1'
const SECURE_PORT = 6443

const meta = (name: string, labels?: Record<string, string>) => ({ name, namespace: 'default', ...(labels ? { labels } : {}), uid: '', resourceVersion: '', creationTimestamp: '' })

/** Every cluster has the `kubernetes` Service for the API server, at the service range's first IP. */
export function createKubernetesService(api: ApiServer): void {
  api.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta('kubernetes', { component: 'apiserver', provider: 'kubernetes' }),
    spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], sessionAffinity: 'None', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: SECURE_PORT }] },
    status: { loadBalancer: {} },
  })
}

/**
 * The API server writes its own endpoints (the endpoint reconciler), since the
 * `kubernetes` Service has no selector: an Endpoints object and an EndpointSlice, both
 * named `kubernetes`, pointing at the control plane's address.
 */
export function publishApiServerEndpoints(api: ApiServer, address: string): void {
  api.create({
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: meta('kubernetes', { 'endpointslice.kubernetes.io/skip-mirror': 'true' }),
    subsets: [{ addresses: [{ ip: address }], ports: [{ name: 'https', port: SECURE_PORT, protocol: 'TCP' }] }],
  } as KubeObject)
  api.create({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: meta('kubernetes', { [SERVICE_NAME_LABEL]: 'kubernetes' }),
    addressType: 'IPv4',
    endpoints: [{ addresses: [address], conditions: { ready: true } }],
    ports: [{ name: 'https', port: SECURE_PORT, protocol: 'TCP' }],
  } as KubeObject)
}
