/**
 * Where the kubectl on these machines (v1.32) prints something other than the v1.35
 * kubesim imitates. Checks against the real binary must not copy these; one list for
 * the whole project.
 */
export interface KubectlVersionDifference {
  what: string
  v132: string
  v135: string
}

export const KUBECTL_VERSION_DIFFERENCES: KubectlVersionDifference[] = [
  {
    what: '`--dry-run=client -o yaml` of a new object',
    v132: 'metadata:\n  creationTimestamp: null\n  name: web',
    v135: 'metadata:\n  name: web (creationTimestamp: null dropped in v1.34)',
  },
  {
    what: 'the message of `kubectl delete pod x`',
    v132: 'pod "x" deleted',
    v135: 'pod "x" deleted from default namespace',
  },
  {
    what: 'the HorizontalPodAutoscaler `kubectl autoscale` creates',
    v132: 'apiVersion: autoscaling/v1 (spec.targetCPUUtilizationPercentage)',
    v135: 'apiVersion: autoscaling/v2 (spec.metrics), falling back to v1 only if v2 fails (since v1.33)',
  },
  {
    what: '`kubectl autoscale --cpu-percent=80`',
    v132: '(no notice)',
    v135: "Flag --cpu-percent has been deprecated, Use --cpu with percentage or resource quantity format (e.g., '70%' for utilization or '500m' for milliCPU).",
  },
]
