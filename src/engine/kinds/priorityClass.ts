import { ageOf } from '../kubectl/podSummary.ts'
import { defineKind } from './kindModule.ts'
import { describePriorityClass } from '../kubectl/describe/describePriorityClass.ts'

export const priorityClassKind = defineKind({
  names: { kind: 'PriorityClass', group: 'scheduling.k8s.io', version: 'v1', plural: 'priorityclasses', singular: 'priorityclass', shortNames: ['pc'], namespaced: false },
  // Pods take their priority from their class (the Priority admission plugin); preemption comes with the scheduler work.
  simulated: true,
  nameRule: 'subdomain',
  defaults(pc) {
    pc.preemptionPolicy ??= 'PreemptLowerPriority'
  },
  describe: (pc, ctx) => describePriorityClass(pc, ctx.eventsFor(pc), ctx.now),
  table: {
    columns: ['NAME', 'VALUE', 'GLOBAL-DEFAULT', 'AGE'],
    wideColumns: ['PREEMPTIONPOLICY'],
    row: (obj, now) => [obj.metadata.name, String(obj.value ?? 0), String(obj.globalDefault === true), ageOf(obj.metadata.creationTimestamp, now)],
    wideRow: (obj) => [String(obj.preemptionPolicy ?? '')],
  },
})
