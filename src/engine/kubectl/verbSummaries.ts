/**
 * kubectl's own one-line summary of each verb, grouped as `kubectl help` groups them
 * (kubectl v1.32 `kubectl help`). The app's terminal `help` lists the ones kubesim answers.
 */
export const KUBECTL_HELP_GROUPS: readonly { title: string; verbs: readonly (readonly [string, string])[] }[] = [
  {
    title: 'Basic Commands (Beginner)',
    verbs: [
      ['create', 'Create a resource from a file or from stdin'],
      ['expose', 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service'],
      ['run', 'Run a particular image on the cluster'],
      ['set', 'Set specific features on objects'],
    ],
  },
  {
    title: 'Basic Commands (Intermediate)',
    verbs: [
      ['explain', 'Get documentation for a resource'],
      ['get', 'Display one or many resources'],
      ['edit', 'Edit a resource on the server'],
      ['delete', 'Delete resources by file names, stdin, resources and names, or by resources and label selector'],
    ],
  },
  {
    title: 'Deploy Commands',
    verbs: [
      ['rollout', 'Manage the rollout of a resource'],
      ['scale', 'Set a new size for a deployment, replica set, or replication controller'],
      ['autoscale', 'Auto-scale a deployment, replica set, stateful set, or replication controller'],
    ],
  },
  {
    title: 'Cluster Management Commands',
    verbs: [
      ['certificate', 'Modify certificate resources'],
      ['cluster-info', 'Display cluster information'],
      ['top', 'Display resource (CPU/memory) usage'],
      ['cordon', 'Mark node as unschedulable'],
      ['uncordon', 'Mark node as schedulable'],
      ['drain', 'Drain node in preparation for maintenance'],
      ['taint', 'Update the taints on one or more nodes'],
    ],
  },
  {
    title: 'Troubleshooting and Debugging Commands',
    verbs: [
      ['describe', 'Show details of a specific resource or group of resources'],
      ['logs', 'Print the logs for a container in a pod'],
      ['attach', 'Attach to a running container'],
      ['exec', 'Execute a command in a container'],
      ['port-forward', 'Forward one or more local ports to a pod'],
      ['proxy', 'Run a proxy to the Kubernetes API server'],
      ['cp', 'Copy files and directories to and from containers'],
      ['auth', 'Inspect authorization'],
      ['debug', 'Create debugging sessions for troubleshooting workloads and nodes'],
      ['events', 'List events'],
    ],
  },
  {
    title: 'Advanced Commands',
    verbs: [
      ['diff', 'Diff the live version against a would-be applied version'],
      ['apply', 'Apply a configuration to a resource by file name or stdin'],
      ['patch', 'Update fields of a resource'],
      ['replace', 'Replace a resource by file name or stdin'],
      ['wait', 'Experimental: Wait for a specific condition on one or many resources'],
      ['kustomize', 'Build a kustomization target from a directory or URL'],
    ],
  },
  {
    title: 'Settings Commands',
    verbs: [
      ['label', 'Update the labels on a resource'],
      ['annotate', 'Update the annotations on a resource'],
      ['completion', 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)'],
    ],
  },
  {
    title: 'Other Commands',
    verbs: [
      ['api-resources', 'Print the supported API resources on the server'],
      ['api-versions', 'Print the supported API versions on the server, in the form of "group/version"'],
      ['config', 'Modify kubeconfig files'],
      ['plugin', 'Provides utilities for interacting with plugins'],
      ['version', 'Print the client and server version information'],
    ],
  },
]

/** kubectl's subcommands (from each verb's `--help`), for completing `rollout st` → `rollout status`. */
export const KUBECTL_SUBCOMMANDS: Readonly<Record<string, readonly string[]>> = {
  auth: ['can-i', 'reconcile', 'whoami'],
  certificate: ['approve', 'deny'],
  config: ['current-context', 'delete-cluster', 'delete-context', 'delete-user', 'get-clusters', 'get-contexts', 'get-users', 'rename-context', 'set', 'set-cluster', 'set-context', 'set-credentials', 'unset', 'use-context', 'view'],
  create: ['clusterrole', 'clusterrolebinding', 'configmap', 'cronjob', 'deployment', 'ingress', 'job', 'namespace', 'poddisruptionbudget', 'priorityclass', 'quota', 'role', 'rolebinding', 'secret', 'service', 'serviceaccount', 'token'],
  rollout: ['history', 'pause', 'restart', 'resume', 'status', 'undo'],
  set: ['env', 'image', 'resources', 'selector', 'serviceaccount', 'subject'],
  top: ['node', 'pod'],
}
