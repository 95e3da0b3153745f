import type { Container, Pod, PodSpec } from '../api/types.ts'

/**
 * What the API server's defaulting adds to every pod spec (pods and pod templates):
 * restartPolicy, grace period, scheduler, DNS policy, the service account, pull policies.
 */
export function defaultPodSpec(spec: PodSpec): void {
  spec.restartPolicy ??= 'Always'
  spec.terminationGracePeriodSeconds ??= 30
  spec.dnsPolicy ??= 'ClusterFirst'
  spec.schedulerName ??= 'default-scheduler'
  spec.serviceAccountName ??= 'default'
  spec.securityContext ??= {}
  spec.priority ??= 0
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) defaultContainer(c)
}

/** The DefaultTolerationSeconds admission plugin: pods ride out a node outage for 300s. */
export function addDefaultTolerations(spec: PodSpec): void {
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
}

/** A new pod's status before anything has happened to it. */
export function initialPodStatus(pod: Pod): void {
  pod.status = { phase: 'Pending' }
}
