import { daemonSetShape } from '../admission/decodeShapes.ts'
import { type FieldError, invalid, required, unsupported } from '../admission/fieldErrors.ts'
import { defaultPodSpec } from '../admission/podDefaults.ts'
import { immutableSelector, isEmptySelector, validateTemplatedWorkload } from '../admission/validation.ts'
import type { DaemonSet, Pod } from '../api/types.ts'
import { describeDaemonSet } from '../kubectl/describe/describeDaemonSet.ts'
import { ageOf } from '../kubectl/podSummary.ts'
import { formatLabels, formatSelector } from '../util/labels.ts'
import { containersAndImages } from './columns.ts'
import { defineKind } from './kindModule.ts'

/** apps/v1 shows spec.templateGeneration as this annotation; the server owns it. */
export const TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation'

const isZero = (v: number | string | undefined) => v === undefined || v === 0 || v === '0' || v === '0%'

/** ValidateDaemonSetSpec (pkg/apis/apps/validation). */
function validateDaemonSet(ds: DaemonSet): FieldError[] {
  const spec = ds.spec
  const errs = validateTemplatedWorkload(spec, ['Always'], { selectorRequired: false })
  if (!spec.selector) errs.unshift(required('spec.selector'))
  else if (isEmptySelector(spec.selector)) errs.push(invalid('spec.selector', spec.selector, 'empty selector is invalid for daemonset'))
  if (spec.template?.spec?.activeDeadlineSeconds !== undefined) {
    errs.push({ path: 'spec.template.spec.activeDeadlineSeconds', type: 'Forbidden', detail: 'activeDeadlineSeconds in DaemonSet is not Supported' })
  }
  for (const field of ['minReadySeconds', 'revisionHistoryLimit'] as const) {
    const v = spec[field]
    if (typeof v === 'number' && v < 0) errs.push(invalid(`spec.${field}`, v, 'must be greater than or equal to 0'))
  }
  const strategy = spec.updateStrategy
  if (strategy.type === 'RollingUpdate') {
    const ru = strategy.rollingUpdate ?? {}
    const hasUnavailable = !isZero(ru.maxUnavailable)
    const hasSurge = !isZero(ru.maxSurge)
    if (hasUnavailable && hasSurge) errs.push(invalid('spec.updateStrategy.rollingUpdate.maxSurge', String(ru.maxSurge), 'may not be set when maxUnavailable is non-zero'))
    if (!hasUnavailable && !hasSurge) errs.push(required('spec.updateStrategy.rollingUpdate.maxUnavailable', 'cannot be 0 when maxSurge is 0'))
  } else if (strategy.type !== 'OnDelete') {
    errs.push(unsupported('spec.updateStrategy.type', strategy.type, ['RollingUpdate', 'OnDelete']))
  }
  return errs
}

export const daemonSetKind = defineKind<DaemonSet>({
  names: { kind: 'DaemonSet', group: 'apps', version: 'v1', plural: 'daemonsets', singular: 'daemonset', shortNames: ['ds'], namespaced: true },
  simulated: true,
  nameRule: 'subdomain',
  shape: daemonSetShape,
  hasSpec: true,
  defaults(ds, ctx) {
    // SetDefaults_DaemonSet.
    ds.spec.updateStrategy ??= { type: 'RollingUpdate' }
    ds.spec.updateStrategy.type ||= 'RollingUpdate'
    if (ds.spec.updateStrategy.type === 'RollingUpdate') {
      ds.spec.updateStrategy.rollingUpdate = { maxUnavailable: 1, maxSurge: 0, ...(ds.spec.updateStrategy.rollingUpdate ?? {}) }
    }
    ds.spec.revisionHistoryLimit ??= 10
    if (ds.spec.template?.spec) defaultPodSpec(ds.spec.template.spec)
    // The strategy's templateGeneration: 1 at creation, +1 whenever the template changes.
    const old = ctx.old as DaemonSet | undefined
    let generation = 1
    if (old) {
      generation = Number(old.metadata.annotations?.[TEMPLATE_GENERATION] ?? 1)
      if (JSON.stringify(old.spec.template) !== JSON.stringify(ds.spec.template)) generation++
    }
    ds.metadata.annotations = { ...(ds.metadata.annotations ?? {}), [TEMPLATE_GENERATION]: String(generation) }
  },
  initialStatus: () => ({ currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 }),
  validate: validateDaemonSet,
  validateUpdate: (ds, old) => immutableSelector(ds.spec.selector, old.spec.selector),
  table: {
    columns: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
    wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row(obj, now) {
      const ds = obj as DaemonSet
      const s = ds.status ?? {}
      return [
        ds.metadata.name,
        String(s.desiredNumberScheduled ?? 0),
        String(s.currentNumberScheduled ?? 0),
        String(s.numberReady ?? 0),
        String(s.updatedNumberScheduled ?? 0),
        String(s.numberAvailable ?? 0),
        formatLabels(ds.spec.template.spec.nodeSelector),
        ageOf(ds.metadata.creationTimestamp, now),
      ]
    },
    wideRow(obj) {
      const ds = obj as DaemonSet
      return [...containersAndImages(ds.spec.template.spec), formatSelector(ds.spec.selector)]
    },
  },
  describe: (ds, ctx) => describeDaemonSet(ds, ctx.store.dependents<Pod>(ds.metadata.uid, 'Pod'), ctx.eventsFor(ds), ctx.now),
  rolloutStatus: daemonSetRolloutStatus,
})

/** kubectl's DaemonSetStatusViewer. */
function daemonSetRolloutStatus(ds: DaemonSet): { text: string; done: boolean } {
  if (ds.spec.updateStrategy.type !== 'RollingUpdate') return { text: 'error: rollout status is only available for RollingUpdate strategy type', done: true }
  const s = ds.status ?? {}
  if ((ds.metadata.generation ?? 0) > (s.observedGeneration ?? 0)) return { text: 'Waiting for daemon set spec update to be observed...', done: false }
  const name = ds.metadata.name
  const desired = s.desiredNumberScheduled ?? 0
  const updated = s.updatedNumberScheduled ?? 0
  const available = s.numberAvailable ?? 0
  if (updated < desired) return { text: `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...`, done: false }
  if (available < desired) return { text: `Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...`, done: false }
  return { text: `daemon set "${name}" successfully rolled out`, done: true }
}
