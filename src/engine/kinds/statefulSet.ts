import { labelSelector, list, struct, template, topLevel } from '../admission/decodeShapes.ts'
import { type FieldError, invalid, required, unsupported } from '../admission/fieldErrors.ts'
import { defaultPodSpec } from '../admission/podDefaults.ts'
import { isEmptySelector, validatePodSpec } from '../admission/validation.ts'
import type { Pod, StatefulSet } from '../api/types.ts'
import { describeStatefulSet } from '../kubectl/describe/describeStatefulSet.ts'
import { ageOf } from '../kubectl/podSummary.ts'
import { selectorMatches } from '../util/labels.ts'
import { containersAndImages } from './columns.ts'
import { defineKind } from './kindModule.ts'
import { defaultClaimSpec, pvcSpecShape } from './persistentVolumeClaim.ts'

const shape = topLevel('v1.StatefulSet', {
  spec: struct('v1.StatefulSetSpec', {
    replicas: 'int32', selector: labelSelector, template,
    volumeClaimTemplates: list(topLevel('v1.PersistentVolumeClaim', { spec: pvcSpecShape })),
    serviceName: 'string', podManagementPolicy: 'string',
    updateStrategy: struct('v1.StatefulSetUpdateStrategy', {
      type: 'string',
      rollingUpdate: struct('v1.RollingUpdateStatefulSetStrategy', { partition: 'int32', maxUnavailable: 'intOrString' }),
    }),
    revisionHistoryLimit: 'int32', minReadySeconds: 'int32',
    persistentVolumeClaimRetentionPolicy: struct('v1.StatefulSetPersistentVolumeClaimRetentionPolicy', { whenDeleted: 'string', whenScaled: 'string' }),
    ordinals: struct('v1.StatefulSetOrdinals', { start: 'int32' }),
  }),
})

const UPDATE_FORBIDDEN =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"

/** SetDefaults_StatefulSet (apps/v1). An explicit RollingUpdate without rollingUpdate keeps it nil, as upstream does. */
function defaultStatefulSet(set: StatefulSet): void {
  const spec = set.spec
  spec.podManagementPolicy ||= 'OrderedReady'
  spec.updateStrategy ??= {} as StatefulSet['spec']['updateStrategy']
  if (!spec.updateStrategy.type) {
    spec.updateStrategy.type = 'RollingUpdate'
    spec.updateStrategy.rollingUpdate ??= {}
  }
  if (spec.updateStrategy.type === 'RollingUpdate' && spec.updateStrategy.rollingUpdate) spec.updateStrategy.rollingUpdate.partition ??= 0
  spec.persistentVolumeClaimRetentionPolicy ??= {}
  spec.persistentVolumeClaimRetentionPolicy.whenDeleted ||= 'Retain'
  spec.persistentVolumeClaimRetentionPolicy.whenScaled ||= 'Retain'
  spec.replicas ??= 1
  spec.revisionHistoryLimit ??= 10
  if (spec.template?.spec) defaultPodSpec(spec.template.spec)
  for (const claim of spec.volumeClaimTemplates ?? []) {
    claim.apiVersion ??= 'v1'
    claim.kind ??= 'PersistentVolumeClaim'
    claim.spec ??= {}
    defaultClaimSpec(claim.spec)
    claim.status = { phase: 'Pending' }
  }
}

const nonNegative = (path: string, v: number | undefined): FieldError[] =>
  typeof v === 'number' && v < 0 ? [invalid(path, v, 'must be greater than or equal to 0')] : []

/** ValidateStatefulSetSpec, in upstream's order. */
function validateStatefulSet(set: StatefulSet): FieldError[] {
  const spec = set.spec
  const errs: FieldError[] = []
  const policy = spec.podManagementPolicy
  if (policy !== 'OrderedReady' && policy !== 'Parallel') {
    errs.push(invalid('spec.podManagementPolicy', policy, "must be 'OrderedReady' or 'Parallel'"))
  }
  const strategy = spec.updateStrategy
  if (strategy.type === 'OnDelete') {
    if (strategy.rollingUpdate) errs.push(invalid('spec.updateStrategy.rollingUpdate', strategy.rollingUpdate, "only allowed for updateStrategy 'RollingUpdate'"))
  } else if (strategy.type === 'RollingUpdate') {
    errs.push(...nonNegative('spec.updateStrategy.rollingUpdate.partition', strategy.rollingUpdate?.partition))
  } else {
    errs.push(invalid('spec.updateStrategy', strategy, "must be 'RollingUpdate' or 'OnDelete'"))
  }
  const retention = spec.persistentVolumeClaimRetentionPolicy ?? {}
  for (const field of ['whenDeleted', 'whenScaled'] as const) {
    const v = retention[field]
    if (v !== 'Retain' && v !== 'Delete') errs.push(unsupported(`spec.persistentVolumeClaimRetentionPolicy.${field}`, v, ['Retain', 'Delete']))
  }
  errs.push(...nonNegative('spec.replicas', spec.replicas))
  errs.push(...nonNegative('spec.minReadySeconds', spec.minReadySeconds))
  errs.push(...nonNegative('spec.ordinals.start', spec.ordinals?.start))
  if (!spec.selector) errs.push(required('spec.selector'))
  else if (isEmptySelector(spec.selector)) errs.push(invalid('spec.selector', spec.selector, 'empty selector is invalid for statefulset'))
  // A missing selector selects nothing (labels.Nothing), so it matches no template either; an empty one selects everything.
  const labels = spec.template?.metadata?.labels ?? {}
  if (!spec.selector || (!isEmptySelector(spec.selector) && !selectorMatches(spec.selector, labels))) {
    errs.push(invalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'))
  }
  if (!spec.template?.spec) errs.push(required('spec.template.spec.containers'))
  else {
    errs.push(...validatePodSpec(spec.template.spec, 'spec.template.spec', ['Always', 'OnFailure', 'Never']))
    const restart = spec.template.spec.restartPolicy
    if (restart !== 'Always') errs.push(unsupported('spec.template.spec.restartPolicy', restart, ['Always']))
    if (spec.template.spec.activeDeadlineSeconds !== undefined) {
      errs.push({ path: 'spec.template.spec.activeDeadlineSeconds', type: 'Forbidden', detail: 'activeDeadlineSeconds in StatefulSet is not Supported' })
    }
  }
  return errs
}

/** ValidateStatefulSetUpdate: only some spec fields may change. */
function validateStatefulSetUpdate(set: StatefulSet, old: StatefulSet): FieldError[] {
  const frozen = (s: StatefulSet) =>
    JSON.stringify({
      ...s.spec,
      replicas: undefined, template: undefined, updateStrategy: undefined, minReadySeconds: undefined,
      ordinals: undefined, revisionHistoryLimit: undefined, persistentVolumeClaimRetentionPolicy: undefined,
    })
  return frozen(set) === frozen(old) ? [] : [{ path: 'spec', type: 'Forbidden', detail: UPDATE_FORBIDDEN }]
}

/** kubectl's StatefulSetStatusViewer (polymorphichelpers/rollout_status.go). */
function statefulSetRolloutStatus(set: StatefulSet): { text: string; done: boolean } {
  const s = set.status ?? { replicas: 0, availableReplicas: 0 }
  const strategy = set.spec.updateStrategy
  if (strategy.type !== 'RollingUpdate') return { text: 'error: rollout status is only available for RollingUpdate strategy type', done: true }
  if (!s.observedGeneration || (set.metadata.generation ?? 0) > s.observedGeneration) {
    return { text: 'Waiting for statefulset spec update to be observed...', done: false }
  }
  const ready = s.readyReplicas ?? 0
  if (ready < set.spec.replicas) return { text: `Waiting for ${set.spec.replicas - ready} pods to be ready...`, done: false }
  const updated = s.updatedReplicas ?? 0
  if (strategy.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition ?? 0
    if (updated < set.spec.replicas - partition) {
      return { text: `Waiting for partitioned roll out to finish: ${updated} out of ${set.spec.replicas - partition} new pods have been updated...`, done: false }
    }
    return { text: `partitioned roll out complete: ${updated} new pods have been updated...`, done: true }
  }
  if (s.updateRevision !== s.currentRevision) {
    return { text: `waiting for statefulset rolling update to complete ${updated} pods at revision ${s.updateRevision}...`, done: false }
  }
  return { text: `statefulset rolling update complete ${s.currentReplicas ?? 0} pods at revision ${s.currentRevision}...`, done: true }
}

export const statefulSetKind = defineKind<StatefulSet>({
  names: { kind: 'StatefulSet', group: 'apps', version: 'v1', plural: 'statefulsets', singular: 'statefulset', shortNames: ['sts'], namespaced: true },
  simulated: true,
  nameRule: 'subdomain',
  shape,
  hasSpec: true,
  defaults: defaultStatefulSet,
  initialStatus: () => ({ replicas: 0, availableReplicas: 0 }),
  validate: validateStatefulSet,
  validateUpdate: validateStatefulSetUpdate,
  table: {
    columns: ['NAME', 'READY', 'AGE'],
    wideColumns: ['CONTAINERS', 'IMAGES'],
    row(obj, now) {
      const set = obj as StatefulSet
      return [set.metadata.name, `${set.status?.readyReplicas ?? 0}/${set.spec.replicas}`, ageOf(set.metadata.creationTimestamp, now)]
    },
    wideRow: (obj) => containersAndImages((obj as StatefulSet).spec.template.spec),
  },
  describe: (set, ctx) => describeStatefulSet(set, ctx.store.dependents<Pod>(set.metadata.uid, 'Pod'), ctx.eventsFor(set), ctx.now),
  scale: { get: (set) => set.spec.replicas, set: (set, n) => (set.spec.replicas = n) },
  rolloutStatus: statefulSetRolloutStatus,
})
