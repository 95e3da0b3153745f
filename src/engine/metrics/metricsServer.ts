import type { ApiServer } from '../api/server.ts'
import type { KubeObject } from '../api/types.ts'

export const METRICS_SERVER_IMAGE = 'registry.k8s.io/metrics-server/metrics-server:v0.7.2'
export const METRICS_SERVER_NAMESPACE = 'kube-system'
export const METRICS_SERVER_NAME = 'metrics-server'
/** The label on metrics-server's pods and its Service's selector. */
export const METRICS_SERVER_LABEL = { 'k8s-app': 'metrics-server' }

const meta = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  namespace: METRICS_SERVER_NAMESPACE,
  labels: { ...METRICS_SERVER_LABEL },
  ...extra,
  uid: '',
  resourceVersion: '',
  creationTimestamp: '',
})

/**
 * The namespaced objects of metrics-server's components.yaml (v0.7.2): its
 * ServiceAccount, the Deployment (15 s resolution) and the Service the
 * v1beta1.metrics.k8s.io APIService points at.
 */
export function metricsServerObjects(): KubeObject[] {
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(METRICS_SERVER_NAME) },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta(METRICS_SERVER_NAME),
      spec: { ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' }], selector: { ...METRICS_SERVER_LABEL } },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta(METRICS_SERVER_NAME),
      spec: {
        selector: { matchLabels: { ...METRICS_SERVER_LABEL } },
        strategy: { rollingUpdate: { maxUnavailable: 0 } },
        template: {
          metadata: { labels: { ...METRICS_SERVER_LABEL } },
          spec: {
            containers: [
              {
                name: 'metrics-server',
                image: METRICS_SERVER_IMAGE,
                imagePullPolicy: 'IfNotPresent',
                args: ['--cert-dir=/tmp', '--secure-port=10250', '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname', '--kubelet-use-node-status-port', '--metric-resolution=15s'],
                ports: [{ containerPort: 10250, name: 'https', protocol: 'TCP' }],
                readinessProbe: { httpGet: { path: '/readyz', port: 'https', scheme: 'HTTPS' }, initialDelaySeconds: 20, periodSeconds: 10, failureThreshold: 3 },
                livenessProbe: { httpGet: { path: '/livez', port: 'https', scheme: 'HTTPS' }, periodSeconds: 10, failureThreshold: 3 },
                resources: { requests: { cpu: '100m', memory: '200Mi' } },
                securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } },
                volumeMounts: [{ mountPath: '/tmp', name: 'tmp-dir' }],
              },
            ],
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            priorityClassName: 'system-cluster-critical',
            serviceAccountName: METRICS_SERVER_NAME,
            volumes: [{ emptyDir: {}, name: 'tmp-dir' }],
          },
        },
      },
    },
  ] as unknown as KubeObject[]
}

/** Installs metrics-server as `kubectl apply -f components.yaml` would; its pod then starts like any other. */
export function installMetricsServer(api: ApiServer): void {
  for (const obj of metricsServerObjects()) api.create(obj)
}
