import { replicaSetShape } from '../admission/decodeShapes.ts'
import { defaultPodSpec } from '../admission/podDefaults.ts'
import { immutableSelector, validateTemplatedWorkload } from '../admission/validation.ts'
import type { Pod, ReplicaSet } from '../api/types.ts'
import { describeReplicaSet } from '../kubectl/describe/describeReplicaSet.ts'
import { ageOf } from '../kubectl/podSummary.ts'
import { formatSelector } from '../util/labels.ts'
import { containersAndImages } from './columns.ts'
import { defineKind } from './kindModule.ts'

export const replicaSetKind = defineKind<ReplicaSet>({
  names: { kind: 'ReplicaSet', group: 'apps', version: 'v1', plural: 'replicasets', singular: 'replicaset', shortNames: ['rs'], namespaced: true },
  simulated: true,
  nameRule: 'subdomain',
  shape: replicaSetShape,
  hasSpec: true,
  fieldLabels: ['status.replicas'],
  defaults(rs) {
    rs.spec.replicas ??= 1
    if (rs.spec.template?.spec) defaultPodSpec(rs.spec.template.spec)
  },
  initialStatus: () => ({ replicas: 0 }),
  validate: (rs) => validateTemplatedWorkload(rs.spec, ['Always']),
  validateUpdate: (rs, old) => immutableSelector(rs.spec.selector, old.spec.selector),
  table: {
    columns: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
    wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row(obj, now) {
      const rs = obj as ReplicaSet
      return [rs.metadata.name, String(rs.spec.replicas), String(rs.status.replicas ?? 0), String(rs.status.readyReplicas ?? 0), ageOf(rs.metadata.creationTimestamp, now)]
    },
    wideRow(obj) {
      const rs = obj as ReplicaSet
      return [...containersAndImages(rs.spec.template.spec), formatSelector(rs.spec.selector)]
    },
  },
  describe: (rs, ctx) => describeReplicaSet(rs, ctx.store.dependents<Pod>(rs.metadata.uid, 'Pod'), ctx.eventsFor(rs), ctx.now),
  scale: { get: (rs) => rs.spec.replicas, set: (rs, n) => (rs.spec.replicas = n) },
})
