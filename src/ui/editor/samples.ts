/** Manifests offered in the editor's sample menu. */
export interface Sample {
  id: string
  label: string
  yaml: string
}

export const SAMPLES: Sample[] = [
  {
    id: 'deployment',
    label: 'Deployment: web (3 × nginx)',
    yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
        resources:
          requests:
            cpu: 100m
            memory: 128Mi
`,
  },
  {
    id: 'service',
    label: 'Service: web (NodePort in front of the Deployment sample)',
    yaml: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
  - name: http
    port: 80
    targetPort: 80
`,
  },
  {
    id: 'job',
    label: 'Job: pi (computes π, then completes)',
    yaml: `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      containers:
      - name: pi
        image: perl:5.34.0
        command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]
      restartPolicy: Never
  backoffLimit: 4
`,
  },
  {
    id: 'cronjob',
    label: 'CronJob: hello (every minute)',
    yaml: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: hello
            image: busybox:1.28
            imagePullPolicy: IfNotPresent
            command:
            - /bin/sh
            - -c
            - date; echo Hello from the Kubernetes cluster
          restartPolicy: OnFailure
`,
  },
  {
    id: 'daemonset',
    label: 'DaemonSet: log-agent (one pod per node)',
    yaml: `# No toleration for the control plane's NoSchedule taint: one pod on each worker.
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-agent
  labels:
    app: log-agent
spec:
  selector:
    matchLabels:
      app: log-agent
  template:
    metadata:
      labels:
        app: log-agent
    spec:
      containers:
      - name: fluentd
        image: quay.io/fluentd_elasticsearch/fluentd:v4.7.2
        resources:
          requests:
            cpu: 100m
            memory: 200Mi
`,
  },
  {
    id: 'cni',
    label: 'Network add-on: flannel (brings NotReady nodes Ready)',
    yaml: `# A Flannel-like pod network for a cluster started without one, whose nodes are
# NotReady ("cni plugin not initialized"). It runs on the host network and tolerates
# every NoSchedule taint, so it reaches every node; each node turns Ready once its agent runs.
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: kube-flannel-ds
  namespace: kube-system
  labels:
    app: flannel
spec:
  selector:
    matchLabels:
      app: flannel
  template:
    metadata:
      labels:
        app: flannel
    spec:
      hostNetwork: true
      priorityClassName: system-node-critical
      tolerations:
      - operator: Exists
        effect: NoSchedule
      containers:
      - name: kube-flannel
        image: ghcr.io/flannel-io/flannel:v0.26.7
        command: ["/opt/bin/flanneld"]
        args: ["--ip-masq", "--kube-subnet-mgr"]
        resources:
          requests:
            cpu: 100m
            memory: 50Mi
`,
  },
  {
    id: 'statefulset',
    label: 'StatefulSet: web (web-0, web-1, web-2 in order)',
    yaml: `# serviceName names the headless Service that gives each pod a stable DNS name
# (web-0.nginx). kubesim does not simulate Services yet, so this sample leaves it out.
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
          name: web
`,
  },
  {
    id: 'crash',
    label: 'Pod: crash (exits with 1)',
    yaml: `apiVersion: v1
kind: Pod
metadata:
  name: crash
spec:
  containers:
  - name: busybox
    image: busybox
    command: ["sh", "-c", "exit 1"]
`,
  },
  {
    id: 'bad-image',
    label: 'Pod: bad-image (nginx:doesnotexist)',
    yaml: `apiVersion: v1
kind: Pod
metadata:
  name: bad-image
spec:
  containers:
  - name: nginx
    image: nginx:doesnotexist
`,
  },
  {
    id: 'too-big',
    label: 'Pod: too-big (requests 16 CPUs)',
    yaml: `apiVersion: v1
kind: Pod
metadata:
  name: too-big
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: "16"
        memory: 1Gi
`,
  },
]
