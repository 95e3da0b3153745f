import type { Deployment, KubeEvent, ReplicaSet } from '../../api/types.ts'
import { formatSelector } from '../../util/labels.ts'
import { podTemplateHash } from '../../controllers/podTemplateHash.ts'
import { DescribeWriter, rfc1123z } from '../describeWriter.ts'
import { describeEvents, describePodTemplate, eventsFor, printAnnotationsMultiline, printLabelsMultiline } from './common.ts'

function replicaSetsList(list: ReplicaSet[]): string {
  if (list.length === 0) return '<none>'
  return list.map((rs) => `${rs.metadata.name} (${rs.status.replicas ?? 0}/${rs.spec.replicas} replicas created)`).join(', ')
}

/** `kubectl describe deployment`. */
export function describeDeployment(d: Deployment, replicaSets: ReplicaSet[], events: KubeEvent[], nowMs: number): string {
  const w = new DescribeWriter()
  const s = d.status ?? {}
  w.write(0, `Name:\t${d.metadata.name}\n`)
  w.write(0, `Namespace:\t${d.metadata.namespace}\n`)
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`)
  printLabelsMultiline(w, 'Labels', d.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations)
  w.write(0, `Selector:\t${formatSelector(d.spec.selector)}\n`)
  w.write(0, `Replicas:\t${d.spec.replicas} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable\n`)
  w.write(0, `StrategyType:\t${d.spec.strategy.type}\n`)
  w.write(0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`)
  const ru = d.spec.strategy.rollingUpdate
  if (ru) w.write(0, `RollingUpdateStrategy:\t${ru.maxUnavailable} max unavailable, ${ru.maxSurge} max surge\n`)
  describePodTemplate(w, d.spec.template)
  if (s.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n')
    w.write(1, '----\t------\t------\n')
    for (const c of s.conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`)
  }
  const hash = podTemplateHash(d.spec.template)
  const newRS = replicaSets.filter((rs) => rs.metadata.labels?.['pod-template-hash'] === hash)
  const oldRSs = replicaSets.filter((rs) => rs.metadata.labels?.['pod-template-hash'] !== hash && (rs.spec.replicas > 0 || (rs.status.replicas ?? 0) > 0))
  if (replicaSets.length > 0) {
    w.write(0, `OldReplicaSets:\t${replicaSetsList(oldRSs)}\n`)
    w.write(0, `NewReplicaSet:\t${replicaSetsList(newRS)}\n`)
  }
  describeEvents(w, eventsFor(events, d), nowMs)
  return w.toString()
}
