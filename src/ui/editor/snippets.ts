/**
 * A skeleton manifest per kind, offered by the editor's completion (type the kind's name).
 * Bodies use Monaco's snippet syntax: `${1:web}` is the first stop with its default, and
 * every `${1}` after it mirrors what is typed there.
 */
export interface KindSnippet {
  kind: string
  description: string
  body: string
}

export const KIND_SNIPPETS: KindSnippet[] = [
  {
    kind: 'Pod',
    description: 'A single container',
    body: `apiVersion: v1
kind: Pod
metadata:
  name: \${1:app}
  labels:
    app: \${1}
spec:
  containers:
  - name: \${2:app}
    image: \${3:nginx:1.27}
    ports:
    - containerPort: \${4:80}
`,
  },
  {
    kind: 'Deployment',
    description: 'Replicas of a pod template, rolled out',
    body: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: \${1:web}
  labels:
    app: \${1}
spec:
  replicas: \${2:3}
  selector:
    matchLabels:
      app: \${1}
  template:
    metadata:
      labels:
        app: \${1}
    spec:
      containers:
      - name: \${3:nginx}
        image: \${4:nginx:1.27}
        ports:
        - containerPort: \${5:80}
`,
  },
  {
    kind: 'Service',
    description: 'A stable address in front of pods',
    body: `apiVersion: v1
kind: Service
metadata:
  name: \${1:web}
spec:
  type: \${2|ClusterIP,NodePort,LoadBalancer|}
  selector:
    app: \${3:web}
  ports:
  - port: \${4:80}
    targetPort: \${5:80}
`,
  },
  {
    kind: 'ConfigMap',
    description: 'Configuration as key-value pairs',
    body: `apiVersion: v1
kind: ConfigMap
metadata:
  name: \${1:app-config}
data:
  \${2:LOG_LEVEL}: "\${3:info}"
`,
  },
  {
    kind: 'Secret',
    description: 'Sensitive values (stringData is stored base64-encoded)',
    body: `apiVersion: v1
kind: Secret
metadata:
  name: \${1:app-secret}
type: Opaque
stringData:
  \${2:password}: "\${3:s3cr3t}"
`,
  },
  {
    kind: 'Job',
    description: 'Runs pods to completion',
    body: `apiVersion: batch/v1
kind: Job
metadata:
  name: \${1:task}
spec:
  backoffLimit: \${2:4}
  template:
    spec:
      containers:
      - name: \${3:task}
        image: \${4:busybox:1.36}
        command: ["sh", "-c", "\${5:echo done}"]
      restartPolicy: Never
`,
  },
  {
    kind: 'CronJob',
    description: 'A Job on a schedule',
    body: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: \${1:hello}
spec:
  schedule: "\${2:*/5 * * * *}"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: \${3:hello}
            image: \${4:busybox:1.36}
            command: ["sh", "-c", "\${5:date; echo Hello}"]
          restartPolicy: OnFailure
`,
  },
  {
    kind: 'Ingress',
    description: 'HTTP routes to Services',
    body: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: \${1:web}
spec:
  rules:
  - host: \${2:web.example.com}
    http:
      paths:
      - path: \${3:/}
        pathType: Prefix
        backend:
          service:
            name: \${4:web}
            port:
              number: \${5:80}
`,
  },
  {
    kind: 'DaemonSet',
    description: 'One pod on every node',
    body: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: \${1:agent}
spec:
  selector:
    matchLabels:
      app: \${1}
  template:
    metadata:
      labels:
        app: \${1}
    spec:
      containers:
      - name: \${2:agent}
        image: \${3:busybox:1.36}
        command: ["sh", "-c", "\${4:while true; do sleep 3600; done}"]
`,
  },
  {
    kind: 'StatefulSet',
    description: 'Pods with stable names, started in order',
    body: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: \${1:db}
spec:
  serviceName: \${1}
  replicas: \${2:3}
  selector:
    matchLabels:
      app: \${1}
  template:
    metadata:
      labels:
        app: \${1}
    spec:
      containers:
      - name: \${3:db}
        image: \${4:redis:7.4}
`,
  },
  {
    kind: 'Namespace',
    description: 'A namespace for other objects',
    body: `apiVersion: v1
kind: Namespace
metadata:
  name: \${1:dev}
`,
  },
]

/** The text a snippet inserts when every stop keeps its default (and a choice its first option). */
export function expandSnippet(body: string): string {
  const defaults = new Map<string, string>()
  return body.replace(/\$\{(\d+)(?::([^}]*)|\|([^|]*)\|)?\}/g, (_m, n: string, def?: string, choices?: string) => {
    const value = def ?? choices?.split(',')[0]
    if (value !== undefined) defaults.set(n, value)
    return value ?? defaults.get(n) ?? ''
  })
}
