import { describe, expect, it } from 'vitest'
import { allKinds } from '../../src/engine/kinds/registry.ts'
import { kubectl, newSim } from '../helpers.ts'

/** What a v1.34 cluster prints, less the resources kubesim does not serve (bindings, componentstatuses, the review APIs, apiservices, events.k8s.io, ipaddresses, servicecidrs, csinodes, csistoragecapacities, volumeattachments). */
const ALL = `NAME                                SHORTNAMES   APIVERSION                        NAMESPACED   KIND
configmaps                          cm           v1                                true         ConfigMap
endpoints                           ep           v1                                true         Endpoints
events                              ev           v1                                true         Event
limitranges                         limits       v1                                true         LimitRange
namespaces                          ns           v1                                false        Namespace
nodes                               no           v1                                false        Node
persistentvolumeclaims              pvc          v1                                true         PersistentVolumeClaim
persistentvolumes                   pv           v1                                false        PersistentVolume
pods                                po           v1                                true         Pod
podtemplates                                     v1                                true         PodTemplate
replicationcontrollers              rc           v1                                true         ReplicationController
resourcequotas                      quota        v1                                true         ResourceQuota
secrets                                          v1                                true         Secret
serviceaccounts                     sa           v1                                true         ServiceAccount
services                            svc          v1                                true         Service
mutatingwebhookconfigurations                    admissionregistration.k8s.io/v1   false        MutatingWebhookConfiguration
validatingadmissionpolicies                      admissionregistration.k8s.io/v1   false        ValidatingAdmissionPolicy
validatingadmissionpolicybindings                admissionregistration.k8s.io/v1   false        ValidatingAdmissionPolicyBinding
validatingwebhookconfigurations                  admissionregistration.k8s.io/v1   false        ValidatingWebhookConfiguration
customresourcedefinitions           crd,crds     apiextensions.k8s.io/v1           false        CustomResourceDefinition
controllerrevisions                              apps/v1                           true         ControllerRevision
daemonsets                          ds           apps/v1                           true         DaemonSet
deployments                         deploy       apps/v1                           true         Deployment
replicasets                         rs           apps/v1                           true         ReplicaSet
statefulsets                        sts          apps/v1                           true         StatefulSet
horizontalpodautoscalers            hpa          autoscaling/v2                    true         HorizontalPodAutoscaler
cronjobs                            cj           batch/v1                          true         CronJob
jobs                                             batch/v1                          true         Job
certificatesigningrequests          csr          certificates.k8s.io/v1            false        CertificateSigningRequest
leases                                           coordination.k8s.io/v1            true         Lease
endpointslices                                   discovery.k8s.io/v1               true         EndpointSlice
flowschemas                                      flowcontrol.apiserver.k8s.io/v1   false        FlowSchema
prioritylevelconfigurations                      flowcontrol.apiserver.k8s.io/v1   false        PriorityLevelConfiguration
ingressclasses                                   networking.k8s.io/v1              false        IngressClass
ingresses                           ing          networking.k8s.io/v1              true         Ingress
networkpolicies                     netpol       networking.k8s.io/v1              true         NetworkPolicy
runtimeclasses                                   node.k8s.io/v1                    false        RuntimeClass
poddisruptionbudgets                pdb          policy/v1                         true         PodDisruptionBudget
clusterrolebindings                              rbac.authorization.k8s.io/v1      false        ClusterRoleBinding
clusterroles                                     rbac.authorization.k8s.io/v1      false        ClusterRole
rolebindings                                     rbac.authorization.k8s.io/v1      true         RoleBinding
roles                                            rbac.authorization.k8s.io/v1      true         Role
deviceclasses                                    resource.k8s.io/v1                false        DeviceClass
resourceclaims                                   resource.k8s.io/v1                true         ResourceClaim
resourceclaimtemplates                           resource.k8s.io/v1                true         ResourceClaimTemplate
resourceslices                                   resource.k8s.io/v1                false        ResourceSlice
priorityclasses                     pc           scheduling.k8s.io/v1              false        PriorityClass
csidrivers                                       storage.k8s.io/v1                 false        CSIDriver
storageclasses                      sc           storage.k8s.io/v1                 false        StorageClass
volumeattributesclasses             vac          storage.k8s.io/v1                 false        VolumeAttributesClass
`

describe('kubectl api-resources', () => {
  const sim = newSim({ workers: 1 })

  it('lists every kind the API server serves, core first, then by group, ties by name', () => {
    expect(kubectl(sim, 'api-resources')).toBe(ALL)
    expect(ALL.trim().split('\n')).toHaveLength(allKinds().length + 1)
  })

  it('filters by scope and group, with the tabwriter narrowing the columns', () => {
    const clusterScoped = kubectl(sim, 'api-resources --namespaced=false')
    expect(clusterScoped.split('\n')[1]).toBe('namespaces                          ns           v1                                false        Namespace')
    expect(clusterScoped).not.toMatch(/ true /)
    expect(kubectl(sim, 'api-resources --namespaced=true')).not.toMatch(/ false /)
    expect(kubectl(sim, 'api-resources --api-group=').split('\n').slice(0, 3)).toEqual([
      'NAME                     SHORTNAMES   APIVERSION   NAMESPACED   KIND',
      'configmaps               cm           v1           true         ConfigMap',
      'endpoints                ep           v1           true         Endpoints',
    ])
    expect(kubectl(sim, 'api-resources --api-group=apps')).toBe(`NAME                  SHORTNAMES   APIVERSION   NAMESPACED   KIND
controllerrevisions                apps/v1      true         ControllerRevision
daemonsets            ds           apps/v1      true         DaemonSet
deployments           deploy       apps/v1      true         Deployment
replicasets           rs           apps/v1      true         ReplicaSet
statefulsets          sts          apps/v1      true         StatefulSet
`)
  })

  it('prints names with -o name, sorts by name or kind, and refuses other sort keys', () => {
    expect(kubectl(sim, 'api-resources --api-group=apps -o name')).toBe('controllerrevisions.apps\ndaemonsets.apps\ndeployments.apps\nreplicasets.apps\nstatefulsets.apps\n')
    expect(kubectl(sim, 'api-resources -o name --namespaced=false --api-group=')).toBe('namespaces\nnodes\npersistentvolumes\n')
    const byKind = kubectl(sim, 'api-resources --sort-by=kind --no-headers').trim().split('\n').map((l) => l.split(/\s+/).pop())
    expect(byKind.slice(0, 3)).toEqual(['CSIDriver', 'CertificateSigningRequest', 'ClusterRole'])
    const byName = kubectl(sim, 'api-resources --sort-by=name -o name').trim().split('\n')
    expect(byName.slice(0, 3)).toEqual(['certificatesigningrequests.certificates.k8s.io', 'clusterrolebindings.rbac.authorization.k8s.io', 'clusterroles.rbac.authorization.k8s.io'])
    expect(kubectl(sim, 'api-resources --sort-by=age')).toBe('error: --sort-by accepts only name or kind\n')
  })
})
