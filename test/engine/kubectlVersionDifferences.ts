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
    what: '`kubectl version --client`',
    v132: 'Client Version: v1.32.4-dispatcher\nKustomize Version: v5.5.0',
    v135: 'Client Version: v1.35.0\nKustomize Version: v5.7.1',
  },
]
