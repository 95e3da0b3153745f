import { podShape } from '../admission/decodeShapes.ts'
import { defaultPodOnly, defaultPodSpec, initialPodStatus } from '../admission/podDefaults.ts'
import { validatePodSpec } from '../admission/validation.ts'
import type { FieldError } from '../admission/fieldErrors.ts'
import type { Pod } from '../api/types.ts'
import { describePod } from '../kubectl/describe/describePod.ts'
import { ageOf, summarizePod } from '../kubectl/podSummary.ts'
import { defineKind } from './kindModule.ts'

const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)'

/** The parts of a pod spec an update may not change (ValidatePodUpdate). */
function frozenSpec(p: Pod): string {
  const strip = (cs: Pod['spec']['containers'] | undefined) => cs?.map((c) => ({ ...c, image: undefined }))
  return JSON.stringify({
    ...p.spec,
    nodeName: undefined,
    containers: strip(p.spec.containers),
    initContainers: strip(p.spec.initContainers),
    activeDeadlineSeconds: undefined,
    tolerations: undefined,
    terminationGracePeriodSeconds: undefined,
    schedulingGates: undefined,
  })
}

type SchedulingGate = { name: string }

/** The API server leaves the gated condition's lastTransitionTime null (the one condition that does). */
const GATED_NO_TRANSITION = null as unknown as string

/** validateOnlyDeletedSchedulingGates: a gate may be removed, never added. */
function addedSchedulingGates(pod: Pod, old: Pod): FieldError[] {
  const before = new Set(((old.spec.schedulingGates as SchedulingGate[] | undefined) ?? []).map((g) => g.name))
  return ((pod.spec.schedulingGates as SchedulingGate[] | undefined) ?? []).flatMap((g, i) =>
    before.has(g.name) ? [] : [{ path: `spec.schedulingGates[${i}].name`, type: 'Forbidden' as const, detail: `only deletion is allowed, but found new scheduling gate '${g.name}'` }],
  )
}

export const podKind = defineKind<Pod>({
  names: { kind: 'Pod', group: '', version: 'v1', plural: 'pods', singular: 'pod', shortNames: ['po'], namespaced: true },
  simulated: true,
  nameRule: 'subdomain',
  shape: podShape,
  hasSpec: true,
  fieldLabels: ['spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.podIPs', 'status.nominatedNodeName'],
  defaults(pod) {
    defaultPodSpec(pod.spec)
    defaultPodOnly(pod.spec)
  },
  initialStatus: (pod) => {
    initialPodStatus(pod)
    // applySchedulingGatedCondition: a gated pod says so until its gates are gone.
    if (((pod.spec.schedulingGates as unknown[] | undefined) ?? []).length > 0) {
      pod.status.conditions = [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates', lastProbeTime: null, lastTransitionTime: GATED_NO_TRANSITION }]
    }
    return pod.status
  },
  validate: (pod) => validatePodSpec(pod.spec, 'spec'),
  validateUpdate(pod, old): FieldError[] {
    // Binding sets nodeName once; everything else about the spec is fixed at creation.
    if (old.spec.nodeName && pod.spec.nodeName !== old.spec.nodeName) return [{ path: 'spec.nodeName', type: 'Forbidden', detail: POD_UPDATE_FORBIDDEN }]
    const gates = addedSchedulingGates(pod, old)
    if (gates.length > 0) return gates
    return frozenSpec(pod) === frozenSpec(old) ? [] : [{ path: 'spec', type: 'Forbidden', detail: POD_UPDATE_FORBIDDEN }]
  },
  table: {
    columns: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
    wideColumns: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
    row(obj, now) {
      const pod = obj as Pod
      const s = summarizePod(pod, now)
      return [pod.metadata.name, s.ready, s.status, s.restarts, ageOf(pod.metadata.creationTimestamp, now)]
    },
    wideRow(obj) {
      const pod = obj as Pod
      return [pod.status.podIPs?.[0]?.ip ?? '<none>', pod.spec.nodeName || '<none>', pod.status.nominatedNodeName || '<none>', '<none>']
    },
  },
  deletion: {
    gracePeriod(pod, requested) {
      // An unbound or finished pod has nothing to stop: it goes at once.
      const finished = pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed'
      if (!pod.spec.nodeName || finished) return 0
      return requested ?? pod.spec.terminationGracePeriodSeconds ?? 30
    },
  },
  describe: (pod, ctx) => describePod(pod, ctx.eventsFor(pod), ctx.now),
})
