import type { Container, Pod, PodSpec } from '../api/types.ts'
import { canonicalQuantity } from '../util/exactQuantity.ts'

/**
 * What the API server's defaulting adds to every pod spec (pods and pod templates):
 * restartPolicy, grace period, scheduler, DNS policy, the service account, pull policies.
 */
export function defaultPodSpec(spec: PodSpec): void {
  spec.restartPolicy ??= 'Always'
  spec.terminationGracePeriodSeconds ??= 30
  spec.dnsPolicy ??= 'ClusterFirst'
  spec.schedulerName ??= 'default-scheduler'
  spec.securityContext ??= {}
  // v1's deprecated `serviceAccount` mirrors serviceAccountName (the v1 conversion fills either from the other).
  if (!spec.serviceAccountName && typeof spec.serviceAccount === 'string' && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) defaultContainer(c)
}

/**
 * Admission plugins that act on every new pod: ServiceAccount (the `default` account
 * and its token volume) and DefaultTolerationSeconds (pods ride out a node outage for
 * 300s before eviction). Priority is its own plugin (plugins/priority.ts).
 */
export function admitPod(spec: PodSpec, randomSuffix: string): void {
  spec.serviceAccountName ??= 'default'
  spec.serviceAccount = spec.serviceAccountName
  const volumeName = `kube-api-access-${randomSuffix}`
  const volumes = (spec.volumes as { name: string }[] | undefined) ?? []
  if (!volumes.some((v) => v.name?.startsWith('kube-api-access-'))) {
    spec.volumes = [
      ...volumes,
      {
        name: volumeName,
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
          ],
        },
      },
    ]
    for (const c of spec.containers ?? []) {
      const mounts = (c.volumeMounts as { name: string; mountPath: string; readOnly?: boolean }[] | undefined) ?? []
      c.volumeMounts = [...mounts, { name: volumeName, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }]
    }
  }
  const tolerations = spec.tolerations ?? []
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    const has = tolerations.some((t) => t.key === key && (t.effect === 'NoExecute' || !t.effect))
    if (!has) tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 })
  }
  spec.tolerations = tolerations
}

function defaultContainer(c: Container): void {
  const tag = /:([^/:@]+)$/.exec(c.image ?? '')?.[1]
  c.imagePullPolicy ??= !tag || tag === 'latest' ? 'Always' : 'IfNotPresent'
  c.terminationMessagePath ??= '/dev/termination-log'
  c.terminationMessagePolicy ??= 'File'
  c.resources ??= {}
  for (const p of c.ports ?? []) p.protocol ??= 'TCP'
  for (const field of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const probe = c[field]
    if (probe && typeof probe === 'object' && !Array.isArray(probe)) defaultProbe(probe as Record<string, unknown>)
  }
}

/** SetDefaults_Probe, SetDefaults_HTTPGetAction and GRPCAction's `+default=""` service. */
function defaultProbe(probe: Record<string, unknown>): void {
  if (!probe.timeoutSeconds) probe.timeoutSeconds = 1
  if (!probe.periodSeconds) probe.periodSeconds = 10
  if (!probe.successThreshold) probe.successThreshold = 1
  if (!probe.failureThreshold) probe.failureThreshold = 3
  const httpGet = probe.httpGet as Record<string, unknown> | undefined
  if (httpGet && typeof httpGet === 'object') {
    if (!httpGet.path) httpGet.path = '/'
    if (!httpGet.scheme) httpGet.scheme = 'HTTP'
  }
  const grpc = probe.grpc as Record<string, unknown> | undefined
  if (grpc && typeof grpc === 'object') grpc.service ??= ''
}

/** A new pod's status before anything has happened to it. */
export function initialPodStatus(pod: Pod): void {
  pod.status = { phase: 'Pending' }
}

/**
 * SetDefaults_Pod (pods only, not templates): service links on, and a container that
 * states a limit but no request for a resource requests its limit. Quantities are kept in
 * canonical form, as the API server hands them back (`0.5` CPU reads `500m`).
 */
export function defaultPodOnly(spec: PodSpec): void {
  spec.enableServiceLinks ??= true
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    const resources = c.resources
    if (!resources) continue
    if (resources.limits) {
      resources.limits = canonicalResourceMap(resources.limits)
      resources.requests = { ...resources.limits, ...(resources.requests ?? {}) }
    }
    if (resources.requests) resources.requests = canonicalResourceMap(resources.requests)
  }
}

function canonicalResourceMap(map: Record<string, string | number>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, canonicalQuantity(v)]))
}
