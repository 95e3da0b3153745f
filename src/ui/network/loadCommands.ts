/**
 * The kubectl commands behind the network view's load button: a busybox pod that fetches
 * the Service in a loop, and deleting it. Run in the terminal so the student sees them.
 */
export const loadPodName = (service: string) => `load-${service}`

/** `-n NS` when the Service is not in kubectl's current namespace. */
function namespaceFlag(namespace: string, kubectlNamespace: string): string {
  return namespace === kubectlNamespace ? '' : ` -n ${namespace}`
}

export function startLoadCommand(service: string, namespace: string, kubectlNamespace: string): string {
  return `kubectl run ${loadPodName(service)}${namespaceFlag(namespace, kubectlNamespace)} --image=busybox:1.36 --restart=Never -- /bin/sh -c "while sleep 0.1; do wget -q -O- http://${service}; done"`
}

export function stopLoadCommand(service: string, namespace: string, kubectlNamespace: string): string {
  return `kubectl delete pod ${loadPodName(service)}${namespaceFlag(namespace, kubectlNamespace)} --now`
}
