import { template, topLevel, struct } from '../admission/decodeShapes.ts'
import { type FieldError, invalid, required } from '../admission/fieldErrors.ts'
import { defaultPodSpec } from '../admission/podDefaults.ts'
import { validatePodSpec } from '../admission/validation.ts'
import type { Pod, PodTemplateSpec, ReplicaSetStatus } from '../api/types.ts'
import { describeReplicationController } from '../kubectl/describe/describeReplicationController.ts'
import { ageOf } from '../kubectl/podSummary.ts'
import { formatLabels } from '../util/labels.ts'
import { containersAndImages } from './columns.ts'
import { defineKind } from './kindModule.ts'
import type { KubeObject } from '../api/types.ts'

export interface ReplicationController extends KubeObject {
  kind: 'ReplicationController'
  spec: { replicas?: number; minReadySeconds?: number; selector?: Record<string, string>; template?: PodTemplateSpec }
  status: ReplicaSetStatus
}

const replicationControllerShape = topLevel('v1.ReplicationController', {
  spec: struct('v1.ReplicationControllerSpec', { replicas: 'int32', minReadySeconds: 'int32', selector: 'map[string]string', template }),
})

/** ValidateReplicationControllerSpec: an equality selector that matches the template, pods that always restart. */
function validateReplicationController(rc: ReplicationController): FieldError[] {
  const spec = rc.spec
  const errs: FieldError[] = []
  if ((spec.minReadySeconds ?? 0) < 0) errs.push(invalid('spec.minReadySeconds', spec.minReadySeconds, 'must be greater than or equal to 0'))
  const selector = spec.selector ?? {}
  if (Object.keys(selector).length === 0) errs.push(required('spec.selector'))
  if ((spec.replicas ?? 0) < 0) errs.push(invalid('spec.replicas', spec.replicas, 'must be greater than or equal to 0'))
  if (!spec.template) return [...errs, required('spec.template')]
  const labels = spec.template.metadata?.labels ?? {}
  if (Object.entries(selector).some(([k, v]) => labels[k] !== v)) {
    errs.push(invalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'))
  }
  if (!spec.template.spec) errs.push(required('spec.template.spec.containers'))
  else errs.push(...validatePodSpec(spec.template.spec, 'spec.template.spec', ['Always']))
  return errs
}

export const replicationControllerKind = defineKind<ReplicationController>({
  names: { kind: 'ReplicationController', group: '', version: 'v1', plural: 'replicationcontrollers', singular: 'replicationcontroller', shortNames: ['rc'], namespaced: true },
  simulated: true,
  nameRule: 'subdomain',
  shape: replicationControllerShape,
  hasSpec: true,
  defaults(rc) {
    // SetDefaults_ReplicationController: selector and labels come from the template when unset.
    const labels = rc.spec.template?.metadata?.labels
    if (labels) {
      if (Object.keys(rc.spec.selector ?? {}).length === 0) rc.spec.selector = { ...labels }
      if (Object.keys(rc.metadata.labels ?? {}).length === 0) rc.metadata.labels = { ...labels }
    }
    rc.spec.replicas ??= 1
    if (rc.spec.template?.spec) defaultPodSpec(rc.spec.template.spec)
  },
  initialStatus: () => ({ replicas: 0 }),
  validate: validateReplicationController,
  table: {
    columns: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
    wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row(obj, now) {
      const rc = obj as ReplicationController
      return [rc.metadata.name, String(rc.spec.replicas ?? 1), String(rc.status.replicas ?? 0), String(rc.status.readyReplicas ?? 0), ageOf(rc.metadata.creationTimestamp, now)]
    },
    wideRow(obj) {
      const rc = obj as ReplicationController
      return [...containersAndImages(rc.spec.template?.spec), formatLabels(rc.spec.selector)]
    },
  },
  describe: (rc, ctx) => describeReplicationController(rc, ctx.store.dependents<Pod>(rc.metadata.uid, 'Pod'), ctx.eventsFor(rc), ctx.now),
  scale: { get: (rc) => rc.spec.replicas ?? 1, set: (rc, n) => (rc.spec.replicas = n) },
})
