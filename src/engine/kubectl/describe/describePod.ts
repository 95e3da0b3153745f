import type { KubeEvent, Pod } from '../../api/types.ts'
import { parseSimTime } from '../../clock.ts'
import { qosClass } from '../../kubelet/podStatus.ts'
import { humanDuration } from '../../util/duration.ts'
import { DescribeWriter, rfc1123z } from '../describeWriter.ts'
import { controllerOf, describeContainers, mountsOf, describeEvents, eventsFor, printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './common.ts'

interface Volume {
  name: string
  projected?: { sources: Record<string, { name?: string; expirationSeconds?: number; optional?: boolean }>[] }
  emptyDir?: { medium?: string; sizeLimit?: string }
  configMap?: { name: string; optional?: boolean }
  secret?: { secretName: string; optional?: boolean }
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean }
  hostPath?: { path: string; type?: string }
}

function describeVolumes(w: DescribeWriter, volumes: Volume[]): void {
  if (volumes.length === 0) return w.write(0, 'Volumes:\t<none>\n')
  w.write(0, 'Volumes:\n')
  for (const v of volumes) {
    w.write(1, `${v.name}:\n`)
    if (v.projected) {
      w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n')
      for (const source of v.projected.sources) {
        if (source.secret) w.write(2, `SecretName:\t${source.secret.name}\n    Optional:\t${!!source.secret.optional}\n`)
        else if (source.downwardAPI) w.write(2, 'DownwardAPI:\ttrue\n')
        else if (source.configMap) w.write(2, `ConfigMapName:\t${source.configMap.name}\n    Optional:\t${!!source.configMap.optional}\n`)
        else if (source.serviceAccountToken) w.write(2, `TokenExpirationSeconds:\t${source.serviceAccountToken.expirationSeconds ?? 3607}\n`)
      }
    } else if (v.emptyDir) {
      w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${v.emptyDir.sizeLimit ?? '<unset>'}\n`)
    } else if (v.configMap) {
      w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name}\n    Optional:\t${!!v.configMap.optional}\n`)
    } else if (v.secret) {
      w.write(2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName}\n    Optional:\t${!!v.secret.optional}\n`)
    } else if (v.persistentVolumeClaim) {
      w.write(2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${!!v.persistentVolumeClaim.readOnly}\n`)
    } else if (v.hostPath) {
      w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type || '<none>'}\n`)
    } else w.write(1, '<unknown>\n')
  }
}

/** `kubectl describe pod` (describePod in kubectl's describe.go). */
export function describePod(pod: Pod, events: KubeEvent[], nowMs: number): string {
  const w = new DescribeWriter()
  w.write(0, `Name:\t${pod.metadata.name}\n`)
  w.write(0, `Namespace:\t${pod.metadata.namespace}\n`)
  if (pod.spec.priority !== undefined) w.write(0, `Priority:\t${pod.spec.priority}\n`)
  if (pod.spec.priorityClassName) w.write(0, `Priority Class Name:\t${pod.spec.priorityClassName}\n`)
  if (pod.spec.runtimeClassName) w.write(0, `Runtime Class Name:\t${pod.spec.runtimeClassName}\n`)
  if (pod.spec.serviceAccountName) w.write(0, `Service Account:\t${pod.spec.serviceAccountName}\n`)
  w.write(0, pod.spec.nodeName ? `Node:\t${pod.spec.nodeName}/${pod.status.hostIP ?? ''}\n` : 'Node:\t<none>\n')
  if (pod.status.startTime) w.write(0, `Start Time:\t${rfc1123z(pod.status.startTime)}\n`)
  printLabelsMultiline(w, 'Labels', pod.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', pod.metadata.annotations)
  const terminal = pod.status.phase === 'Failed' || pod.status.phase === 'Succeeded'
  if (pod.metadata.deletionTimestamp && !terminal) {
    w.write(0, `Status:\tTerminating (lasts ${humanDuration(nowMs - parseSimTime(pod.metadata.deletionTimestamp))})\n`)
    w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 30}s\n`)
  } else w.write(0, `Status:\t${pod.status.phase}\n`)
  if (pod.status.reason) w.write(0, `Reason:\t${pod.status.reason}\n`)
  if (pod.status.message) w.write(0, `Message:\t${pod.status.message}\n`)
  w.write(0, `IP:\t${pod.status.podIP ?? ''}\n`)
  if (!pod.status.podIPs?.length) w.write(0, 'IPs:\t<none>\n')
  else {
    w.write(0, 'IPs:\n')
    for (const ip of pod.status.podIPs) w.write(1, `IP:\t${ip.ip}\n`)
  }
  const controlledBy = controllerOf(pod)
  if (controlledBy) w.write(0, `Controlled By:\t${controlledBy}\n`)
  const nominated = (pod.status as { nominatedNodeName?: string }).nominatedNodeName
  if (nominated) w.write(0, `NominatedNodeName:\t${nominated}\n`)
  if (pod.spec.initContainers?.length) describeContainers(w, 'Init Containers', pod.spec.initContainers, pod.status.initContainerStatuses, '', mountsOf, pod)
  describeContainers(w, 'Containers', pod.spec.containers, pod.status.containerStatuses, '', mountsOf, pod)
  if (pod.status.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\n')
    for (const c of pod.status.conditions) w.write(1, `${c.type} \t${c.status} \n`)
  }
  describeVolumes(w, (pod.spec.volumes as Volume[] | undefined) ?? [])
  w.write(0, `QoS Class:\t${pod.status.qosClass ?? qosClass(pod)}\n`)
  printLabelsMultiline(w, 'Node-Selectors', pod.spec.nodeSelector)
  printTolerationsMultiline(w, 'Tolerations', pod.spec.tolerations)
  describeEvents(w, eventsFor(events, pod), nowMs)
  return w.toString()
}
