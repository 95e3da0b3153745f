import { deploymentShape } from '../admission/decodeShapes.ts'
import { type FieldError, invalid, unsupported } from '../admission/fieldErrors.ts'
import { defaultPodSpec } from '../admission/podDefaults.ts'
import { immutableSelector, validateTemplatedWorkload } from '../admission/validation.ts'
import type { Deployment, ReplicaSet } from '../api/types.ts'
import { describeDeployment } from '../kubectl/describe/describeDeployment.ts'
import { ageOf } from '../kubectl/podSummary.ts'
import { formatSelector } from '../util/labels.ts'
import { containersAndImages } from './columns.ts'
import { defineKind } from './kindModule.ts'

function isZero(v: number | string | undefined): boolean {
  return v === 0 || v === '0' || v === '0%'
}

function validateDeployment(d: Deployment): FieldError[] {
  const spec = d.spec
  const errs = validateTemplatedWorkload(spec, ['Always'])
  const type = spec.strategy?.type
  if (type && type !== 'RollingUpdate' && type !== 'Recreate') {
    errs.push(unsupported('spec.strategy.type', type, ['Recreate', 'RollingUpdate']))
  }
  const ru = spec.strategy?.rollingUpdate
  if (type === 'Recreate' && ru) {
    errs.push({ path: 'spec.strategy.rollingUpdate', type: 'Forbidden', detail: "may not be specified when strategy `type` is 'Recreate'" })
  }
  if (ru && isZero(ru.maxSurge) && isZero(ru.maxUnavailable)) {
    errs.push(invalid('spec.strategy.rollingUpdate.maxUnavailable', ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0'))
  }
  return errs
}

export const deploymentKind = defineKind<Deployment>({
  names: { kind: 'Deployment', group: 'apps', version: 'v1', plural: 'deployments', singular: 'deployment', shortNames: ['deploy'], namespaced: true },
  simulated: true,
  nameRule: 'subdomain',
  shape: deploymentShape,
  hasSpec: true,
  defaults(d) {
    d.spec.replicas ??= 1
    d.spec.strategy ??= { type: 'RollingUpdate' }
    d.spec.strategy.type ??= 'RollingUpdate'
    if (d.spec.strategy.type === 'RollingUpdate') {
      d.spec.strategy.rollingUpdate = { maxUnavailable: '25%', maxSurge: '25%', ...(d.spec.strategy.rollingUpdate ?? {}) }
    }
    d.spec.revisionHistoryLimit ??= 10
    d.spec.progressDeadlineSeconds ??= 600
    if (d.spec.template?.spec) defaultPodSpec(d.spec.template.spec)
  },
  initialStatus: () => ({}),
  validate: validateDeployment,
  validateUpdate: (d, old) => immutableSelector(d.spec.selector, old.spec.selector),
  table: {
    columns: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
    wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row(obj, now) {
      const d = obj as Deployment
      const s = d.status ?? {}
      return [d.metadata.name, `${s.readyReplicas ?? 0}/${d.spec.replicas}`, String(s.updatedReplicas ?? 0), String(s.availableReplicas ?? 0), ageOf(d.metadata.creationTimestamp, now)]
    },
    wideRow(obj) {
      const d = obj as Deployment
      return [...containersAndImages(d.spec.template.spec), formatSelector(d.spec.selector)]
    },
  },
  describe: (d, ctx) => describeDeployment(d, ctx.store.dependents<ReplicaSet>(d.metadata.uid, 'ReplicaSet'), ctx.eventsFor(d), ctx.now),
  scale: { get: (d) => d.spec.replicas, set: (d, n) => (d.spec.replicas = n) },
  rolloutStatus: deploymentRolloutStatus,
})

/** kubectl's DeploymentStatusViewer: one line saying where the rollout stands, and whether it is done. */
function deploymentRolloutStatus(d: Deployment): { text: string; done: boolean } {
  const name = d.metadata.name
  const s = d.status ?? {}
  if ((d.metadata.generation ?? 0) > (s.observedGeneration ?? 0)) return { text: 'Waiting for deployment spec update to be observed...', done: false }
  const progressing = s.conditions?.find((c) => c.type === 'Progressing')
  if (progressing?.reason === 'ProgressDeadlineExceeded') return { text: `error: deployment "${name}" exceeded its progress deadline`, done: true }
  const updated = s.updatedReplicas ?? 0
  const replicas = s.replicas ?? 0
  const available = s.availableReplicas ?? 0
  const prefix = `Waiting for deployment "${name}" rollout to finish:`
  if (updated < d.spec.replicas) return { text: `${prefix} ${updated} out of ${d.spec.replicas} new replicas have been updated...`, done: false }
  if (replicas > updated) return { text: `${prefix} ${replicas - updated} old replicas are pending termination...`, done: false }
  if (available < updated) return { text: `${prefix} ${available} of ${updated} updated replicas are available...`, done: false }
  return { text: `deployment "${name}" successfully rolled out`, done: true }
}

