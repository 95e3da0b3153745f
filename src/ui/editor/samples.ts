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
