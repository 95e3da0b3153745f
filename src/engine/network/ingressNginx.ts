/**
 * ingress-nginx, the ingress controller students install: its manifest (a trimmed
 * deploy/static/provider/cloud/deploy.yaml of controller-v1.12.0, without RBAC and the
 * admission webhook) and the names the simulated controller goes by.
 */

export const INGRESS_NGINX_VERSION = 'v1.12.0'
export const INGRESS_NGINX_IMAGE_REPOSITORY = 'registry.k8s.io/ingress-nginx/controller'
/** The controller class ingress-nginx claims (IngressClass spec.controller). */
export const INGRESS_NGINX_CONTROLLER_CLASS = 'k8s.io/ingress-nginx'
/** The event source of its Sync events. */
export const INGRESS_NGINX_COMPONENT = 'nginx-ingress-controller'

/** Where the docs tell students to get it; `kubectl apply -f` of this URL applies the manifest below. */
export const INGRESS_NGINX_MANIFEST_URL = `https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-${INGRESS_NGINX_VERSION}/deploy/static/provider/cloud/deploy.yaml`

const labels = (indent: string, component?: string) =>
  [
    ...(component ? [`app.kubernetes.io/component: ${component}`] : []),
    'app.kubernetes.io/instance: ingress-nginx',
    'app.kubernetes.io/name: ingress-nginx',
    'app.kubernetes.io/part-of: ingress-nginx',
    `app.kubernetes.io/version: ${INGRESS_NGINX_VERSION.slice(1)}`,
  ]
    .map((l) => `${indent}${l}`)
    .join('\n')

export const INGRESS_NGINX_MANIFEST = `apiVersion: v1
kind: Namespace
metadata:
  labels:
    app.kubernetes.io/instance: ingress-nginx
    app.kubernetes.io/name: ingress-nginx
  name: ingress-nginx
---
apiVersion: v1
automountServiceAccountToken: true
kind: ServiceAccount
metadata:
  labels:
${labels('    ', 'controller')}
  name: ingress-nginx
  namespace: ingress-nginx
---
apiVersion: v1
kind: ConfigMap
metadata:
  labels:
${labels('    ', 'controller')}
  name: ingress-nginx-controller
  namespace: ingress-nginx
---
apiVersion: v1
kind: Service
metadata:
  labels:
${labels('    ', 'controller')}
  name: ingress-nginx-controller
  namespace: ingress-nginx
spec:
  externalTrafficPolicy: Local
  ipFamilies:
  - IPv4
  ipFamilyPolicy: SingleStack
  ports:
  - appProtocol: http
    name: http
    port: 80
    protocol: TCP
    targetPort: http
  - appProtocol: https
    name: https
    port: 443
    protocol: TCP
    targetPort: https
  selector:
    app.kubernetes.io/component: controller
    app.kubernetes.io/instance: ingress-nginx
    app.kubernetes.io/name: ingress-nginx
  type: LoadBalancer
---
apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
${labels('    ', 'controller')}
  name: ingress-nginx-controller
  namespace: ingress-nginx
spec:
  minReadySeconds: 0
  revisionHistoryLimit: 10
  selector:
    matchLabels:
      app.kubernetes.io/component: controller
      app.kubernetes.io/instance: ingress-nginx
      app.kubernetes.io/name: ingress-nginx
  strategy:
    rollingUpdate:
      maxUnavailable: 1
    type: RollingUpdate
  template:
    metadata:
      labels:
${labels('        ', 'controller')}
    spec:
      containers:
      - args:
        - /nginx-ingress-controller
        - --publish-service=$(POD_NAMESPACE)/ingress-nginx-controller
        - --election-id=ingress-nginx-leader
        - --controller-class=${INGRESS_NGINX_CONTROLLER_CLASS}
        - --ingress-class=nginx
        - --configmap=$(POD_NAMESPACE)/ingress-nginx-controller
        env:
        - name: POD_NAME
          valueFrom:
            fieldRef:
              fieldPath: metadata.name
        - name: POD_NAMESPACE
          valueFrom:
            fieldRef:
              fieldPath: metadata.namespace
        image: ${INGRESS_NGINX_IMAGE_REPOSITORY}:${INGRESS_NGINX_VERSION}
        imagePullPolicy: IfNotPresent
        livenessProbe:
          failureThreshold: 5
          httpGet:
            path: /healthz
            port: 10254
            scheme: HTTP
          initialDelaySeconds: 10
          periodSeconds: 10
          successThreshold: 1
          timeoutSeconds: 1
        name: controller
        ports:
        - containerPort: 80
          name: http
          protocol: TCP
        - containerPort: 443
          name: https
          protocol: TCP
        readinessProbe:
          failureThreshold: 3
          httpGet:
            path: /healthz
            port: 10254
            scheme: HTTP
          initialDelaySeconds: 10
          periodSeconds: 10
          successThreshold: 1
          timeoutSeconds: 1
        resources:
          requests:
            cpu: 100m
            memory: 90Mi
      dnsPolicy: ClusterFirst
      nodeSelector:
        kubernetes.io/os: linux
      serviceAccountName: ingress-nginx
      terminationGracePeriodSeconds: 300
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  labels:
${labels('    ', 'controller')}
  name: nginx
spec:
  controller: ${INGRESS_NGINX_CONTROLLER_CLASS}
`
