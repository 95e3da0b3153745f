import { NAMESPACE_TERMINATING } from '../admission/plugins/namespaceLifecycle.ts'
import { ApiError } from '../api/errors.ts'
import type { KubeObject } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import type { Namespace } from '../kinds/namespace.ts'
import { WorkQueue } from './workQueue.ts'

export const DEFAULT_SERVICE_ACCOUNT = 'default'
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt'
const ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.'

/** The cluster CA kubeadm would have made: a stand-in certificate, the same in every namespace. */
export const ROOT_CA_PEM = `-----BEGIN CERTIFICATE-----
MIIDBTCCAe2gAwIBAgIIKubeSimCAQEwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE
AxMKa3ViZXJuZXRlczAeFw0yNjAxMDEwMDAwMDBaFw0zNTEyMzAwMDAwMDBaMBUx
EzARBgNVBAMTCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK
AoIBAQDKubeSimIsASimulatedClusterAndThisIsNotARealKeyAAAAAAAAAAA
-----END CERTIFICATE-----
`

/**
 * What every active namespace gets from the controller manager: the `default`
 * ServiceAccount (serviceaccount controller) and the `kube-root-ca.crt` ConfigMap
 * (root-ca-cert-publisher). Either is put back if deleted, and the ConfigMap's data
 * restored if changed.
 */
export class NamespaceDefaultsController {
  private queue: WorkQueue

  constructor(private readonly ctx: EngineContext) {
    this.queue = new WorkQueue(ctx, 'namespace-defaults', (ns) => this.sync(ns))
    ctx.store.watch((type, obj) => {
      if (obj.kind === 'Namespace' && type !== 'DELETED') this.queue.add(obj.metadata.name)
      else if (obj.kind === 'ServiceAccount' && type === 'DELETED' && obj.metadata.name === DEFAULT_SERVICE_ACCOUNT) this.queue.add(obj.metadata.namespace ?? '')
      else if (obj.kind === 'ConfigMap' && type !== 'ADDED' && obj.metadata.name === ROOT_CA_CONFIGMAP) this.queue.add(obj.metadata.namespace ?? '')
    }, ['Namespace', 'ConfigMap', 'ServiceAccount'])
  }

  private sync(name: string): void {
    const ns = this.ctx.store.get<Namespace>('Namespace', undefined, name)
    if (!ns || ns.metadata.deletionTimestamp || ns.status?.phase !== 'Active') return
    const store = this.ctx.store
    if (!store.get('ServiceAccount', name, DEFAULT_SERVICE_ACCOUNT)) {
      this.createIgnoringTermination({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(DEFAULT_SERVICE_ACCOUNT, name) })
    }
    const cm = store.get('ConfigMap', name, ROOT_CA_CONFIGMAP)
    const data = { 'ca.crt': ROOT_CA_PEM }
    if (!cm) {
      this.createIgnoringTermination({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { ...meta(ROOT_CA_CONFIGMAP, name), annotations: { 'kubernetes.io/description': ROOT_CA_DESCRIPTION } },
        data,
      })
    } else if (JSON.stringify(cm.data) !== JSON.stringify(data)) {
      this.ctx.api.update({ ...cm, metadata: { ...cm.metadata }, data })
    }
  }

  /** A namespace that starts terminating meanwhile refuses the create; that is no failure. */
  private createIgnoringTermination(obj: KubeObject): void {
    try {
      this.ctx.api.create(obj)
    } catch (e) {
      if (e instanceof ApiError && e.causeType === NAMESPACE_TERMINATING) return
      throw e
    }
  }
}

function meta(name: string, namespace: string): KubeObject['metadata'] {
  return { name, namespace, uid: '', resourceVersion: '', creationTimestamp: '' }
}
