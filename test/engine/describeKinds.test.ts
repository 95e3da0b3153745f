import { describe, expect, it } from 'vitest'
import { apply, kubectl, newSim } from '../helpers.ts'

describe('kubectl describe, kind by kind (describe.go of kubectl v1.35)', () => {
  it('Role: rules broken down, verbs merged per resource, sorted by PolicyRule.String() (verbs first)', () => {
    const sim = newSim({ workers: 1 })
    apply(sim, `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: pod-reader}
rules:
- apiGroups: [""]
  resources: [pods, pods/log]
  verbs: [get, watch, list]
- apiGroups: [apps]
  resources: [deployments]
  resourceNames: [web]
  verbs: [get, patch]
- apiGroups: [""]
  resources: [pods]
  verbs: [delete]
`)
    expect(kubectl(sim, 'describe role pod-reader')).toBe(`Name:         pod-reader
Labels:       <none>
Annotations:  <none>
PolicyRule:
  Resources         Non-Resource URLs  Resource Names  Verbs
  ---------         -----------------  --------------  -----
  deployments.apps  []                 [web]           [get patch]
  pods              []                 []              [get watch list delete]
  pods/log          []                 []              [get watch list]
`)
  })

  it('ClusterRole: a non-resource URL rule stays one row per URL and verb', () => {
    const sim = newSim({ workers: 1 })
    apply(sim, 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: h}\nrules:\n- nonResourceURLs: [/healthz]\n  verbs: [get, head]\n')
    expect(kubectl(sim, 'describe clusterrole h').split('\n').slice(4)).toEqual([
      '  Resources  Non-Resource URLs  Resource Names  Verbs',
      '  ---------  -----------------  --------------  -----',
      '             [/healthz]         []              [get]',
      '             [/healthz]         []              [head]',
      '',
    ])
  })

  it('RoleBinding: the role, then a table of subjects', () => {
    const sim = newSim({ workers: 1 })
    apply(sim, `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: rb}
subjects:
- {kind: User, name: jane, apiGroup: rbac.authorization.k8s.io}
- {kind: ServiceAccount, name: builder, namespace: default}
roleRef: {kind: ClusterRole, name: view, apiGroup: rbac.authorization.k8s.io}
`)
    expect(kubectl(sim, 'describe rolebinding rb')).toBe(`Name:         rb
Labels:       <none>
Annotations:  <none>
Role:
  Kind:  ClusterRole
  Name:  view
Subjects:
  Kind            Name     Namespace
  ----            ----     ---------
  User            jane     
  ServiceAccount  builder  default
`)
  })

  it('Secret: sizes, never values; ConfigMap: values under a rule', () => {
    const sim = newSim({ workers: 1 })
    apply(sim, 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {password: czNjcjN0}\nstringData: {user: admin}\n')
    apply(sim, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {mode: fast}\n')
    expect(kubectl(sim, 'describe secret s')).toBe(`Name:         s
Namespace:    default
Labels:       <none>
Annotations:  <none>

Type:  Opaque

Data
====
password:  6 bytes
user:      5 bytes
`)
    expect(kubectl(sim, 'describe cm c')).toBe(`Name:         c
Namespace:    default
Labels:       <none>
Annotations:  <none>

Data
====
mode:
----
fast


BinaryData
====

Events:  <none>
`)
  })

  it('ServiceAccount: image pull secrets one per line under one header', () => {
    const sim = newSim({ workers: 1 })
    apply(sim, 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: b}\nimagePullSecrets: [{name: one}, {name: two}]\n')
    expect(kubectl(sim, 'describe sa b')).toBe(`Name:                b
Namespace:           default
Labels:              <none>
Annotations:         <none>
Image pull secrets:  one
                     two
Events:              <none>
`)
  })

  it('Service: selector, IP family, ports with target and node ports, endpoints from EndpointSlices', () => {
    const sim = newSim({ workers: 1 })
    apply(sim, 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  type: NodePort\n  clusterIP: 10.96.5.5\n  selector: {app: web}\n  ports: [{port: 80, targetPort: 8080, nodePort: 30080}]\n')
    apply(sim, `apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: s-abc
  labels: {kubernetes.io/service-name: s}
addressType: IPv4
ports: [{name: "", port: 8080, protocol: TCP}]
endpoints:
- addresses: [10.244.1.5]
  conditions: {ready: true}
- addresses: [10.244.2.7]
  conditions: {ready: false}
`)
    expect(kubectl(sim, 'describe svc s')).toBe(`Name:                     s
Namespace:                default
Labels:                   <none>
Annotations:              <none>
Selector:                 app=web
Type:                     NodePort
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.5.5
IPs:                      10.96.5.5
Port:                     <unset>  80/TCP
TargetPort:               8080/TCP
NodePort:                 <unset>  30080/TCP
Endpoints:                10.244.1.5:8080
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:                   <none>
`)
  })

  it('NetworkPolicy: peers and ports per rule; an empty pod selector allows all pods', () => {
    const sim = newSim({ workers: 1 })
    apply(sim, 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n')
    expect(kubectl(sim, 'describe netpol deny')).toBe(`Name:         deny
Namespace:    default
Created on:   2026-01-05 09:00:00 +0000 UTC
Labels:       <none>
Annotations:  <none>
Spec:
  PodSelector:     <none> (Allowing the specific traffic to all pods in this namespace)
  Allowing ingress traffic:
    <none> (Selected pods are isolated for ingress connectivity)
  Not affecting egress traffic
  Policy Types: Ingress
`)
  })

  it('HPA: the resource metric line is indented twice mid-line, which widens the whole first column', () => {
    const sim = newSim({ workers: 1 })
    apply(sim, `apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  maxReplicas: 5
  targetCPUUtilizationPercentage: 80
`)
    const lines = kubectl(sim, 'describe hpa web').split('\n')
    expect(lines[6]).toBe('Metrics:                                               ( current / target )')
    expect(lines[7]).toBe('  resource cpu on pods  (as a percentage of request):  <unknown> / 80%')
    expect(lines[9]).toBe('Max replicas:                                          5')
    expect(lines[10]).toBe('Deployment pods:                                       0 current / 0 desired')
  })

  it('a kind without a describer (Lease) prints every field with smart labels (genericDescriber)', () => {
    const sim = newSim({ workers: 1 })
    const out = kubectl(sim, 'describe lease worker-1 -n kube-node-lease')
    expect(out).toMatch(/^Name:         worker-1\nNamespace:    kube-node-lease\nLabels:       <none>\nAnnotations:  <none>\nAPI Version:  coordination\.k8s\.io\/v1\nKind:         Lease\nMetadata:\n  Creation Timestamp:  2026-01-05T09:00:00Z\n  Owner References:\n    API Version:     v1\n    Kind:            Node\n/)
    expect(out).toContain('Spec:\n  Holder Identity:         worker-1\n  Lease Duration Seconds:  40\n')
    expect(out.endsWith('Events:                    <none>\n')).toBe(true)
  })
})
