import { describe, expect, it } from 'vitest'
import { apply, kubectl, newSim } from '../helpers.ts'

const MANIFESTS = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: standard
  annotations: {storageclass.kubernetes.io/is-default-class: "true"}
provisioner: rancher.io/local-path
volumeBindingMode: WaitForFirstConsumer
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: pod-reader}
rules:
- apiGroups: [""]
  resources: [pods]
  verbs: [get, list]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: read-pods}
subjects:
- {kind: User, name: jane, apiGroup: rbac.authorization.k8s.io}
- {kind: ServiceAccount, name: builder, namespace: default}
roleRef: {kind: Role, name: pod-reader, apiGroup: rbac.authorization.k8s.io}
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: high}
value: 1000000
globalDefault: false
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web-pdb}
spec:
  minAvailable: 2
  selector: {matchLabels: {app: web}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-all}
spec:
  podSelector: {}
  policyTypes: [Ingress]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: site}
spec:
  ingressClassName: nginx
  rules:
  - host: foo.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv0001}
spec:
  capacity: {storage: 5Gi}
  accessModes: [ReadWriteOnce, ReadOnlyMany]
  hostPath: {path: /data/pv0001}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 1
  maxReplicas: 10
  metrics:
  - type: Resource
    resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: builder}
`

describe('tables of kinds kubesim stores', () => {
  it('print the columns and cells kubectl prints', () => {
    const sim = newSim()
    apply(sim, MANIFESTS)
    sim.advance(60_000)
    expect(kubectl(sim, 'get sc')).toBe(
      'NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE\n' +
        'standard (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  60s\n',
    )
    expect(kubectl(sim, 'get role')).toBe('NAME         CREATED AT\npod-reader   2026-01-05T09:00:00Z\n')
    expect(kubectl(sim, 'get rolebinding -o wide')).toBe(
      'NAME        ROLE              AGE   USERS   GROUPS   SERVICEACCOUNTS\nread-pods   Role/pod-reader   60s   jane             default/builder\n',
    )
    expect(kubectl(sim, 'get pc high -o wide')).toBe('NAME   VALUE     GLOBAL-DEFAULT   AGE   PREEMPTIONPOLICY\nhigh   1000000   false            60s   PreemptLowerPriority\n')
    expect(kubectl(sim, 'get pdb')).toBe('NAME      MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE\nweb-pdb   2               N/A               0                     60s\n')
    expect(kubectl(sim, 'get netpol')).toBe('NAME       POD-SELECTOR   AGE\ndeny-all   <none>         60s\n')
    expect(kubectl(sim, 'get ing')).toBe('NAME   CLASS   HOSTS             ADDRESS   PORTS   AGE\nsite   nginx   foo.example.com             80      60s\n')
    expect(kubectl(sim, 'get pv')).toBe(
      'NAME     CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS      CLAIM   STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE\n' +
        'pv0001   5Gi        RWO,ROX        Retain           Available                          <unset>                          60s\n',
    )
    expect(kubectl(sim, 'get hpa')).toBe(
      'NAME   REFERENCE        TARGETS              MINPODS   MAXPODS   REPLICAS   AGE\nweb    Deployment/web   cpu: <unknown>/50%   1         10        0          60s\n',
    )
    expect(kubectl(sim, 'get sa builder')).toBe('NAME      SECRETS   AGE\nbuilder   0         60s\n')
  })
})
