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
    what: "describe's Events table: an event about a container leads its message with the container's field path (kubectl 1.35, DescribeEvents)",
    v132: '  Warning  BackOff  6s  kubelet  Back-off restarting failed container crash in pod crash_default(…)',
    v135: '  Warning  BackOff  6s  kubelet  spec.containers{crash}: Back-off restarting failed container crash in pod crash_default(…)',
  },
]
